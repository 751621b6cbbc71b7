import type { LinkMatch } from './wrap-matches';

/**
 * The heavy half of the content script (libphonenumber-js and its metadata), loaded only when the cheap scan found
 * a candidate. `content/scanner.ts` builds to its own file and hands this object over through {@link SCANNER_KEY}.
 */
export interface ScannerApi {
  scan(text: string, defaultCountry: string | undefined): LinkMatch[];
}

/** Where the scanner module leaves its API in the content script's isolated world (never visible to the page). */
export const SCANNER_KEY = Symbol.for('dialable.scanner');
