import { describe, expect, test } from 'vitest';
import { Dialable, DialableError, type CtiCall } from '../../../cti/dialable-cti';
import { CTI_COMMANDS } from '../../../src/cti/cti-wire';

const ORIGIN = 'https://crm.example.com';

/** A window whose Dialable (when `installed`) answers like the extension's content script. */
function fakeWindow(installed: boolean, answer: (command: Record<string, unknown>) => Record<string, unknown> = () => ({ ok: true })) {
  const target = new EventTarget();
  const sent: Record<string, unknown>[] = [];
  const win = {
    location: { origin: ORIGIN },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    postMessage(data: Record<string, unknown>, origin: string) {
      expect(origin).toBe(ORIGIN);
      const deliver = (message: unknown) => setTimeout(() => target.dispatchEvent(Object.assign(new MessageEvent('message', { data: message, origin: ORIGIN }), {}) as MessageEvent), 1);
      if (data.type !== 'dialable:command') return;
      sent.push(data);
      if (installed) deliver({ type: 'dialable:reply', id: data.id, ...answer(data) });
    },
    emit(event: string, call?: Partial<CtiCall>) {
      target.dispatchEvent(new MessageEvent('message', { data: { type: 'dialable:event', event, call }, origin: ORIGIN }));
    },
  };
  // Messages count only when the window posted them to itself.
  const dispatch = target.dispatchEvent.bind(target);
  target.dispatchEvent = (event: Event) => {
    Object.defineProperty(event, 'source', { value: win });
    return dispatch(event);
  };
  return { win: win as unknown as Window & { emit: typeof win.emit }, sent };
}

describe('the typed CTI client', () => {
  test('connect, call and the reply id; commands carry only the arguments given', async () => {
    const { win, sent } = fakeWindow(true, (c) => (c.command === 'call' ? { ok: true, callId: 'c9' } : { ok: true }));
    const dialable = await Dialable.connect({ window: win, timeout: 1_000 });
    expect(await dialable.call('+442079460958')).toEqual({ callId: 'c9' });
    await dialable.dtmf('12#');
    expect(sent.slice(1).map(({ id: _id, ...rest }) => rest)).toEqual([
      { type: 'dialable:command', command: 'call', number: '+442079460958' },
      { type: 'dialable:command', command: 'dtmf', digits: '12#' },
    ]);
    dialable.close();
  });

  test('an error reply rejects with its code and sentence', async () => {
    const { win } = fakeWindow(true, (c) => (c.command === 'call' ? { ok: false, error: 'confirm-required', message: 'Confirm it first.' } : { ok: true }));
    const dialable = await Dialable.connect({ window: win });
    await expect(dialable.call('+19005550100')).rejects.toEqual(new DialableError('confirm-required', 'Confirm it first.'));
  });

  test('without Dialable (or on a site it does not allow): unavailable after the timeout', async () => {
    const { win } = fakeWindow(false);
    await expect(Dialable.connect({ window: win, timeout: 200 })).rejects.toMatchObject({ code: 'unavailable' });
  });

  test('on() subscribes once and hands each event its call', async () => {
    const { win, sent } = fakeWindow(true);
    const dialable = await Dialable.connect({ window: win });
    const seen: string[] = [];
    dialable.on('RINGING', (call) => seen.push(`RINGING ${call?.id}`));
    const stop = dialable.on('HANGUP', (call) => seen.push(`HANGUP ${call?.id}`));
    await new Promise((r) => setTimeout(r, 10));
    win.emit('RINGING', { id: 'c1' });
    stop();
    win.emit('HANGUP', { id: 'c1' });
    expect(seen).toEqual(['RINGING c1']);
    expect(sent.filter((c) => c.command === 'subscribe')).toHaveLength(1);
  });

  test('the client offers every command of the wire protocol', () => {
    const methods = new Set(Object.getOwnPropertyNames(Dialable.prototype));
    for (const command of CTI_COMMANDS) expect(command === 'subscribe' ? methods.has('on') : methods.has(command), command).toBe(true);
  });
});
