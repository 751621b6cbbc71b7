/**
 * A small client for Dialable's CTI page API (docs/cti.md), for web apps the user or administrator allowed. No
 * dependencies; it only posts and hears window messages in the page's own window.
 *
 * ```ts
 * const dialable = await Dialable.connect({ timeout: 5000 });
 * dialable.on('CONNECTED', (call) => showCustomer(call?.number));
 * const { callId } = await dialable.call('+44 20 7946 0958');
 * ```
 */

export type CtiEventName = 'REGISTERED' | 'UNREGISTERED' | 'INCOMING' | 'RINGING' | 'CONNECTED' | 'ON_HOLD' | 'RESUMED' | 'REMOTE_HOLD' | 'HANGUP' | 'CANCEL' | 'FAILED';
export type CtiErrorCode = 'not-allowed' | 'not-registered' | 'no-call' | 'busy' | 'invalid-number' | 'invalid-command' | 'rate-limited' | 'confirm-required' | 'failed' | 'timeout' | 'unavailable';

export interface CtiCall {
  id: string;
  direction: 'outgoing' | 'incoming';
  number: string;
  displayName: string;
  state: 'dialing' | 'ringing' | 'incoming' | 'connected' | 'on-hold' | 'remote-hold' | 'ended' | 'failed';
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  reason?: string;
}

export interface CtiStatus {
  registered: boolean;
  calls: CtiCall[];
}

interface Reply {
  type: 'dialable:reply';
  id: string;
  ok: boolean;
  error?: CtiErrorCode;
  message?: string;
  callId?: string;
  status?: CtiStatus;
}

/** A command that did not do what was asked: `code` for programs, `message` (the user's language) for people. */
export class DialableError extends Error {
  constructor(
    readonly code: CtiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DialableError';
  }
}

export interface ConnectOptions {
  /** How long to wait for Dialable to answer (ms, default 5000): it starts listening shortly after the page loads. */
  timeout?: number;
  /** How long one command may take (ms, default 15000). */
  commandTimeout?: number;
  /** The window to talk in (default: this one). */
  window?: Window;
}

let prefix = 0;

export class Dialable {
  private readonly pending = new Map<string, (reply: Reply) => void>();
  private readonly handlers = new Map<CtiEventName, Set<(call: CtiCall | undefined) => void>>();
  private subscribed: Promise<unknown> | undefined;
  private next = 0;
  private readonly id = `dialable-${Date.now().toString(36)}-${(prefix += 1)}`;
  private readonly listener = (event: MessageEvent) => this.receive(event);

  private constructor(
    private readonly win: Window,
    private readonly commandTimeout: number,
  ) {
    win.addEventListener('message', this.listener);
  }

  /**
   * Resolves once Dialable answers in this page; rejects with `unavailable` when it does not within `timeout`:
   * Dialable is not installed, or this web app is not on its allowed list (the two look the same, on purpose).
   */
  static async connect(options: ConnectOptions = {}): Promise<Dialable> {
    const client = new Dialable(options.window ?? window, options.commandTimeout ?? 15_000);
    const deadline = Date.now() + (options.timeout ?? 5_000);
    for (;;) {
      try {
        await client.send('status', {}, Math.min(500, Math.max(50, deadline - Date.now())));
        return client;
      } catch (error) {
        if (!(error instanceof DialableError && error.code === 'timeout')) throw error;
        if (Date.now() >= deadline) {
          client.close();
          throw new DialableError('unavailable', 'Dialable did not answer: it is not installed, or this site is not allowed to use it.');
        }
      }
    }
  }

  status(): Promise<CtiStatus> {
    return this.send('status').then((reply) => reply.status ?? { registered: false, calls: [] });
  }
  /** Places a call; resolves with its id. `confirm-required`: the user must press Call in Dialable's dialer first. */
  call(number: string): Promise<{ callId?: string }> {
    return this.send('call', { number }).then((reply) => (reply.callId !== undefined ? { callId: reply.callId } : {}));
  }
  answer(callId?: string): Promise<void> {
    return this.act('answer', { callId });
  }
  decline(callId?: string): Promise<void> {
    return this.act('decline', { callId });
  }
  hangup(callId?: string): Promise<void> {
    return this.act('hangup', { callId });
  }
  hold(callId?: string): Promise<void> {
    return this.act('hold', { callId });
  }
  unhold(callId?: string): Promise<void> {
    return this.act('unhold', { callId });
  }
  mute(callId?: string): Promise<void> {
    return this.act('mute', { callId });
  }
  unmute(callId?: string): Promise<void> {
    return this.act('unmute', { callId });
  }
  dtmf(digits: string, callId?: string): Promise<void> {
    return this.act('dtmf', { digits, callId });
  }
  transfer(target: string, callId?: string): Promise<void> {
    return this.act('transfer', { target, callId });
  }

  /** Calls `handler` for every such event from now on (subscribing once); returns the function that stops it. */
  on(event: CtiEventName, handler: (call: CtiCall | undefined) => void): () => void {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler);
    this.handlers.set(event, set);
    this.subscribed ??= this.send('subscribe').catch((error: unknown) => {
      this.subscribed = undefined;
      throw error;
    });
    return () => set.delete(handler);
  }

  /** Stops listening; pending commands fail with `unavailable`. */
  close(): void {
    this.win.removeEventListener('message', this.listener);
    for (const resolve of this.pending.values()) resolve({ type: 'dialable:reply', id: '', ok: false, error: 'unavailable', message: 'Closed.' });
    this.pending.clear();
  }

  private async act(command: string, args: Record<string, string | undefined>): Promise<void> {
    await this.send(command, args);
  }

  private send(command: string, args: Record<string, string | undefined> = {}, timeout = this.commandTimeout): Promise<Reply> {
    const id = `${this.id}-${(this.next += 1)}`;
    const defined = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new DialableError('timeout', `Dialable did not answer "${command}" in time.`));
      }, timeout);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        this.pending.delete(id);
        if (reply.ok) resolve(reply);
        else reject(new DialableError(reply.error ?? 'failed', reply.message ?? reply.error ?? 'failed'));
      });
      this.win.postMessage({ type: 'dialable:command', id, command, ...defined }, this.win.location.origin);
    });
  }

  private receive(event: MessageEvent): void {
    if (event.source !== this.win || event.origin !== this.win.location.origin) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    const message = data as { type?: unknown; id?: unknown; event?: unknown; call?: CtiCall };
    if (message.type === 'dialable:reply' && typeof message.id === 'string') this.pending.get(message.id)?.(data as Reply);
    if (message.type === 'dialable:event' && typeof message.event === 'string') {
      for (const handler of this.handlers.get(message.event as CtiEventName) ?? []) handler(message.call);
    }
  }
}
