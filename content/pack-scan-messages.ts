import { SCAN_LIMITS } from '../src/messaging/scan-limits';
import { cutRun } from './cut-run';
import { joinRun, type JoinedRun } from './join-run';

/** A piece of a run's text as sent, and where it starts in the joined run. */
export interface Piece<R> {
  run: R;
  joined: JoinedRun;
  offset: number;
}

/** One `page:scan` message: `texts[i]` is the text of `pieces[i]`. */
export interface ScanMessage<R> {
  texts: string[];
  pieces: Array<Piece<R>>;
}

/**
 * Packs runs into `page:scan` messages within SCAN_LIMITS (texts per message, characters per message), each run's
 * text joined for the matcher and cut into pieces of at most 16,000 characters. A run's pieces go in one message,
 * so its matches come back (and are wrapped) together; only a run larger than a whole message (400,000 characters)
 * is split over several.
 */
export function packScanMessages<R extends { texts: readonly string[]; phoneLabel?: boolean }>(runs: readonly R[]): Array<ScanMessage<R>> {
  const messages: Array<ScanMessage<R>> = [];
  let texts: string[] = [];
  let pieces: Array<Piece<R>> = [];
  let chars = 0;
  const close = (): void => {
    messages.push({ texts, pieces });
    texts = [];
    pieces = [];
    chars = 0;
  };
  for (const run of runs) {
    const joined = joinRun(run.texts, run.phoneLabel === true);
    const cut = cutRun(joined.text);
    if (texts.length > 0 && (texts.length + cut.length > SCAN_LIMITS.texts || chars + joined.text.length > SCAN_LIMITS.total)) close();
    for (const { text, offset } of cut) {
      if (texts.length === SCAN_LIMITS.texts || chars + text.length > SCAN_LIMITS.total) close();
      texts.push(text);
      pieces.push({ run, joined, offset });
      chars += text.length;
    }
  }
  if (texts.length > 0) close();
  return messages;
}
