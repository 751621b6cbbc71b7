/**
 * The code the benchmark runs inside pages, as plain JavaScript strings: puppeteer serializes functions with
 * `toString()`, and tsx (esbuild `keepNames`) would leave `__name(...)` helper calls in them that the page lacks.
 * Everything here runs in the page's main world, never in the content script's isolated world.
 */

/**
 * evaluateOnNewDocument: keeps every long task (> 50 ms) and every long animation frame (LoAF, > 50 ms) in
 * `window.__benchLongTasks`. The Long Tasks API leaves out rendering, so a script that makes the page relayout a huge
 * table on every slice shows up only in long animation frames (with `render` = the frame's style/layout/paint part).
 */
export const LONG_TASK_RECORDER = `(() => {
  const entries = [];
  Object.defineProperty(window, '__benchLongTasks', { value: entries });
  for (const type of ['longtask', 'long-animation-frame']) {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const render = e.renderStart ? e.startTime + e.duration - e.renderStart : 0;
          entries.push({ type, start: e.startTime, duration: e.duration, render, blocking: e.blockingDuration ?? Math.max(0, e.duration - 50) });
        }
      }).observe({ type, buffered: true });
    } catch (error) {}
  }
})();`;

/**
 * A 10 ms busy loop in a named function (CLOCK_MARK_FUNCTION in profile-attribution.ts); returns `performance.now()`
 * at its start, so its first profile sample ties the profile's clock to the page's.
 */
export const CLOCK_MARK = `(() => {
  const start = performance.now();
  (function __dialableBenchClock() { while (performance.now() - start < 10) {} })();
  return start;
})()`;

/**
 * Long tasks and long animation frames recorded so far ({ type, start, duration, render }, times relative to
 * navigation start), with the page's domContentLoadedEventEnd: content scripts (document_idle) start after it.
 */
export const READ_LONG_TASKS = `({
  entries: window.__benchLongTasks ? window.__benchLongTasks.slice() : [],
  dclEnd: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
})`;

/**
 * evaluateOnNewDocument: records performance.now() whenever one of our links (A[data-dialable]) is added.
 * It starts observing at DOMContentLoaded, which is before any content script runs (document_idle comes after it),
 * so the page's own parsing is not slowed by the observer. The observer only keeps each batch of records with its
 * time; they are sorted out when read (`links`, `times`, `count`), so the measuring costs the linking slices as
 * little as an observer can (sorting 10,000 records in the callback added ~5 ms to every 20 ms slice of a bulk
 * wrap — a fifth of its time — and pushed it past a frame). `records` counts what was seen, for "still changing".
 */
export const LINK_TIME_RECORDER = `(() => {
  const batches = [];
  const links = [];
  const times = [];
  let records = 0;
  const settle = () => {
    for (let b = 0; b < batches.length; b += 2) {
      const now = batches[b];
      for (const record of batches[b + 1]) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          if (node.localName === 'a' && node.hasAttribute('data-dialable')) {
            links.push(node);
            times.push(now);
          } else if (node.firstElementChild !== null) {
            for (const a of node.querySelectorAll('a[data-dialable]')) {
              links.push(a);
              times.push(now);
            }
          }
        }
      }
    }
    batches.length = 0;
  };
  const state = {
    get links() { settle(); return links; },
    get times() { settle(); return times; },
    get count() { settle(); return links.length; },
    get records() { return records; },
  };
  Object.defineProperty(window, '__benchLinks', { value: state });
  // The end of the first frame after DOMContentLoaded (a task posted from its animation frame callbacks runs once its
  // style, layout and paint are done): before it, the parsed page is not on screen.
  let firstFrame = null;
  Object.defineProperty(window, '__benchFirstFrame', { get: () => firstFrame });
  const observe = () => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { firstFrame = performance.now(); };
      channel.port2.postMessage(0);
    });
    new MutationObserver((batch) => {
      batches.push(performance.now(), batch);
      records += batch.length;
    }).observe(document, { childList: true, subtree: true });
  };
  document.addEventListener('DOMContentLoaded', observe, { once: true, capture: true });
})();`;

/** Mutation records the link recorder has seen: unchanged while the page is quiet (cheap to poll, sorts nothing). */
export const READ_RECORD_COUNT = `window.__benchLinks ? window.__benchLinks.records : -1`;

