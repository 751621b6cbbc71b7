import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HeldBlocks } from '../../../content/held-blocks';
import { NEAR_MARGIN, REACH_MARGIN } from '../../../content/viewport-gate';
import type { Run } from '../../../content/walk-runs';
import { FakeObserver, observer } from './fake-intersection-observer';


interface FakeCell {
  nodeType: 1;
  localName: string;
  isConnected: boolean;
  firstChild: FakeText;
  parentElement: FakeRow;
  previousElementSibling: null;
  shadowRoot: null;
}
interface FakeText {
  nodeType: 3;
  data: string;
  parentNode: FakeCell;
  nextSibling: null;
}
interface FakeRow {
  localName: 'tr';
  previousElementSibling: FakeRow | null;
  parentElement: null;
}

/** A table's phone cells, one per row, each holding one number (rows follow each other). */
function phoneColumn(count: number): FakeCell[] {
  const cells: FakeCell[] = [];
  let previousRow: FakeRow | null = null;
  for (let i = 0; i < count; i++) {
    const row: FakeRow = { localName: 'tr', previousElementSibling: previousRow, parentElement: null };
    const cell = { nodeType: 1, localName: 'td', isConnected: true, parentElement: row, previousElementSibling: null, shadowRoot: null } as unknown as FakeCell;
    cell.firstChild = { nodeType: 3, data: `213-373-${String(i).padStart(4, '0')}`, parentNode: cell, nextSibling: null };
    cells.push(cell);
    previousRow = row;
  }
  return cells;
}

const runOf = (cell: FakeCell): Run => ({ nodes: [cell.firstChild as unknown as Text], texts: [cell.firstChild.data] });
/** The window: scrolled by `scrollTo`, which fires its scroll event; 600 px high. */
const view = Object.assign(new EventTarget(), { scrollY: 0, innerHeight: 600, innerWidth: 800 });
const scrollTo = (y: number): void => {
  view.scrollY = y;
  view.dispatchEvent(new Event('scroll'));
};
/** What is at a point of the viewport: the cell of that row, after scrolling (20 px rows), if there is one. */
let rowsAt: FakeCell[] = [];
const doc = {
  defaultView: view,
  elementFromPoint: (_x: number, y: number) => rowsAt[Math.floor((view.scrollY + y) / 20)] ?? null,
} as unknown as Document;

let released: ReturnType<typeof vi.fn<(runs: Run[], inView: boolean) => void>>;
let held: HeldBlocks;
let lifetime: AbortController;

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  vi.stubGlobal('Node', { ELEMENT_NODE: 1, TEXT_NODE: 3 });
  released = vi.fn<(runs: Run[], inView: boolean) => void>();
  view.scrollY = 0;
  rowsAt = [];
  lifetime = new AbortController();
  held = new HeldBlocks(doc, released, lifetime.signal);
});
afterEach(() => {
  lifetime.abort();
  vi.unstubAllGlobals();
});

/** A phone column of `count` rows, every cell's run held and the last group sealed. */
function holdColumn(count: number): FakeCell[] {
  const cells = phoneColumn(count);
  for (const cell of cells) held.hold(runOf(cell));
  held.seal();
  return cells;
}

const releasedTexts = () => released.mock.calls.flatMap(([runs]) => runs.flatMap((r) => r.texts));

