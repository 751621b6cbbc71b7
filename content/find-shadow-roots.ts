/** Custom elements (names with a hyphen): they host nearly all shadow roots. */
const CUSTOM_ELEMENTS = "descendant-or-self::*[contains(local-name(), '-')]";
/** The query compiled once per document: a chat burst asks it for every new message. */
const compiled = new WeakMap<Document, XPathExpression>();

/**
 * Open shadow roots in `root` (a document, a shadow root, or a subtree the page changed). Built-in elements may
 * host one too (`div`, `span`, `p`, …), and finding those means visiting every element from the content script's
 * world (~2 µs each), so that is done for shadow roots (small, and they may nest) and documents of at most
 * `maxElements`. Elsewhere one native XPath query finds the custom elements, the only ones it then looks at;
 * built-in hosts there are still found inside blocks that hold a number (walk-runs.ts).
 */
export function findShadowRoots(root: Node, onShadowRoot: (root: ShadowRoot) => void, maxElements = 1_000): void {
  const doc = root.ownerDocument ?? (root as Document);
  const small = root.nodeType === Node.DOCUMENT_FRAGMENT_NODE || (root === doc && doc.getElementsByTagName('*').length <= maxElements);
  if (small) {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode() as Element | null; el !== null; el = walker.nextNode() as Element | null) {
      const shadow = el.shadowRoot;
      if (shadow !== null) onShadowRoot(shadow);
    }
    return;
  }
  let query = compiled.get(doc);
  if (query === undefined) compiled.set(doc, (query = doc.createExpression(CUSTOM_ELEMENTS)));
  const found = query.evaluate(root, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  for (let i = 0; i < found.snapshotLength; i++) {
    const shadow = (found.snapshotItem(i) as Element).shadowRoot;
    if (shadow !== null) onShadowRoot(shadow);
  }
}
