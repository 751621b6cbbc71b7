import { describe, expect, test, vi } from 'vitest';
import { createActions } from '../../../background/worker/create-actions';
import type { EngineCommand } from '../../../src/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../src/settings/defaults';

function setup(accepted: boolean) {
  const engine = vi.fn(async (command: EngineCommand) => (command.command === 'dial' ? { accepted, ...(accepted ? { callId: 'c1' } : { reason: 'No account yet.' }) } : { ok: true }));
  const openDialer = vi.fn(async () => undefined);
  const actions = createActions({
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, defaultCountry: 'GB' } }),
    uiLocale: 'en-US',
    engine,
    openDialer,
    onEngineEvent: async () => undefined,
  });
  return { actions, engine, openDialer };
}

const source = { url: 'https://example.com/', title: 'Example' };

describe('one dial path for links, menus and shortcuts', () => {
  test('a link re-parses the page-supplied URI and dials the E.164 number with its source', async () => {
    const { actions, engine, openDialer } = setup(true);
    expect(await actions.dialLink('tel:020%207946%200958', source)).toEqual({ accepted: true, callId: 'c1' });
    expect(engine).toHaveBeenCalledWith({ command: 'dial', target: { kind: 'phone', e164: '+442079460958' }, source });
    expect(openDialer).not.toHaveBeenCalled();
  });

  test('a call that cannot start opens the dialer with the number and the reason', async () => {
    const { actions, openDialer } = setup(false);
    await actions.dialSelection('Tel.: 020 7946 0958', source);
    expect(openDialer).toHaveBeenCalledWith({ kind: 'phone', e164: '+442079460958' }, 'No account yet.');
  });

  test('the extension of a selected number, and the pauses of a link, travel with the number to the engine', async () => {
    const { actions, engine } = setup(true);
    await actions.dialSelection('+1 213-373-4253 ext. 204', source);
    expect(engine).toHaveBeenLastCalledWith({ command: 'dial', target: { kind: 'phone', e164: '+12133734253', ext: '204' }, source, page: { unsure: false } });
    await actions.dialLink('tel:+442079460958,,1234;#', source);
    expect(engine).toHaveBeenLastCalledWith({ command: 'dial', target: { kind: 'phone', e164: '+442079460958', postDial: ',,1234;#' }, source });
  });

  test('a selection (menu, shortcut) is page text: the engine gets page flags, so the confirm rules of a click apply', async () => {
    const { actions, engine } = setup(true);
    await actions.dialSelection('+1 900 555 0100', source);
    expect(engine).toHaveBeenCalledWith({ command: 'dial', target: { kind: 'phone', e164: '+19005550100' }, source, page: { unsure: false } });
  });

  test('a page click carries its flags to the engine; a call the engine wants confirmed opens the confirm dialer', async () => {
    const { actions, engine, openDialer } = setup(false);
    engine.mockResolvedValueOnce({ accepted: false, confirm: true, reason: 'This is a premium-rate number.' } as never);
    const page = { unsure: false, crossOriginFrame: 'ads.example.net' };
    await actions.dialLink('tel:+19005550100', source, page);
    expect(engine).toHaveBeenCalledWith({ command: 'dial', target: { kind: 'phone', e164: '+19005550100' }, source, page });
    expect(openDialer).toHaveBeenCalledWith({ kind: 'phone', e164: '+19005550100' }, 'This is a premium-rate number.', true);
  });

  test('a selection that is not one number dials nothing and says so in the dialer', async () => {
    const { actions, engine, openDialer } = setup(true);
    expect(await actions.dialSelection('see you at 10:30', source)).toMatchObject({ accepted: false });
    expect(engine).not.toHaveBeenCalled();
    expect(openDialer).toHaveBeenCalledWith(undefined, expect.stringMatching(/Select a phone number/));
  });

  test('a link that is not a callable URI is refused without reaching the engine', async () => {
    const { actions, engine } = setup(true);
    expect(await actions.dialLink('javascript:alert(1)', source)).toMatchObject({ accepted: false });
    expect(await actions.dialLink('tel:12', source)).toMatchObject({ accepted: false });
    expect(engine).not.toHaveBeenCalled();
  });

  test('call controls go to the engine for the given call or the current one', async () => {
    const { actions, engine } = setup(true);
    await actions.call({ action: 'answer' }, 'c9');
    await actions.call({ action: 'hangup' });
    expect(engine.mock.calls.map(([c]) => c)).toEqual([
      { command: 'call', callId: 'c9', action: 'answer' },
      { command: 'call', action: 'hangup' },
    ]);
  });
});

describe('the default country', () => {
  test("the user's choice wins; without one the browser language's region, which pages leave to the background", async () => {
    const { actions } = setup(true);
    expect(await actions.country()).toBe('GB');
    expect(actions.localeCountry()).toBe('US');
    const german = createActions({
      loadSettings: async () => DEFAULT_SETTINGS,
      uiLocale: 'de',
      engine: async () => ({ ok: true }),
      openDialer: async () => undefined,
      onEngineEvent: async () => undefined,
    });
    expect(await german.country()).toBe('DE');
  });
});