describe('the blocks of a large page held until they come near the viewport', () => {
  test('neighbouring rows share a group: only its first and last block are observed', () => {
    const cells = phoneColumn(40);
    for (const cell of cells) expect(held.hold(runOf(cell))).toBe(true);
    held.seal();
    const sentinels = [cells[0], cells[15], cells[16], cells[31], cells[32], cells[39]];
    expect([...observer(NEAR_MARGIN).targets]).toEqual(sentinels);
    expect([...observer(REACH_MARGIN).targets]).toEqual(sentinels);
  });

  test('a group coming within a screen releases its runs and every group within three, walked again', () => {
    const cells = holdColumn(48);
    observer(REACH_MARGIN).fire([
      { target: cells[16] as object, isIntersecting: true },
      { target: cells[0] as object, isIntersecting: true },
    ]);
    observer(NEAR_MARGIN).fire([{ target: cells[16] as object, isIntersecting: true }]);
    expect(releasedTexts()).toEqual([...cells.slice(16, 32), ...cells.slice(0, 16)].map((c) => c.firstChild.data));
    // Near, not in view: written a batch a frame.
    expect(released.mock.calls.map(([, inView]) => inView)).toEqual([false]);
    // Released groups are no longer observed; the far one still is.
    expect([...observer(NEAR_MARGIN).targets]).toEqual([cells[32], cells[47]]);
    // A late entry of a released group's other sentinel releases nothing twice.
    observer(NEAR_MARGIN).fire([{ target: cells[31] as object, isIntersecting: true }]);
    expect(releasedTexts()).toHaveLength(32);
  });

  test('a group taller than a screen is observed block by block, so a jump between its sentinels still releases it', () => {
    const cells = holdColumn(16);
    observer(NEAR_MARGIN).fire([
      { target: cells[0] as object, isIntersecting: false, top: 5000 },
      { target: cells[15] as object, isIntersecting: false, top: 5800 },
    ]);
    expect(observer(NEAR_MARGIN).targets.size).toBe(16);
    observer(NEAR_MARGIN).fire([{ target: cells[7] as object, isIntersecting: true }]);
    expect(releasedTexts()).toEqual([cells[7]?.firstChild.data]);
  });

  test('blocks that are not neighbours start a new group; a block without a box is released at once', () => {
    const cells = phoneColumn(6);
    held.hold(runOf(cells[0] as FakeCell));
    held.hold(runOf(cells[2] as FakeCell));
    held.seal();
    expect([...observer(NEAR_MARGIN).targets]).toEqual([cells[0], cells[2]]);
    observer(NEAR_MARGIN).fire([{ target: cells[2] as object, isIntersecting: false, size: 0 }]);
    expect(releasedTexts()).toEqual([cells[2]?.firstChild.data]);
  });

  test('a jump of more than a screen releases the groups in view at once, before any observer reports', () => {
    const cells = holdColumn(1000);
    rowsAt = cells;
    // Rows 500 to 529 are in view: groups 496–511, 512–527 and 528–543.
    scrollTo(10_000);
    expect(releasedTexts()).toEqual(cells.slice(496, 544).map((c) => c.firstChild.data));
    // In view: written whole in the next write.
    expect(released.mock.calls.map(([, inView]) => inView)).toEqual([true]);
    // Their sentinels are no longer observed, so the observers' report releases nothing twice.
    expect(observer(NEAR_MARGIN).targets.has(cells[496] as object)).toBe(false);
    observer(NEAR_MARGIN).fire([{ target: cells[511] as object, isIntersecting: true }]);
    expect(releasedTexts()).toHaveLength(48);
  });

  test('a scroll of less than a screen hit-tests nothing: the near margin has released what it shows', () => {
    const cells = holdColumn(100);
    const hits = vi.spyOn(doc, 'elementFromPoint');
    rowsAt = cells;
    scrollTo(300);
    scrollTo(800);
    expect(hits).not.toHaveBeenCalled();
    expect(released).not.toHaveBeenCalled();
  });

  test('nothing is released while the page prints', () => {
    const cells = holdColumn(4);
    view.dispatchEvent(new Event('beforeprint'));
    observer(NEAR_MARGIN).fire([{ target: cells[0] as object, isIntersecting: true }]);
    expect(released).not.toHaveBeenCalled();
    view.dispatchEvent(new Event('afterprint'));
    observer(NEAR_MARGIN).fire([{ target: cells[0] as object, isIntersecting: true }]);
    expect(releasedTexts()).toHaveLength(4);
  });

  test('blocks the scan stepped over whole are grouped the same way and walked for their runs when they come near', () => {
    const cells = phoneColumn(20);
    for (const cell of cells) expect(held.holdBlock(cell as unknown as Element)).toBe(true);
    held.seal();
    expect([...observer(NEAR_MARGIN).targets]).toEqual([cells[0], cells[15], cells[16], cells[19]]);
    observer(NEAR_MARGIN).fire([{ target: cells[16] as object, isIntersecting: true }]);
    expect(releasedTexts()).toEqual(cells.slice(16).map((c) => c.firstChild.data));
  });

  test('clear() stops observing and forgets every group', () => {
    holdColumn(4);
    held.clear();
    expect(observer(NEAR_MARGIN).targets.size).toBe(0);
  });
});
