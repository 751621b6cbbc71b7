/** One phone number found in a text: `text.slice(start, end)` is exactly what the page shows for it. */
export interface PhoneMatch {
  start: number;
  end: number;
  /** E.164, e.g. +442079460958 */
  e164: string;
  /** Extension digits when the text gave one (x204, ext. 204, #204). */
  ext?: string;
}

/** A match as the content script wraps it: where it is in the run's text, what it dials, and its tooltip. */
export interface LinkMatch extends PhoneMatch {
  href: string;
  title: string;
}
