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

/** The same list as a selector, for checking the ancestors of a mutated node. */
export const SKIPPED_SELECTOR = [...SKIPPED].join(',');

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