export interface LinkTimes {
  /** performance.now() of domContentLoadedEventEnd; the times below are relative to it. */
  dclEnd: number;
  /**
   * loadEventEnd, relative to dclEnd. Content scripts run at document_idle, which on these pages is the load event:
   * on a huge page that comes seconds after DOMContentLoaded (a 10,000-row table: 1.5–5 s here, with or without the
   * extension), so "after load" is the time Dialable itself takes.
   */
  loadMs: number | null;
  /**
   * The end of the first frame after DOMContentLoaded, relative to dclEnd. On the 10,000-row table the load event
   * sometimes fires before that frame, which lays out the whole table (tens of ms after DOMContentLoaded instead of
   * hundreds); the parsed page is not on screen before it, so "visible" counts from the later of the two
   * ({@link shownAt}).
   */
  frameMs: number | null;
  firstMs: number | null;
  /** When the last link inside the initial viewport appeared. */
  visibleMs: number | null;
  /** When the last link appeared. */
  allMs: number | null;
  /** Numbers linked (first pieces; split numbers' other pieces carry data-dialable-part). */
  numbers: number;
  /** Link elements (pieces) still in the document. */
  pieces: number;
  inViewport: number;
  scrollY: number;
}

/** Summarizes the link recorder once the page has settled (result: {@link LinkTimes}). */
export const READ_LINK_TIMES = `(() => {
  const state = window.__benchLinks;
  const nav = performance.getEntriesByType('navigation')[0];
  const dclEnd = nav ? nav.domContentLoadedEventEnd : 0;
  const height = innerHeight;
  let first = null, visible = null, all = null, inViewport = 0;
  for (let i = 0; i < state.links.length; i++) {
    const link = state.links[i];
    if (!link.isConnected) continue;
    const t = state.times[i] - dclEnd;
    if (first === null || t < first) first = t;
    if (all === null || t > all) all = t;
    const rect = link.getBoundingClientRect();
    if (rect.top < height && rect.bottom > 0 && (rect.width > 0 || rect.height > 0)) {
      inViewport++;
      if (visible === null || t > visible) visible = t;
    }
  }
  return {
    dclEnd, loadMs: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd - dclEnd : null,
    frameMs: window.__benchFirstFrame == null ? null : window.__benchFirstFrame - dclEnd,
    firstMs: first, visibleMs: visible, allMs: all, inViewport, scrollY,
    numbers: document.querySelectorAll('a[data-dialable]:not([data-dialable-part])').length,
    pieces: document.querySelectorAll('a[data-dialable]').length,
  };
})()`;

/** When the loaded page could first be seen (ms after dclEnd): the later of its load event and its first frame. */
export function shownAt(times: LinkTimes): number {
  const load = times.loadMs ?? Number.NaN;
  return times.frameMs === null ? load : Math.max(load, times.frameMs);
}

/** Numbers linked in the document (first pieces only). */
export const COUNT_LINKS = `document.querySelectorAll('a[data-dialable]:not([data-dialable-part])').length`;

/**
 * The "bare walk" baseline: the least any DOM scan must do — a TreeWalker over every text node of <body>, reading
 * its length. Five timed walks (ms), measured inside the page with performance.now().
 */
export const BARE_WALK = `(() => {
  const times = [];
  let total = 0;
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) total += node.data.length;
    times.push(performance.now() - start);
  }
  return { times, chars: total / 5 };
})()`;

/**
 * The bare walk once, run in a fresh isolated world (see measure-content-script.ts): the least any content script
 * must pay to visit every text node, since a content script's world has its own node wrappers and its first walk
 * must create them all.
 */
export const ISOLATED_WALK = `(() => {
  const start = performance.now();
  let total = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) total += node.data.length;
  return { ms: performance.now() - start, chars: total };
})()`;

/** The naive baseline, once the bundle from naive-scanner.ts is injected: ms and how many numbers it found. */
export const NAIVE_SCAN = `(() => {
  const start = performance.now();
  const found = DialableNaive.findPhoneNumbersInText(document.body.textContent, 'US');
  return { ms: performance.now() - start, found: found.length };
})()`;

/** Prepares an (empty) chat log for {@link CHAT_BATCH}; done outside the measured window. */
export const CHAT_CONTAINER = `(() => {
  const log = document.createElement('div');
  log.id = 'bench-chat';
  log.setAttribute('role', 'log');
  document.body.append(log);
})()`;

/**
 * A burst of chat traffic: 40 messages appended one by one, 20 with a phone number (213-373-6000…6019) and 20
 * without, each with an author, a time without digits and some inline markup.
 */
