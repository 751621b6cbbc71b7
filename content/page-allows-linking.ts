/** False for pages that opt out of phone-number detection (`<meta name="format-detection" content="telephone=no">`). */
export function pageAllowsLinking(doc: Document): boolean {
  // In the head, where the parser puts a <meta> before the body: a query of the whole document walks every element.
  for (const meta of (doc.head ?? doc).querySelectorAll('meta[name="format-detection" i]')) {
    if (/telephone\s*=\s*no/i.test(meta.getAttribute('content') ?? '')) return false;
  }
  return doc.documentElement !== null && doc.designMode !== 'on';
}
