import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { NEAR_MARGIN, REACH_MARGIN, ViewportGate } from '../../../content/viewport-gate';
import { FakeObserver, observer } from './fake-intersection-observer';

const cell = (connected = true) => ({ nodeType: 1, isConnected: connected }) as unknown as Element;
const view = new EventTarget();
const doc = { defaultView: view } as unknown as Document;

let due: ReturnType<typeof vi.fn<() => void>>;
let gate: ViewportGate<string>;
let lifetime: AbortController;

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  vi.stubGlobal('Node', { ELEMENT_NODE: 1 });
  due = vi.fn<() => void>();
  lifetime = new AbortController();
  gate = new ViewportGate<string>(doc, due, lifetime.signal);
});
afterEach(() => {
  lifetime.abort();
  vi.unstubAllGlobals();
});

describe('the viewport gate of a large page', () => {
  test('holds runs until a container comes within a screen, then releases everything within three screens', () => {
    const [a, b, far] = [cell(), cell(), cell()];
    gate.add(a, 'a1');
    gate.add(a, 'a2');
    gate.add(b, 'b');
    gate.add(far, 'far');
    expect(gate.held).toBe(4);
    expect(gate.length).toBe(0);
    observer(REACH_MARGIN).fire([{ target: b, isIntersecting: true }, { target: far, isIntersecting: false }]);
    expect(due).not.toHaveBeenCalled();
    observer(NEAR_MARGIN).fire([{ target: a, isIntersecting: true }]);
    expect(due).toHaveBeenCalledTimes(1);
    expect(gate.take(10)).toEqual(['a1', 'a2', 'b']);
    expect(gate.held).toBe(1);
    // Released containers are no longer watched; the far one still is.
    expect([...observer(NEAR_MARGIN).targets]).toEqual([far]);
  });

  test('take hands out at most what is asked; putBack returns the rest in front', () => {
    const a = cell();
    for (const item of ['1', '2', '3']) gate.add(a, item);
    observer(NEAR_MARGIN).fire([{ target: a, isIntersecting: true }]);
    expect(gate.take(2)).toEqual(['1', '2']);
    gate.putBack(['2']);
    expect(gate.take(5)).toEqual(['2', '3']);
  });

  test('a container without a box (display: none) is released at once; a document or shadow root is never held', () => {
    const hidden = cell();
    gate.add(hidden, 'hidden');
    gate.add({ nodeType: 9 } as unknown as Node, 'root');
    expect(gate.length).toBe(1);
    observer(NEAR_MARGIN).fire([{ target: hidden, isIntersecting: false, size: 0 }]);
    expect(gate.take(5)).toEqual(['root', 'hidden']);
  });

  test('nothing is released while the page prints', () => {
    const a = cell();
    gate.add(a, 'a');
    view.dispatchEvent(new Event('beforeprint'));
    observer(NEAR_MARGIN).fire([{ target: a, isIntersecting: true }]);
    expect(gate.length).toBe(0);
    view.dispatchEvent(new Event('afterprint'));
    observer(NEAR_MARGIN).fire([{ target: a, isIntersecting: true }]);
    expect(gate.take(5)).toEqual(['a']);
  });

  test('containers the page removed are dropped, not kept and observed for as long as the page lives', () => {
    const removed = Array.from({ length: 1000 }, () => cell(false));
    removed.forEach((el, i) => gate.add(el, `old${i}`));
    for (let i = 0; i < 1001; i++) gate.add(cell(), `new${i}`);
    expect(gate.held).toBe(1001);
    expect(observer(NEAR_MARGIN).targets.size).toBe(1001);
  });
});
