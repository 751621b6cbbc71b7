import { describe, expect, test, vi } from 'vitest';
import { createCtiHandler } from '../../../background/worker/cti-commands';
import { CallState } from '../../../src/call/call-state';
import { createPageDialLimit } from '../../../src/call/page-dial-limit';
import { RegistrationState } from '../../../src/call/registration-state';
import type { DialResult, EngineCommand, SenderInfo } from '../../../src/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../src/settings/defaults';

const CRM = 'https://crm.example.com';
const sender: SenderInfo = { origin: 'content', tabId: 4, frameUrl: `${CRM}/deals/1`, tab: { title: 'Deal', url: `${CRM}/deals/1` } };

function setup(dial: DialResult = { accepted: true, callId: 'c1' }, act: { ok: boolean; error?: string } = { ok: true }) {
  const snapshot = {
    registration: { state: RegistrationState.Registered, message: '' },
    calls: [{ id: 'c1', direction: 'outgoing', state: CallState.Connected, number: '+442079460958', startedAt: 1, connectedAt: 2, muted: false, held: false, source: { url: `${CRM}/secret`, title: 'x' } }],
    history: [{ id: 'h', direction: 'outgoing', number: '+15550100', startedAt: 0, durationMs: 0, result: '' }],
    missed: 0,
  };
  const engine = vi.fn(async (command: EngineCommand) => (command.command === 'dial' ? dial : command.command === 'snapshot' ? snapshot : command.command === 'call' ? act : { ok: true }));
  const openDialer = vi.fn(async () => undefined);
  const pause = vi.fn(async () => undefined);
  let now = 0;
  const handle = createCtiHandler({
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, calling: { ...DEFAULT_SETTINGS.calling, ctiOrigins: [CRM] } }),
    engine,
    pageDialLimit: createPageDialLimit(undefined, () => (now += 100)),
    country: async () => 'GB',
    openDialer,
    pause,
  });
  return { handle, engine, openDialer, pause };
}

describe('the background answers CTI commands', () => {
  test('only a sender whose tab and frame origins are allowed gets anywhere', async () => {
    const { handle, engine } = setup();
    expect(await handle({ command: 'hello' }, sender)).toEqual({ ok: true });
    const framed = { ...sender, frameUrl: 'https://ads.example.net/' };
    expect(await handle({ command: 'call', number: '+442079460958' }, framed)).toMatchObject({ ok: false, error: 'not-allowed' });
    expect(await handle({ command: 'hello' }, { ...sender, tab: { title: '', url: 'https://other.example/' } })).toMatchObject({ ok: false, error: 'not-allowed' });
    expect(engine).not.toHaveBeenCalled();
  });

  test('call dials as a page click from the tab, once per 2 s', async () => {
    const { handle, engine } = setup();
    expect(await handle({ command: 'call', number: '020 7946 0958' }, sender)).toEqual({ ok: true, callId: 'c1' });
    expect(engine).toHaveBeenCalledWith({ command: 'dial', target: { kind: 'phone', e164: '+442079460958' }, source: { url: `${CRM}/deals/1`, title: 'Deal' }, page: { unsure: false } });
    expect(await handle({ command: 'call', number: '020 7946 0958' }, sender)).toMatchObject({ ok: false, error: 'rate-limited' });
    expect(await handle({ command: 'call', number: 'hello' }, sender)).toMatchObject({ ok: false, error: 'invalid-number' });
  });

  test('a call the engine holds back opens the confirm dialer and says confirm-required', async () => {
    const { handle, openDialer } = setup({ accepted: false, confirm: true, reason: 'This is a premium-rate number.' });
    expect(await handle({ command: 'call', number: '+19005550100' }, sender)).toMatchObject({ ok: false, error: 'confirm-required', message: expect.stringContaining('premium-rate') });
    expect(openDialer).toHaveBeenCalledWith({ kind: 'phone', e164: '+19005550100' }, 'This is a premium-rate number.', true);
  });

  test('controls map to engine actions; no call is no-call; dtmf goes digit by digit', async () => {
    const { handle, engine, pause } = setup();
    expect(await handle({ command: 'unhold', callId: 'c1' }, sender)).toEqual({ ok: true });
    expect(engine).toHaveBeenLastCalledWith({ command: 'call', callId: 'c1', action: 'resume' });
    await handle({ command: 'dtmf', digits: '1#' }, sender);
    expect(engine.mock.calls.slice(-2).map(([c]) => c)).toEqual([
      { command: 'call', action: 'dtmf', tone: '1' },
      { command: 'call', action: 'dtmf', tone: '#' },
    ]);
    expect(pause).toHaveBeenCalledTimes(1);
    const none = setup(undefined, { ok: false, error: 'There is no call to do that with.' });
    expect(await none.handle({ command: 'hangup' }, sender)).toMatchObject({ ok: false, error: 'no-call' });
  });

  test('status shows the calls without the pages they came from, and no history', async () => {
    const { handle } = setup();
    const reply = await handle({ command: 'status' }, sender);
    expect(reply).toEqual({ ok: true, status: { registered: true, calls: [{ id: 'c1', direction: 'outgoing', number: '+442079460958', displayName: '', state: 'connected', startedAt: 1, answeredAt: 2 }] } });
  });

  test('a transfer to a premium-rate number is refused; malformed commands are invalid-command', async () => {
    const { handle, engine } = setup();
    expect(await handle({ command: 'transfer', target: '+19005550100' }, sender)).toMatchObject({ ok: false, error: 'not-allowed' });
    expect(await handle({ command: 'call', invalid: true }, sender)).toMatchObject({ ok: false, error: 'invalid-command' });
    expect(engine).not.toHaveBeenCalled();
  });
});
