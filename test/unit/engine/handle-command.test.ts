import { describe, expect, test, vi } from 'vitest';
import { engineCommands, handleCommand, type CommandTarget } from '../../../background/engine/handle-command';
import type { EngineCommand } from '../../../src/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../src/settings/defaults';
import { EMPTY_ACCOUNT } from '../../../src/settings/account';

/** An engine that records which method each command reached, with what. */
function fakeEngine() {
  const engine = {
    applySettings: vi.fn(),
    dial: vi.fn(async () => ({ accepted: true, callId: 'c1' })),
    act: vi.fn(async () => ({ ok: true })),
    saveAccount: vi.fn(async () => ({ registered: true, message: 'Registered' })),
    accounts: { view: vi.fn(() => ({ hasPassword: false })), exported: vi.fn(() => EMPTY_ACCOUNT) },
    clearHistory: vi.fn(async () => undefined),
    seen: vi.fn(),
    setOnline: vi.fn(),
  };
  return { engine, run: (command: EngineCommand) => handleCommand(engineCommands(engine as unknown as CommandTarget), command) };
}

describe('engine commands reach the engine', () => {
  test('dial passes the target, the page it came from and the page flags', async () => {
    const { engine, run } = fakeEngine();
    const target = { kind: 'phone', e164: '+442079460958' } as const;
    const source = { url: 'https://example.com/', title: 'Example' };
    expect(await run({ command: 'dial', target, source, page: { unsure: true } })).toEqual({ accepted: true, callId: 'c1' });
    expect(engine.dial).toHaveBeenCalledWith(target, source, { unsure: true });
  });

  test('a call action reaches the call without the command tag or the call id', async () => {
    const { engine, run } = fakeEngine();
    await run({ command: 'call', callId: 'c1', action: 'dtmf', tone: '5' });
    await run({ command: 'call', action: 'hangup' });
    expect(engine.act.mock.calls).toEqual([
      ['c1', { action: 'dtmf', tone: '5' }],
      [undefined, { action: 'hangup' }],
    ]);
  });

  test('settings, account, history, seen, online and ping answer as before', async () => {
    const { engine, run } = fakeEngine();
    expect(await run({ command: 'settings', settings: DEFAULT_SETTINGS })).toEqual({ ok: true });
    expect(engine.applySettings).toHaveBeenCalledWith(DEFAULT_SETTINGS, undefined);
    // The service worker sends the policy values along, for the engine page to keep over its own settings reads.
    expect(await run({ command: 'settings', settings: DEFAULT_SETTINGS, managed: { dnd: true } })).toEqual({ ok: true });
    expect(engine.applySettings).toHaveBeenLastCalledWith(DEFAULT_SETTINGS, { dnd: true });
    expect(await run({ command: 'save-account', account: EMPTY_ACCOUNT })).toEqual({ registered: true, message: 'Registered' });
    expect(engine.saveAccount).toHaveBeenCalledWith(EMPTY_ACCOUNT);
    expect(await run({ command: 'get-account' })).toMatchObject({ hasPassword: false });
    expect(await run({ command: 'export-account', includePassword: true })).toEqual(EMPTY_ACCOUNT);
    expect(engine.accounts.exported).toHaveBeenCalledWith(true);
    expect(await run({ command: 'clear-history' })).toEqual({ ok: true });
    expect(await run({ command: 'seen' })).toEqual({ ok: true });
    expect(await run({ command: 'online' })).toEqual({ ok: true });
    expect(await run({ command: 'ping' })).toEqual({ ok: true });
    for (const method of [engine.clearHistory, engine.seen, engine.setOnline]) expect(method).toHaveBeenCalledOnce();
  });

  test('an unknown command name, or an inherited key, reaches no handler', async () => {
    const { engine, run } = fakeEngine();
    await expect(run({ command: 'reboot' } as unknown as EngineCommand)).rejects.toThrow('Unknown engine command');
    await expect(run({ command: 'constructor' } as unknown as EngineCommand)).rejects.toThrow('Unknown engine command');
    const { accounts, ...methods } = engine;
    for (const method of [...Object.values(methods), ...Object.values(accounts)]) expect(method).not.toHaveBeenCalled();
  });
});
