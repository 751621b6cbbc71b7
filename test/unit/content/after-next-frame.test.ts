import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { afterNextFrame } from '../../../content/idle-scheduler';

let frames: Array<() => void>;
let visibility: DocumentVisibilityState;

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  visibility = 'visible';
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
  vi.stubGlobal('document', { get visibilityState() { return visibility; } });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterNextFrame: one slice of a long scan per frame', () => {
  test('waits for the next frame, then runs once (the fallback timer does not run it again)', () => {
    const fn = vi.fn();
    afterNextFrame(fn);
    expect(fn).not.toHaveBeenCalled();
    frames.shift()?.();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('a frame that does not come (the tab was hidden meanwhile) holds the work 100 ms at most, and only once', () => {
    const fn = vi.fn();
    afterNextFrame(fn);
    vi.advanceTimersByTime(99);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    frames.shift()?.();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('in a hidden tab, which renders no frames, at once', () => {
    visibility = 'hidden';
    const fn = vi.fn();
    afterNextFrame(fn);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(frames).toHaveLength(0);
  });
});
