import type { ResolvedTarget } from '../messaging/protocol';
import type { ExtensionMode } from '../settings/account';

/**
 * What is sent after a call is connected: a pause, a wait for the user's "Send", or DTMF digits. `extension`: the
 * digits are the number's extension (x204, ext. 204, `;ext=204`), which the popup names as such.
 */
export type PostDialStep = { kind: 'pause'; ms: number } | { kind: 'wait' } | { kind: 'digits'; digits: string; extension?: boolean };

/** A `,` in a typed number or a link waits this long, as on a desk phone. */
export const PAUSE_MS = 2_000;

/** The post-dial part: starts with a pause or wait, then only digits, pauses and waits (spaces allowed). */
const POST_DIAL = /^([^,;]*\d[\s().-]*)([,;][\d*#,;\s]*)$/;
/** Longest post-dial string kept: a conference PIN with its pauses fits; a paragraph does not. */
export const MAX_POST_DIAL = 32;

/**
 * Splits what a person typed or a link holds into the number and its post-dial digits: `+44 20 7946 0958,,204;#`
 * → `+44 20 7946 0958` and `,,204;#`. A `;` that starts a URI parameter (`;ext=204`) is not a wait. Without
 * digits to send (a trailing comma) there is no post-dial part.
 */
export function splitPostDial(input: string): { number: string; postDial?: string } {
  const match = POST_DIAL.exec(input.trim());
  if (!match) return { number: input };
  const postDial = (match[2] as string).replace(/\s/g, '');
  const number = (match[1] as string).trim();
  return /[\d*#]/.test(postDial) && postDial.length <= MAX_POST_DIAL ? { number, postDial } : { number };
}

/** Whether a string is a post-dial part as {@link splitPostDial} makes it (guards for what crosses a message). */
export function isPostDial(value: string): boolean {
  return value.length <= MAX_POST_DIAL && /^[,;][\d*#,;]*$/.test(value);
}

/** `,,204;#` → pause 2 s, pause 2 s, send 204, wait for Send, send #. */
export function postDialSteps(postDial: string, pauseMs = PAUSE_MS): PostDialStep[] {
  const steps: PostDialStep[] = [];
  for (const part of postDial.match(/[,;]|[\d*#]+/g) ?? []) {
    if (part === ',') steps.push({ kind: 'pause', ms: pauseMs });
    else if (part === ';') steps.push({ kind: 'wait' });
    else steps.push({ kind: 'digits', digits: part });
  }
  return steps;
}

/**
 * Everything a call to `target` sends once connected: its extension after `extensionDelayMs` (unless the PBX takes
 * it in the request URI), then the typed or linked post-dial digits.
 */
export function postDialPlan(target: ResolvedTarget, options: { extensionMode: ExtensionMode; extensionDelayMs: number }): PostDialStep[] {
  if (target.kind !== 'phone') return [];
  const steps: PostDialStep[] = [];
  if (target.ext && options.extensionMode === 'dtmf') {
    steps.push({ kind: 'pause', ms: options.extensionDelayMs }, { kind: 'digits', digits: target.ext, extension: true });
  }
  if (target.postDial) steps.push(...postDialSteps(target.postDial));
  return steps;
}
