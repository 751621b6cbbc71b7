/**
 * Main-thread time of a content script, read from a V8 CPU profile of the page's renderer.
 *
 * `Performance.getMetrics`' ScriptDuration only counts script that Blink itself calls (the injected script's
 * evaluation, event and idle callbacks): promise continuations and MutationObserver callbacks run in microtask
 * checkpoints it does not count. A content script that awaits an extension API does most of its work there (for
 * Dialable ScriptDuration showed 7 ms on the typical page while performance.now() around the same code added up
 * to ~37 ms). The sampling profiler sees all of it: every sample whose stack holds a frame of the script's URL is
 * the script's, native DOM calls included. V8's garbage collector is counted apart: its samples have no stack.
 */
import type { Protocol } from 'puppeteer-core';

export interface Attribution {
  /** Sampled time with a frame from `urlPrefix` on the stack (ms). */
  scriptMs: number;
  /** Sampled time in V8's garbage collector (ms). */
  gcMs: number;
}

const GC = '(garbage collector)';

/** Frames of any extension count as the content script's (each bench browser loads one extension). */
export const EXTENSION_URL = 'chrome-extension://';

export function attributeProfile(profile: Protocol.Profiler.Profile, urlPrefix: string): Attribution {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const value = node !== undefined && (node.callFrame.url.startsWith(urlPrefix) || (up !== undefined && isOurs(up)));
    ours.set(id, value);
    return value;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let script = 0;
  let gc = 0;
  // timeDeltas[i] is the time from sample i-1 to sample i, so sample i lasts until the next one.
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    const us = deltas[i + 1] ?? 0;
    if (isOurs(id)) script += us;
    else if (byId.get(id)?.callFrame.functionName === GC) gc += us;
  }
  return { scriptMs: script / 1000, gcMs: gc / 1000 };
}
