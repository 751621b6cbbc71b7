/** The part of `chrome.runtime` the lifetime reads: the id is gone once the extension context is. */
export interface RuntimeIdentity {
  readonly id?: string;
}

/**
 * One content-script instance's lifetime: `signal` aborts when the extension context goes away (the extension
 * was updated, reloaded, disabled or removed). The page's old instance then has nobody left to talk to — every
 * `runtime` call throws "Extension context invalidated" — and a new instance may already run beside it.
 */
export interface ContentLifetime {
  readonly signal: AbortSignal;
  /** True while the extension context lives; the first call that finds it gone aborts `signal`. */
  alive(): boolean;
}

/**
 * Browsers fire no event in the orphaned instance, so `alive()` is asked on the paths that run anyway (a mutation
 * batch, a click, a selection change, a failed message): reading `runtime.id` costs nothing, and an idle page pays
 * nothing at all — unlike a port held open to the background, which would wake the service worker on every page.
 */
export function contentLifetime(runtime: () => RuntimeIdentity | undefined): ContentLifetime {
  const controller = new AbortController();
  const { signal } = controller;
  return {
    signal,
    alive() {
      if (signal.aborted) return false;
      let id: string | undefined;
      try {
        id = runtime()?.id;
      } catch {
        // Some builds throw from the invalidated `chrome.runtime` getter itself: the context is just as gone.
      }
      if (id) return true;
      controller.abort();
      return false;
    },
  };
}
