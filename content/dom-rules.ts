/**
 * Which elements the linkifier enters, and which ones end a run of inline text.
 * Tag lists rather than computed styles: `getComputedStyle` per element would cost more than the whole scan.
 */

/** Never scanned (their subtree is skipped). Existing links (`a`) are handled by the click handler instead. */
export const SKIPPED = new Set([
  'a', 'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'button',
  'code', 'kbd', 'samp', 'svg', 'math', 'canvas', 'head', 'title', 'iframe', 'frame', 'object', 'embed', 'video',
  'audio', 'picture', 'img', 'map', 'datalist', 'meter', 'progress', 'slot',
]);

/**
 * Inline phrasing elements: text on either side of them joins into one run, so `<b>+44</b> 7911 123456` is one
 * number. Every other element (block elements, `br`, table cells, list items, unknown custom elements) ends a run.
 */
export const INLINE = new Set([
  'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'label', 'mark', 'nobr',
  'q', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/** True for an element whose subtree the user edits (compose windows, rich text editors). */
export function isEditable(el: Element): boolean {
  const attr = el.getAttribute('contenteditable');
  return attr !== null && attr !== 'false';
}

/**
 * True when `el` or one of its ancestors (up to its tree's root) is skipped or editable. A loop over the ancestors
 * rather than `closest()` with the skipped list as a selector, which matched some 30 names at every level: a chat
 * burst checks this for every message, and its profile put ~18 µs on each of those calls.
 */
export function isInsideSkipped(el: Element): boolean {
  for (let current: Element | null = el; current !== null; current = current.parentElement) {
    if (SKIPPED.has(current.localName) || isEditable(current)) return true;
  }
  return false;
}
