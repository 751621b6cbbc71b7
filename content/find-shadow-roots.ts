/**
 * Open shadow roots under `root`. Finding them means visiting every element, which costs as much as a whole text
 * scan, so it is done only for documents of moderate size; on larger ones shadow roots are found inside blocks that
 * hold numbers and in subtrees the page adds later.
 */
export function findShadowRoots(root: Document | ShadowRoot, onShadowRoot: (root: ShadowRoot) => void, maxElements = 5_000): void {
  const doc = root instanceof Document ? root : root.ownerDocument;
  if (doc.getElementsByTagName('*').length > maxElements) return;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null; el !== null; el = walker.nextNode() as Element | null) {
    const shadow = el.shadowRoot;
    if (shadow !== null) onShadowRoot(shadow);
  }
}
