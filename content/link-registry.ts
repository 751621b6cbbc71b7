/**
 * What the linkifier changed, so it can be undone exactly and so clicks trust only our own records.
 *
 * We never move or remove a page's text node (React and others keep references and call `removeChild`/
 * `insertBefore` on them). Instead the replacement nodes go *before* the original, which stays in place, emptied,
 * as an anchor: the framework's later `insertBefore(x, original)`, `removeChild(original)` and `original.data = …`
 * keep working, and the observer undoes our part when it sees them.
 */
export interface LinkTarget {
  e164: string;
  ext?: string;
}

/** original text node → the nodes we inserted before it (text pieces and links). */
const replaced = new WeakMap<Text, ChildNode[]>();
/**
 * our link → the original text node it came from and the number it dials (the DOM attributes are page-writable
 * and are never trusted). One map: a page may record thousands of links in a few tasks.
 */
const links = new WeakMap<Element, { original: Text; target: LinkTarget }>();

export function recordReplacement(original: Text, inserted: ChildNode[]): void {
  replaced.set(original, inserted);
}

export function recordLink(link: HTMLAnchorElement, original: Text, target: LinkTarget): void {
  links.set(link, { original, target });
}

export function isReplacedOriginal(node: Node): node is Text {
  return replaced.has(node as Text);
}

/** The original text node behind one of our links, or undefined if `link` is not ours. */
export function ownerOf(link: Element): Text | undefined {
  return links.get(link)?.original;
}

/** The number behind one of our links, or undefined when the element is not one we made. */
export function linkTarget(link: Element): LinkTarget | undefined {
  return links.get(link)?.target;
}

/**
 * Undoes one replacement: removes what we inserted and, unless the page has since written new text into the
 * original (`keepCurrentText`), gives the original its text back.
 */
export function restoreOriginal(original: Text, keepCurrentText: boolean): void {
  const inserted = replaced.get(original);
  if (!inserted) return;
  replaced.delete(original);
  if (!keepCurrentText) original.data = inserted.map((n) => n.textContent ?? '').join('');
  for (const node of inserted) node.remove();
}
