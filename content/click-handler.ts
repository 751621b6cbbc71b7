import { telHref } from '../src/phone/tel-href';
import { watchClickIntent } from './click-intent';
import { linkTarget } from './link-registry';

const DIAL_SCHEMES = /^\s*(tel|callto|sip|sips):/i;

/**
 * Dials on a real user's click: one of our links, or a page's own tel:/callto:/sip: link. Synthetic clicks
 * (`element.click()`, dispatched events — `isTrusted` is false) never dial; on our links they do nothing at all.
 * A trusted click dials only when the link is what the user saw and clicked (see `watchClickIntent`): a visible
 * link the click may not have been meant for goes to the confirm dialer (`unsure`), a hidden one does nothing.
 * Our links dial the number we recorded when we made them, never what the (page-writable) DOM says now.
 * The listeners hang on `signal` so stopping the content script removes them.
 */
export function installClickHandler(win: Window, dial: (target: string, unsure: boolean) => void, signal: AbortSignal): void {
  const intentOf = watchClickIntent(win, signal);
  const judge = (link: Element, event: MouseEvent, target: string) => {
    const intent = intentOf(link, event);
    if (intent !== 'unseen') dial(target, intent === 'unsure');
  };
  win.addEventListener(
    'click',
    (event) => {
      const link = findLink(event);
      if (!link) return;
      const ours = linkTarget(link);
      const primary = event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
      if (ours) {
        event.preventDefault();
        if (event.isTrusted && primary) judge(link, event, telHref(ours.e164, ours.ext));
        return;
      }
      const href = link.getAttribute('href') ?? '';
      if (event.isTrusted && primary && DIAL_SCHEMES.test(href)) {
        event.preventDefault();
        judge(link, event, href.trim());
      }
    },
    { capture: true, signal },
  );
}

/** The innermost `<a href>` on the event's path (shadow DOM included). */
function findLink(event: MouseEvent): Element | undefined {
  for (const target of event.composedPath()) {
    if (target instanceof Element && target.localName === 'a' && target.hasAttribute('href')) return target;
  }
  return undefined;
}
