import type { Frame } from 'puppeteer-core';
import type { StaticServer } from './static-server';
import { waitUntil } from './wait-until';

/** What the CRM fixture (test/fixtures/interactive/cti-crm.html) has on its window. */
interface CrmWindow {
  ctiMessages: CtiMessage[];
  ctiSend(command: string, args?: Record<string, unknown>): string;
}

export interface CtiMessage {
  type: 'dialable:reply' | 'dialable:event';
  id?: string;
  ok?: boolean;
  error?: string;
  message?: string;
  callId?: string;
  status?: { registered: boolean; calls: { id: string; state: string; number: string }[] };
  event?: string;
  call?: { id: string; direction: string; number: string; state: string; startedAt: number; answeredAt?: number; endedAt?: number };
}

/** Every command of the API, with arguments: what a hostile or not-allowed page would try. */
export const EVERY_COMMAND: [string, Record<string, unknown>?][] = [
  ['status'],
  ['subscribe'],
  ['call', { number: '+442079460958' }],
  ['answer'],
  ['decline'],
  ['hangup'],
  ['hold'],
  ['unhold'],
  ['mute'],
  ['unmute'],
  ['dtmf', { digits: '1' }],
  ['transfer', { target: '+442079460958' }],
];

/** The CRM fixture's address on `server`, with `frame` (a URL) embedded when given. */
export function crmUrl(server: StaticServer, frame?: string): string {
  return `${server.url}/interactive/cti-crm.html${frame === undefined ? '' : `?frame=${encodeURIComponent(frame)}`}`;
}

export function messages(frame: Frame): Promise<CtiMessage[]> {
  return frame.evaluate(() => (window as unknown as CrmWindow).ctiMessages);
}

/** Posts a command as the documentation shows and waits for its reply. */
export async function cti(frame: Frame, command: string, args?: Record<string, unknown>, timeout = 15_000): Promise<CtiMessage> {
  const id = await frame.evaluate((c, a) => (window as unknown as CrmWindow).ctiSend(c, a), command, args ?? {});
  let reply: CtiMessage | undefined;
  await waitUntil(
    async () => {
      reply = (await messages(frame)).find((m) => m.type === 'dialable:reply' && m.id === id);
      return reply !== undefined;
    },
    timeout,
    `the reply to ${command}`,
  );
  return reply!;
}

/** Waits until Dialable answers in this frame: the content script adds its listener once the background said yes. */
export async function ctiReady(frame: Frame): Promise<void> {
  await waitUntil(
    async () => {
      const id = await frame.evaluate(() => (window as unknown as CrmWindow).ctiSend('status'));
      await new Promise((r) => setTimeout(r, 300));
      return (await messages(frame)).some((m) => m.id === id);
    },
    10_000,
    'the CTI API to answer',
  );
}

/** Waits for an event (the n-th of that name, counting from 1) and returns it. */
export async function waitForEvent(frame: Frame, event: string, nth = 1, timeout = 15_000): Promise<CtiMessage> {
  let found: CtiMessage | undefined;
  await waitUntil(
    async () => {
      found = (await messages(frame)).filter((m) => m.type === 'dialable:event' && m.event === event)[nth - 1];
      return found !== undefined;
    },
    timeout,
    `the event ${event}`,
  );
  return found!;
}

/** The names of the events received so far, in order, for one call id (registration events have none). */
export async function eventNames(frame: Frame, callId?: string): Promise<string[]> {
  return (await messages(frame)).filter((m) => m.type === 'dialable:event' && (callId === undefined || m.call?.id === callId)).map((m) => m.event ?? '');
}

/**
 * Posts every command, a few times over `ms`, and returns what came back (nothing, where Dialable does not exist
 * for this frame) and whether anything on the window mentions Dialable.
 */
export async function postEverything(frame: Frame, ms = 2_000): Promise<{ received: CtiMessage[]; traces: string[] }> {
  const rounds = 4;
  for (let i = 0; i < rounds; i++) {
    for (const [command, args] of EVERY_COMMAND) await frame.evaluate((c, a) => (window as unknown as CrmWindow).ctiSend(c, a), command, args ?? {});
    await new Promise((r) => setTimeout(r, ms / rounds));
  }
  const traces = await frame.evaluate(() =>
    [...Object.getOwnPropertyNames(window), ...Object.keys(document.documentElement.dataset), ...document.documentElement.getAttributeNames()].filter((name) => /dialable/i.test(name)),
  );
  return { received: await messages(frame), traces };
}
