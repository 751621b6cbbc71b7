import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MatchedRuns, type MatchedRunsHooks, type RunSource } from '../../../content/matched-runs';
import type { Run } from '../../../content/walk-runs';
import type { LinkMatch } from '../../../src/phone/phone-match';

/**
 * Runs whose text nodes the page has since removed: writing one links nothing (it waits for the rescan the
 * observers queue), so what a write takes is countable without a DOM.
 */
function runs(count: number, from: number): Run[] {
  return Array.from({ length: count }, (_, i) => {
    const text = `213-373-${String(from + i).padStart(4, '0')}`;
    return { nodes: [{ isConnected: false, data: text } as unknown as Text], texts: [text] };
  });
}

const matchAll = async (texts: string[]): Promise<LinkMatch[][]> =>
  texts.map((t) => [{ start: 0, end: t.length, e164: `+1${t.replace(/-/g, '')}`, href: `tel:${t}`, title: t }]);

const hooks: MatchedRunsHooks = {
  listening: () => true,
  prepareNow: () => false,
  gated: () => false,
  released: () => undefined,
  style: () => 'dotted',
  answered: () => undefined,
  failed: () => undefined,
};
const doc = { defaultView: new EventTarget() } as unknown as Document;
const noTime = { hasTime: () => false };
const write = (fn: () => void): void => fn();

let lifetime: AbortController;
let matched: MatchedRuns;
beforeEach(() => {
  vi.stubGlobal('Node', { ELEMENT_NODE: 1, TEXT_NODE: 3 });
  lifetime = new AbortController();
  matched = new MatchedRuns(matchAll, hooks, doc, lifetime.signal);
});
afterEach(() => {
  lifetime.abort();
  vi.unstubAllGlobals();
});

async function sendAndAnswer(batch: Run[], from: RunSource): Promise<void> {
  matched.send(batch, from);
  await vi.waitFor(() => expect(matched.inFlight).toBe(0));
}

describe('released runs written one batch a frame', () => {
  test('the rows a jump brought into view are written in one write, whatever the batch size and the clock say', async () => {
    await sendAndAnswer(runs(5, 0), 'near');
    await sendAndAnswer(runs(40, 100), 'view');
    expect(matched.releasedLength).toBe(45);
    // A batch of 12 (the frames after earlier writes were long) and a frame with no time left: all 40 in view.
    expect(matched.wrapReleased(noTime, 12, write)).toBe(40);
    // The near ones wait for the next frame.
    expect(matched.releasedLength).toBe(5);
  });

  test('runs that came near are written up to the batch size while the frame has time, the rest in later frames', async () => {
    await sendAndAnswer(runs(30, 0), 'near');
    expect(matched.wrapReleased({ hasTime: () => true }, 12, write)).toBe(12);
    expect(matched.wrapReleased(noTime, 12, write)).toBe(0);
    expect(matched.releasedLength).toBe(18);
  });

  test('runs in view fill the batch before runs that only came near', async () => {
    await sendAndAnswer(runs(8, 0), 'near');
    await sendAndAnswer(runs(10, 100), 'view');
    expect(matched.wrapReleased({ hasTime: () => true }, 12, write)).toBe(12);
    expect(matched.releasedLength).toBe(6);
  });
});
