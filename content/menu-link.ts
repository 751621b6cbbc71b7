import { linkTarget, type LinkTarget } from './link-registry';

/**
 * Remembers which of our links the user last right-clicked (trusted `contextmenu` events only), so "Call with
 * Dialable" on it dials the number we recorded when we made the link, as a click does — never its href, which the
 * page can rewrite. Returns the getter for the remembered number (undefined when the link was not ours).
 */
export function watchMenuLink(doc: Document, signal: AbortSignal): () => LinkTarget | undefined {
  let last: LinkTarget | undefined;
  doc.addEventListener(
    'contextmenu',
    (event) => {
      if (!event.isTrusted) return;
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      last = link ? linkTarget(link) : undefined;
    },
    { signal, capture: true },
  );
  return () => last;
}
