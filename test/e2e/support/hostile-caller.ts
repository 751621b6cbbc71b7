import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { waitUntil } from './wait-until';

/**
 * A caller at another domain whose From display name is 500 characters of text and bidi overrides/isolates, and
 * what every place Dialable names the caller must show instead (cleaned, cut to 64 characters, with the domain).
 */
export const HOSTILE_CALLER = {
  /** "Bank Support" as the user should read it, and a tail long enough to need cutting. */
  displayName: `\u202EBank\u2066 Support\u2069\u202D${'A\u2067'.repeat(240)}\u202E`,
  uri: 'sip:mallory@evil.example',
  shown: `Bank Support${'A'.repeat(51)}… (evil.example)`,
  /** Any bidi control character: none may reach the screen. */
  bidi: /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u,
} as const;

/** A notification as the background passed it to `notifications.create`. */
export interface ShownNotification {
  id: string;
  title: string;
  message: string;
}

/** `text` names the caller as {@link HOSTILE_CALLER}.shown (after `prefix`), with no bidi control anywhere. */
export function expectCallerShownClean(text: string, prefix = ''): void {
  expect(text).toContain(`${prefix}${HOSTILE_CALLER.shown}`);
  expect(text).not.toMatch(HOSTILE_CALLER.bidi);
}

/** Waits for the toolbar icon's ringing tooltip (read from one of our pages) and expects the caller in it clean. */
export async function expectRingingTooltipClean(page: Page): Promise<void> {
  let title = '';
  await waitUntil(async () => (title = await page.evaluate(() => chrome.action.getTitle({}))).includes('incoming call'), 10_000, 'the ringing tooltip');
  expectCallerShownClean(title, 'incoming call from ');
}

/**
 * Waits until `shown()` lists the missed-call notification, then expects it and the incoming-call one to name the
 * caller clean (with the user part), and no notification to hold a bidi control.
 */
export async function expectCallerNotificationsClean(shown: () => Promise<ShownNotification[]>): Promise<void> {
  let notes: ShownNotification[] = [];
  await waitUntil(async () => (notes = await shown()).some((n) => n.id.startsWith('missed:')), 10_000, 'the missed-call notification');
  const incoming = notes.find((n) => n.id.startsWith('incoming:'));
  const missed = notes.find((n) => n.id.startsWith('missed:'));
  expect(incoming?.message).toBe(`${HOSTILE_CALLER.shown} (mallory)`);
  expect(missed?.message).toContain(`${HOSTILE_CALLER.shown} (mallory)`);
  for (const n of notes) expect(`${n.title} ${n.message}`).not.toMatch(HOSTILE_CALLER.bidi);
}
