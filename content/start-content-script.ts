import { sendMessage } from '../src/messaging/send-message';
import { unpackMatches } from '../src/phone/packed-matches';
import { isSiteEnabled } from '../src/settings/site-enabled';
import { siteCountry } from '../src/settings/site-country';
import type { Settings } from '../src/settings/defaults';
import { createSettingsStore } from '../src/settings/settings-store';
import { installClickHandler } from './click-handler';
import type { ContentLifetime } from './content-lifetime';
import { Linkifier } from './linkifier';
import { pageAllowsLinking } from './page-allows-linking';
import { pageLanguage } from './page-language';

/**
 * Wires the content script to the browser: settings from storage (re-applied live when they change), the
 * linkifier for this document, and the click handler that sends dial requests to the background. All of it ends
 * with `lifetime` (the links made so far stay).
 */
export async function startContentScript(lifetime: ContentLifetime): Promise<void> {
  const { signal } = lifetime;
  const dial = (target: string, unsure: boolean): void => {
    // After an extension update this old content script is orphaned; there is nobody left to ask.
    if (!lifetime.alive()) return;
    void sendMessage((m) => chrome.runtime.sendMessage(m), 'page:dial', unsure ? { target, unsure } : { target }).catch(() => undefined);
  };
  installClickHandler(window, dial, signal);

  let linkifier: Linkifier | undefined;
  const apply = (settings: Settings): void => {
    if (signal.aborted) return;
    const d = settings.detection;
    const host = pageHost();
    const on = isSiteEnabled(d, host) && pageAllowsLinking(document);
    // Only the user's own choice (for this site, else the default): without one the background infers the page's
    // country from its signals and the browser's region (resolving the region here, `Intl.Locale#maximize`, cost
    // ~9 ms in every page's renderer).
    const country = siteCountry(d, host) || undefined;
    if (linkifier && (!on || linkifier.country !== country)) {
      linkifier.stop();
      linkifier = undefined;
    }
    if (!on) return;
    if (linkifier) {
      linkifier.setStyle(d.linkStyle);
    } else {
      const lang = country ? undefined : pageLanguage(document);
      linkifier = new Linkifier(document, country, d.linkStyle, (texts) => matchTexts(texts, country, lang, signal), lifetime);
      linkifier.start();
    }
  };

  // Only the detection settings reach this world (no private area: calling settings are out of its reach). The
  // administrator's values (browser policy) win over the user's; both can change while the page is open.
  const settings = createSettingsStore({ storage: chrome.storage });
  apply(await settings.effective());
  if (signal.aborted) return;
  const unwatch = settings.watch(() => {
    // A read that fails when the context has just gone ends the lifetime (alive() aborts it), quietly.
    if (lifetime.alive()) settings.effective().then(apply, () => void lifetime.alive());
  });
  signal.addEventListener('abort', unwatch, { once: true });
}

/** Asks the background to match run texts (see `page:scan`); libphonenumber-js never loads in the page. */
async function matchTexts(texts: string[], country: string | undefined, lang: string | undefined, signal: AbortSignal) {
  const payload = country ? { texts, country } : lang ? { texts, lang } : { texts };
  let reply = await sendMessage((m) => chrome.runtime.sendMessage(m), 'page:scan', payload);
  // This tab has had a lot matched lately (a page that rewrites itself constantly): the background asks to wait.
  while (typeof reply?.retryAfterMs === 'number' && reply.retryAfterMs > 0) {
    await pause(Math.min(reply.retryAfterMs, 60_000), signal);
    reply = await sendMessage((m) => chrome.runtime.sendMessage(m), 'page:scan', payload);
  }
  const matches = unpackMatches(reply?.packed, texts.length);
  if (!matches) throw new Error('No answer from the Dialable background');
  return matches;
}

/** Waits `ms`; rejects at once when `signal` aborts (the timer goes with it). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resume, fail) => {
    const gone = () => {
      clearTimeout(timer);
      fail(new Error('The content script has ended'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', gone);
      resume();
    }, ms);
    if (signal.aborted) gone();
    else signal.addEventListener('abort', gone, { once: true });
  });
}

/** The host whose per-site switch applies; about:blank and srcdoc frames inherit their creator's. */
function pageHost(): string {
  if (location.hostname) return location.hostname;
  try {
    return new URL(document.baseURI).hostname;
  } catch {
    return '';
  }
}
