import type { Frame, Page } from 'puppeteer-core';

export interface FoundLink {
  e164: string;
  ext?: string;
  text: string;
}

/**
 * Our links in a document: one entry per number (first pieces only), with the text of all its pieces.
 * `scope` = 'document' | 'shadow' (inside open shadow roots of the document).
 */
export function collectLinks(page: Page | Frame, scope: 'document' | 'shadow' = 'document'): Promise<FoundLink[]> {
  return page.evaluate((where) => {
    const roots: Array<Document | ShadowRoot> = [];
    if (where === 'document') roots.push(document);
    else for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const out: Array<{ e164: string; ext?: string; text: string }> = [];
    for (const root of roots) {
      const all = [...root.querySelectorAll<HTMLAnchorElement>('a[data-dialable]')];
      for (const [i, a] of all.entries()) {
        if (a.hasAttribute('data-dialable-part')) continue;
        let text = a.textContent ?? '';
        for (let j = i + 1; j < all.length && all[j]!.hasAttribute('data-dialable-part'); j++) text += ` ${all[j]!.textContent}`;
        out.push({ e164: a.dataset.dialable ?? '', ...(a.dataset.ext ? { ext: a.dataset.ext } : {}), text });
      }
    }
    return out;
  }, scope);
}
