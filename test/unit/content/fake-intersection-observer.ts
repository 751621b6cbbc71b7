/**
 * IntersectionObservers the code under test made, by margin, with what they observe; `fire` plays the browser's
 * callback. Install with `vi.stubGlobal('IntersectionObserver', FakeObserver)` after emptying `FakeObserver.all`.
 */
export class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets = new Set<object>();
  constructor(
    readonly callback: (entries: IntersectionObserverEntry[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.all.push(this);
  }
  observe(el: object): void {
    this.targets.add(el);
  }
  unobserve(el: object): void {
    this.targets.delete(el);
  }
  disconnect(): void {
    this.targets.clear();
  }
  fire(entries: Array<{ target: object; isIntersecting: boolean; top?: number; size?: number }>): void {
    this.callback(
      entries.map(({ target, isIntersecting, top = 0, size = 20 }) => ({
        target,
        isIntersecting,
        boundingClientRect: { top, bottom: top + size, width: size, height: size },
        rootBounds: { height: 3 * 600 },
      })) as unknown as IntersectionObserverEntry[],
    );
  }
}

/** The observer made with this root margin. */
export const observer = (margin: string) => FakeObserver.all.find((o) => o.options.rootMargin === margin) as FakeObserver;
