/**
 * Entry of the lazily loaded scanner bundle (content/scanner.js, a web-accessible resource). It runs in the
 * content script's isolated world when `load-scanner.ts` imports it, and registers the API there.
 */
import { findPhoneNumbers, formatPhone, telHref } from '../src/phone';
import { SCANNER_KEY, type ScannerApi } from './scanner-api';
import type { LinkMatch } from './wrap-matches';

const api: ScannerApi = {
  scan(text, defaultCountry): LinkMatch[] {
    return findPhoneNumbers(text, { defaultCountry }).map((m) => ({
      ...m,
      href: telHref(m.e164, m.ext),
      title: `Call ${formatPhone(m.e164)}${m.ext === undefined ? '' : ` ext. ${m.ext}`} with Dialable`,
    }));
  },
};

(globalThis as Record<symbol, unknown>)[SCANNER_KEY] = api;
