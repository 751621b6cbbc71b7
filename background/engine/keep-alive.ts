import type { UserAgent } from 'sip.js';

/** How often the server is asked whether it is still there, and how long it has to answer. */
export const KEEPALIVE_EVERY_MS = 15_000;
export const KEEPALIVE_ANSWER_MS = 10_000;

/**
 * Finds a dead connection while nothing else is said: every {@link KEEPALIVE_EVERY_MS} an OPTIONS request to the
 * server's domain, which must be answered within {@link KEEPALIVE_ANSWER_MS} (any status counts: a 404 or 401 is an
 * answer). A server that is frozen or gone behind a silent network is found within 25 s.
 *
 * Why OPTIONS rather than the CRLF ping of RFC 5626: Kamailio answers both, but the CRLF pong comes from the
 * transport layer — a WebSocket gateway or load balancer in front of a stuck SIP server keeps answering it — while
 * an OPTIONS answer needs the SIP server itself, and every registrar answers OPTIONS (RFC 3261 §11).
 */
export class KeepAlive {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly ua: UserAgent,
    private readonly domain: string,
    private readonly onDead: () => void,
  ) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.probe(), KEEPALIVE_EVERY_MS);
  }

  private probe(): void {
    if (this.stopped) return;
    const core = this.ua.userAgentCore;
    const target = this.ua.configuration.uri.clone();
    target.user = undefined;
    target.host = this.domain;
    const from = this.ua.configuration.uri;
    let answered = false;
    const deadline = setTimeout(() => {
      if (!answered && !this.stopped) this.onDead();
    }, KEEPALIVE_ANSWER_MS);
    this.timer = deadline;
    const answer = (): void => {
      if (answered) return;
      answered = true;
      clearTimeout(deadline);
      this.schedule();
    };
    try {
      const message = core.makeOutgoingRequestMessage('OPTIONS', target, from, target, {});
      core.request(message, { onAccept: answer, onReject: answer, onRedirect: answer, onProgress: answer, onTrying: answer });
    } catch {
      // The transport refused to send: the deadline decides.
    }
  }
}
