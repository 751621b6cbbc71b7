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
  const { byId, parent } = indexNodes(profile);
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

/**
 * Where the script's samples went, by function: each sample with a frame of `urlPrefix` on its stack counts for its
 * innermost frame (a native DOM call shows as itself, with the script function that called it), in ms, largest
 * first. For finding what to make cheaper; the figures use {@link attributeProfile}.
 */
export function functionBreakdown(profile: Protocol.Profiler.Profile, urlPrefix: string, top = 25): Array<[string, number]> {
  const { byId, parent } = indexNodes(profile);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const totals = new Map<string, number>();
  const name = (f: Protocol.Runtime.CallFrame): string => `${f.functionName || '(anonymous)'}${f.url.startsWith(urlPrefix) ? `:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
  for (let i = 0; i < samples.length; i++) {
    const leaf = byId.get(samples[i] as number);
    if (leaf === undefined) continue;
    let caller: Protocol.Runtime.CallFrame | undefined;
    for (let at: number | undefined = leaf.id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame?.url.startsWith(urlPrefix)) {
        caller = frame;
        break;
      }
    }
    if (caller === undefined) continue;
    const key = leaf.callFrame === caller ? name(caller) : `${name(leaf.callFrame)} < ${name(caller)}`;
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
}

/** The page-world function {@link CLOCK_MARK} runs; its first sample ties the profile's clock to the page's. */
export const CLOCK_MARK_FUNCTION = '__dialableBenchClock';

/**
 * Content-script and garbage-collector time inside each window (page `performance.now()` ms), for telling the long
 * tasks the script made from the browser's own. `markPageMs` is what {@link CLOCK_MARK} returned while this profile
 * ran: its busy loop's first sample is taken to be at that moment (within one sampling interval). Undefined when no
 * sample of it is found (the mark ran too briefly to be sampled).
 */
export function attributeWindows(
  profile: Protocol.Profiler.Profile,
  urlPrefix: string,
  markPageMs: number,
  windows: { start: number; duration: number }[],
): Attribution[] | undefined {
  const index = indexNodes(profile);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const pageTimes = samplePageTimes(profile, index, markPageMs);
  if (pageTimes === undefined) return undefined;
  const result = windows.map(() => ({ scriptMs: 0, gcMs: 0 }));
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    const kind = stackHas(index, id, (f) => f.url.startsWith(urlPrefix)) ? 'scriptMs' : index.byId.get(id)?.callFrame.functionName === GC ? 'gcMs' : undefined;
    if (kind === undefined) continue;
    const pageMs = pageTimes[i] as number;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    windows.forEach((w, k) => {
      if (pageMs >= w.start && pageMs < w.start + w.duration) (result[k] as Attribution)[kind] += ms;
    });
  }
  return result;
}

/**
 * Each sample's time on the page's clock (`performance.now()` ms), tied by the first sample of {@link CLOCK_MARK}'s
 * busy loop, which ran at `markPageMs`; undefined when no sample of it is found.
 */
function samplePageTimes(profile: Protocol.Profiler.Profile, index: NodeIndex, markPageMs: number): number[] | undefined {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const times: number[] = [];
  let clock = profile.startTime;
  for (let i = 0; i < samples.length; i++) times.push((clock += deltas[i] ?? 0));
  const markAt = samples.findIndex((id) => stackHas(index, id, (f) => f.functionName === CLOCK_MARK_FUNCTION));
  if (markAt < 0) return undefined;
  const offsetUs = (times[markAt] as number) - markPageMs * 1000;
  return times.map((us) => (us - offsetUs) / 1000);
}

interface NodeIndex {
  byId: Map<number, Protocol.Profiler.ProfileNode>;
  parent: Map<number, number>;
}

/** True when a frame on sample node `id`'s stack passes `test`. */
function stackHas({ byId, parent }: NodeIndex, id: number, test: (frame: Protocol.Runtime.CallFrame) => boolean): boolean {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const node = byId.get(at);
    if (node !== undefined && test(node.callFrame)) return true;
  }
  return false;
}

/** The profile's nodes by id, and each node's parent. */
function indexNodes(profile: Protocol.Profiler.Profile): NodeIndex {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  return { byId, parent };
}

/**
 * The content script's stretches inside one window (page ms), for seeing which of its tasks a long frame holds:
 * consecutive samples with the same outermost frame of `urlPrefix` make one stretch [start, ms, that function].
 */
export function windowTimeline(
  profile: Protocol.Profiler.Profile,
  urlPrefix: string,
  markPageMs: number,
  window: { start: number; duration: number },
): Array<[number, number, string]> {
  const index = indexNodes(profile);
  const { byId, parent } = index;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const outermost = (id: number): string | undefined => {
    let found: Protocol.Runtime.CallFrame | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame?.url.startsWith(urlPrefix)) found = frame;
    }
    return found && `${found.functionName || '(anonymous)'}:${found.lineNumber + 1}`;
  };
  const pageTimes = samplePageTimes(profile, index, markPageMs);
  if (pageTimes === undefined) return [];
  const out: Array<[number, number, string]> = [];
  for (let i = 0; i < samples.length; i++) {
    const pageMs = pageTimes[i] as number;
    if (pageMs < window.start || pageMs >= window.start + window.duration) continue;
    const fn = outermost(samples[i] as number);
    if (fn === undefined) continue;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const last = out[out.length - 1];
    if (last && last[2] === fn && pageMs - (last[0] + last[1]) < 1) last[1] = pageMs + ms - last[0];
    else out.push([pageMs, ms, fn]);
  }
  return out;
}
