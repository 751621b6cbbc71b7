/**
 * Bounds of one `page:scan` batch from a content script, so a hostile page cannot make the background parse
 * megabytes at once. Its own file: the content script needs these numbers, not the validators.
 */
export const SCAN_LIMITS = { texts: 1000, chars: 20_000, total: 400_000 } as const;
