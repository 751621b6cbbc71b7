import { SCANNER_KEY, type ScannerApi } from './scanner-api';

let loading: Promise<ScannerApi> | undefined;

/**
 * Loads the scanner bundle once per frame. `import()` of an extension URL evaluates it in this isolated world
 * (Chrome and Firefox), so the page never sees it; the file must be listed in web_accessible_resources.
 */
export function loadScanner(): Promise<ScannerApi> {
  loading ??= import(/* @vite-ignore */ chrome.runtime.getURL('content/scanner.js')).then(
    () => {
      const api = (globalThis as Record<symbol, unknown>)[SCANNER_KEY] as ScannerApi | undefined;
      if (!api) throw new Error('The Dialable scanner did not register');
      return api;
    },
    (error: unknown) => {
      // Let a later attempt try again (a blocked fetch, an extension update in progress).
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
