/**
 * Whether a trusted click on a link is what the user saw and meant:
 * - `sure`: the link is visible, it is what is drawn under the pointer (no overlay, even one clicks pass through),
 *   and a keyboard activation (Enter) follows a focus the user moved there (Tab, or pressing on the link);
 * - `unsure`: visible, but covered, or focused by the page's script before the user pressed Enter — the call
 *   waits in the confirm dialer;
 * - `unseen`: hidden (opacity 0, visibility hidden, no size, clipped away, off screen) — nothing happens at all.
 * Everything heavy runs at click time only: the page-wide listeners just note the last user gesture.
 */
export type ClickIntent = 'sure' | 'unsure' | 'unseen';

/** How long after a user's Tab or press a focus change still counts as theirs. */
const GESTURE_MS = 1_000;
/** Smallest visible width and height, in CSS px: a link clipped to a sliver (the 1 px "screen-reader only" box) is not seen. */
const MIN_SIDE = 4;
/** For one hit test, every element takes part: overlays drawn over a link with `pointer-events: none` count too. */
const HIT_ALL = '* { pointer-events: auto !important; }';

export function watchClickIntent(win: Window, signal: AbortSignal): (link: Element, event: MouseEvent) => ClickIntent {
  let gesture: { at: number; pressed?: EventTarget | undefined } = { at: -Infinity };
  let userFocused: EventTarget | undefined;
  const options = { capture: true, passive: true, signal };
  win.addEventListener('pointerdown', (e) => e.isTrusted && (gesture = { at: win.performance.now(), pressed: e.composedPath()[0] }), options);
  win.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Tab' && (gesture = { at: win.performance.now() }), options);
  win.addEventListener(
    'focusin',
    (e) => {
      // Focus events from a script's `element.focus()` are trusted too: only a recent gesture tells them apart.
      const target = e.composedPath()[0];
      const recent = win.performance.now() - gesture.at < GESTURE_MS;
      const onPressed = gesture.pressed === undefined || (target instanceof Node && gesture.pressed instanceof Node && target.contains(gesture.pressed));
      userFocused = recent && onPressed ? target : undefined;
    },
    options,
  );

  return (link, event) => {
    if (!isShown(link, win)) return 'unseen';
    // Enter on a focused link fires a click with detail 0; every pointer click counts at least 1.
    const keyboard = event.detail === 0;
    if (keyboard ? userFocused !== link : !isTopmostAt(link, event.clientX, event.clientY, win)) return 'unsure';
    return 'sure';
  };
}

/** Rendered, opaque, visible, with a size, inside the viewport and not clipped away by an overflow ancestor. */
function isShown(link: Element, win: Window): boolean {
  if (!link.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
  let box = link.getBoundingClientRect();
  if (box.width < MIN_SIDE || box.height < MIN_SIDE) return false;
  box = intersect(box, new DOMRect(0, 0, win.innerWidth, win.innerHeight));
  for (let el = parentOf(link); el && box.width >= MIN_SIDE && box.height >= MIN_SIDE; el = parentOf(el)) {
    const style = win.getComputedStyle(el);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.clipPath !== 'none') box = intersect(box, el.getBoundingClientRect());
  }
  return box.width >= MIN_SIDE && box.height >= MIN_SIDE;
}

/**
 * Nothing that paints is drawn over the link at the click point. Hit tests skip `pointer-events: none`, which is
 * how an overlay lets a click through to a link it hides: for this one synchronous hit test, a style makes every
 * element take part (in the document and in the link's shadow root), then it is removed again. Transparent layers
 * above the link (the full-window toast containers many sites have) do not count as covering it.
 */
function isTopmostAt(link: Element, x: number, y: number, win: Window): boolean {
  const root = link.getRootNode() as Document | ShadowRoot;
  const doc = link.ownerDocument;
  const styles = [doc.documentElement, ...(root instanceof ShadowRoot ? [root] : [])].map((parent) => {
    const style = doc.createElement('style');
    style.textContent = HIT_ALL;
    parent.append(style);
    return style;
  });
  try {
    for (const el of root.elementsFromPoint(x, y)) {
      if (el === link || link.contains(el)) return true;
      if (paints(el, win)) return false;
    }
    return false;
  } finally {
    for (const style of styles) style.remove();
  }
}

const REPLACED = new Set(['img', 'video', 'canvas', 'iframe', 'svg', 'object', 'embed', 'input', 'button', 'select', 'textarea', 'picture']);

/** Whether an element draws something of its own over what lies below it (a background, an image, a control, text). */
function paints(el: Element, win: Window): boolean {
  if (REPLACED.has(el.localName)) return true;
  const style = win.getComputedStyle(el);
  if (style.backgroundImage !== 'none' || !/^(transparent|rgba\(.*,\s*0\))$/.test(style.backgroundColor)) return true;
  return [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
}

function parentOf(el: Element): Element | null {
  const parent = el.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

function intersect(a: DOMRect, b: DOMRect): DOMRect {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  return new DOMRect(left, top, Math.max(0, Math.min(a.right, b.right) - left), Math.max(0, Math.min(a.bottom, b.bottom) - top));
}