export const CHAT_BATCH = `(() => {
  const log = document.getElementById('bench-chat');
  const authors = ['Alice Baker', 'Bruno Castro', 'Carmen Dubois', 'Dmitri Evans'];
  for (let i = 0; i < 40; i++) {
    const message = document.createElement('div');
    message.className = 'message';
    const author = document.createElement('span');
    author.className = 'author';
    author.textContent = authors[i % authors.length];
    const body = document.createElement('div');
    body.className = 'body';
    if (i % 2 === 0) {
      body.innerHTML = 'Sure, <b>call me</b> at 213-373-' + (6000 + i / 2) + ' after lunch, or leave a message.';
    } else {
      body.innerHTML = 'Thanks, that works for me. <i>See you</i> at the meeting this afternoon.';
    }
    message.append(author, body);
    log.append(message);
  }
})()`;

/** Numbers linked inside the chat log. */
export const COUNT_CHAT_LINKS = `document.querySelectorAll('#bench-chat a[data-dialable]:not([data-dialable-part])').length`;

/**
 * Page-world source of `wrapFirstNumber(root, marked)`: wraps the first US-style number under `root` in an `<a>`, as
 * Dialable's smallest write does (`marked`: with our `data-dialable` attribute); false when there is none.
 */
export const WRAP_FIRST_NUMBER = `function wrapFirstNumber(root, marked) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode()) && !/\\d{3}-\\d{3}-\\d{4}/.test(node.data));
  if (!node) return false;
  const number = node.splitText(node.data.search(/\\d{3}-\\d{3}-\\d{4}/));
  number.splitText(12);
  const link = document.createElement('a');
  link.href = 'tel:' + number.data;
  if (marked) link.dataset.dialable = '';
  number.replaceWith(link);
  link.append(number);
  return true;
}`;

/**
 * How a scroll probe gets its links: from the extension; written by the probe itself in the first frame after the
 * scroll (`byHand`, as an extension that knew every link in advance would: what the page alone charges for linking
 * after a scroll); or not at all (`jump`: until the second frame after the scroll begins).
 */
export type ScrollMode = 'extension' | 'byHand' | 'jump';

/**
 * Scrolls to `y` and resolves, once every table row then in view holds one of our links, with the ms from the
 * scroll to the start of the frame after the one that drew them (checked each frame; -1 after 5 s): a frame's start
 * is when the one before it is on screen. Links written during a frame's callbacks (the probe's own, an extension's
 * in `requestAnimationFrame`) are drawn by that frame, and seen by the probe in the next one; links written in a task
 * between two frames are drawn by the next frame, whose start can lie before that task ended (it is when the frame
 * was due, not when it ran), so the probe waits one frame more for them. A mutation observer tells the two apart:
 * it notes whether the last link came while a frame's callbacks and rendering ran, which a user-blocking task posted
 * from the probe's callback ends (it runs before tasks queued earlier). The rows in view are found once, by points
 * down the middle of the viewport, so the probe itself reads little while it waits. In `jump` mode it resolves at
 * the start of the second frame after the scroll.
 */
export const SCROLL_LINK_PROBE = (y: number, mode: ScrollMode = 'extension'): string => `(async () => {
  ${WRAP_FIRST_NUMBER}
  const jump = ${mode === 'jump'};
  let rendering = false;
  let lastInFrame = false;
  const observer = new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName === 'A'))) lastInFrame = rendering;
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame((at) => {
    rendering = true;
    scheduler.postTask(() => (rendering = false), { priority: 'user-blocking' });
    resolve(at);
  }));
  scrollTo(0, ${y});
  const start = performance.now();
  const rows = new Set();
  for (let py = 1; py < innerHeight; py += 8) {
    const row = document.elementFromPoint(innerWidth / 4, py)?.closest('tr');
    if (row) rows.add(row);
  }
  let written = ${mode !== 'byHand'};
  try {
    for (let frame = 0; ; frame++) {
      const at = await nextFrame();
      if (jump && frame === 2) return { ms: at - start, rows: rows.size };
      if (!written) {
        written = true;
        for (const row of rows) wrapFirstNumber(row, true);
        continue;
      }
      if ([...rows].every((row) => row.querySelector('a[data-dialable]') !== null)) {
        if (lastInFrame) return { ms: at - start, rows: rows.size };
        return { ms: (await nextFrame()) - start, rows: rows.size };
      }
      if (performance.now() - start > 5000) return { ms: -1, rows: rows.size };
    }
  } finally {
    observer.disconnect();
  }
})()`;
