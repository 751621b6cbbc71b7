import { createHash, randomBytes } from 'node:crypto';
import {
  EmitterImpl,
  TransportState,
  type BodyAndContentType,
  type SessionDescriptionHandler,
  type SessionDescriptionHandlerFactory,
  type Transport,
} from 'sip.js';
import type { SipNetwork } from '../../../background/engine/sip-network';

/** One SIP message the user agent sent, parsed just enough for a test to read it and answer it. */
export interface SipMessage {
  raw: string;
  /** When the user agent sent it (Date.now(): fake time in tests). */
  at: number;
  /** Request method (REGISTER, INVITE, …); undefined for a response. */
  method: string | undefined;
  /** Response status; undefined for a request. */
  status: number | undefined;
  body: string;
  header(name: string): string | undefined;
  headers(name: string): string[];
}

type Handler = (message: SipMessage) => void;

const SDP = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 9 RTP/AVP 0', 'a=sendrecv', ''].join('\r\n');
const PEER_CONTACT = 'Contact: <sip:peer@127.0.0.1:5060;transport=ws>';
const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const token = () => randomBytes(6).toString('hex');

/**
 * Plays the SIP server (registrar and proxy) for the engine's unit tests, in place of the WebSocket: every message
 * the user agent sends is parsed and kept ({@link sent}, {@link next}); a test answers with {@link reply} or sends
 * its own requests ({@link send}). The registrar checks digest credentials for real (RFC 2617 with qop=auth).
 * SIP.js's own tests drive the library the same way (`test/support/api/transport-fake.ts` in its repository).
 */
export class FakeSipServer {
  readonly realm = 'example.org';
  /** The password the registrar accepts. */
  password = 'secret';
  /** Whether a connection attempt succeeds (false: the server cannot be reached). */
  reachable = true;
  /** A frozen server (SIGSTOP): connections stay open, nothing is answered. */
  frozen = false;
  /** Server URLs that cannot be reached (one of two servers down); {@link reachable} false means all. */
  readonly down = new Set<string>();
  /** The server URL of each connection attempt, in order. */
  readonly connectUrls: string[] = [];
  /** When set, the registrar answers every authenticated REGISTER with this status instead of checking it. */
  registerStatus: number | undefined;
  readonly sent: SipMessage[] = [];
  /** When each connection attempt was made (Date.now(), fake time in tests). */
  readonly connectAttempts: number[] = [];
  /** Errors thrown while the user agent handled a message from us: the test fails on any. */
  readonly errors: unknown[] = [];
  readonly transports: FakeTransport[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly waiting: Array<{ method: string; resolve: (m: SipMessage) => void }> = [];
  private taken = new Set<SipMessage>();
  private readonly tags = new Map<string, string>();

  constructor() {
    this.handlers.set('REGISTER', (m) => this.registrar(m));
    this.handlers.set('BYE', (m) => this.reply(m, 200));
    // The connection's keep-alive: a registrar answers OPTIONS to its domain.
    this.handlers.set('OPTIONS', (m) => this.reply(m, 200));
    this.handlers.set('ACK', () => undefined);
    this.handlers.set('CANCEL', (m) => {
      this.reply(m, 200);
      const invite = [...this.sent].reverse().find((s) => s.method === 'INVITE' && s.header('Call-ID') === m.header('Call-ID'));
      if (invite) this.reply(invite, 487);
    });
  }

  /** What a Connection (or EngineHost) needs to talk to this server. */
  network(media: SessionDescriptionHandlerFactory = fakeMedia()): SipNetwork {
    return {
      transportConstructor: this.transportConstructor,
      sessionDescriptionHandlerFactory: media,
      probe: (url) => Promise.resolve(this.reachable && !this.down.has(url)),
    };
  }

  /** sip.js makes a transport per UserAgent with `new`: each one reaches this server. */
  private readonly transportConstructor = ((server: FakeSipServer) =>
    class extends FakeTransport {
      constructor(_logger: unknown, options?: { server?: string }) {
        super(server, options?.server ?? '');
      }
    })(this);

  /** Answers requests of `method` from now on (replaces the built-in registrar, BYE or CANCEL handling). */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  count(method: string): number {
    return this.sent.filter((m) => m.method === method).length;
  }

  /** The next request of `method` not yet taken by an earlier `next` (waits for it). */
  next(method: string): Promise<SipMessage> {
    const found = this.sent.find((m) => m.method === method && !this.taken.has(m));
    if (found) {
      this.taken.add(found);
      return Promise.resolve(found);
    }
    return new Promise((resolve) => this.waiting.push({ method, resolve }));
  }

  get transport(): FakeTransport | undefined {
    return this.transports[this.transports.length - 1];
  }

  /** Answers `request` the way a proxy or registrar would (To tag per dialog, Via, Call-ID and CSeq copied). */
  reply(request: SipMessage, status: number, options: { headers?: string[]; body?: string } = {}): void {
    const callId = request.header('Call-ID') ?? '';
    let to = request.header('To') ?? '';
    if (status > 100 && !/;tag=/.test(to)) {
      if (!this.tags.has(callId)) this.tags.set(callId, token());
      to += `;tag=${this.tags.get(callId)}`;
    }
    const body = options.body ?? '';
    // A provisional or final answer to an INVITE creates a dialog: it names the called side's contact.
    const dialog = request.method === 'INVITE' && status > 100 && status < 300;
    const lines = [
      `SIP/2.0 ${status} ${REASONS[status] ?? 'Whatever'}`,
      ...request.headers('Via').map((v) => `Via: ${v}`),
      `From: ${request.header('From')}`,
      `To: ${to}`,
      `Call-ID: ${callId}`,
      `CSeq: ${request.header('CSeq')}`,
      ...(dialog ? [PEER_CONTACT] : []),
      ...(options.headers ?? []),
      ...(body ? ['Content-Type: application/sdp'] : []),
      `Content-Length: ${Buffer.byteLength(body)}`,
    ];
    this.send(`${lines.join('\r\n')}\r\n\r\n${body}`);
  }

  /** Answers an INVITE with 200 OK and an SDP answer. */
  accept(invite: SipMessage): void {
    this.reply(invite, 200, { body: SDP });
  }

  /** A call to the registered contact, as the proxy forwards it. */
  invite(from: { user: string; displayName?: string; host?: string; headers?: string[] }): string {
    const register = [...this.sent].reverse().find((m) => m.method === 'REGISTER');
    const contact = /<([^>]+)>/.exec(register?.header('Contact') ?? '')?.[1] ?? 'sip:nobody@example.invalid';
    const callId = `${token()}@127.0.0.1`;
    const name = from.displayName ? `"${from.displayName}" ` : '';
    const lines = [
      `INVITE ${contact} SIP/2.0`,
      `Via: SIP/2.0/WSS 127.0.0.1:5060;branch=z9hG4bK${token()}`,
      'Max-Forwards: 70',
      `From: ${name}<sip:${from.user}@${from.host ?? this.realm}>;tag=${token()}`,
      `To: <sip:alice@${this.realm}>`,
      `Call-ID: ${callId}`,
      'CSeq: 1 INVITE',
      `Contact: <sip:${from.user}@127.0.0.1:5060;transport=ws>`,
      ...(from.headers ?? []),
      'Content-Type: application/sdp',
      `Content-Length: ${Buffer.byteLength(SDP)}`,
    ];
    this.send(`${lines.join('\r\n')}\r\n\r\n${SDP}`);
    return callId;
  }

  /** The ACK for the user agent's 2xx to an INVITE (the caller's side of answering). */
  ack(ok: SipMessage): void {
    const target = /<([^>]+)>/.exec(ok.header('Contact') ?? '')?.[1] ?? '';
    const lines = [
      `ACK ${target} SIP/2.0`,
      `Via: SIP/2.0/WSS 127.0.0.1:5060;branch=z9hG4bK${token()}`,
      'Max-Forwards: 70',
      `From: ${ok.header('From')}`,
      `To: ${ok.header('To')}`,
      `Call-ID: ${ok.header('Call-ID')}`,
      `CSeq: ${(ok.header('CSeq') ?? '1').split(' ')[0]} ACK`,
      'Content-Length: 0',
    ];
    this.send(`${lines.join('\r\n')}\r\n\r\n`);
  }

  /** The called side hangs up a call the user agent placed with `invite` (and the server answered). */
  bye(invite: SipMessage): void {
    const callId = invite.header('Call-ID') ?? '';
    const lines = [
      `BYE ${/<([^>]+)>/.exec(invite.header('Contact') ?? '')?.[1]} SIP/2.0`,
      `Via: SIP/2.0/WSS 127.0.0.1:5060;branch=z9hG4bK${token()}`,
      'Max-Forwards: 70',
      `From: ${invite.header('To')};tag=${this.tags.get(callId)}`,
      `To: ${invite.header('From')}`,
      `Call-ID: ${callId}`,
      `CSeq: ${Number((invite.header('CSeq') ?? '1').split(' ')[0]) + 100} BYE`,
      'Content-Length: 0',
    ];
    this.send(`${lines.join('\r\n')}\r\n\r\n`);
  }

  /** The user agent's responses with `status` so far. */
  responses(status: number): SipMessage[] {
    return this.sent.filter((m) => m.status === status);
  }

  /** Delivers a message to the user agent on the current connection. */
  send(raw: string): void {
    const transport = this.transport;
    if (!transport?.isConnected()) throw new Error('no connection to send on');
    try {
      transport.onMessage?.(raw);
    } catch (error) {
      this.errors.push(error);
    }
  }

  /** The connection breaks under the user agent (server restart, network gone). */
  drop(): void {
    this.transport?.lose(new Error('connection lost'));
  }

  /** Called by the transport: keeps the message, hands it to a waiting `next` or to the method's handler. */
  received(raw: string): void {
    const message = parse(raw);
    this.sent.push(message);
    if (this.frozen) return;
    const index = this.waiting.findIndex((w) => w.method === message.method);
    if (index >= 0) {
      const [waiter] = this.waiting.splice(index, 1);
      this.taken.add(message);
      waiter?.resolve(message);
      return;
    }
    // A handler answers after the send returns, as a real server does.
    const handler = message.method ? this.handlers.get(message.method) : undefined;
    if (handler) queueMicrotask(() => handler(message));
  }

  /** The registrar: a digest challenge first, then 200 OK for the right password (or {@link registerStatus}). */
  registrar(request: SipMessage): void {
    const auth = request.header('Authorization');
    const challenge = `WWW-Authenticate: Digest realm="${this.realm}", nonce="${token()}", algorithm=MD5, qop="auth"`;
    if (!auth) return this.reply(request, 401, { headers: [challenge] });
    if (this.registerStatus !== undefined) return this.reply(request, this.registerStatus);
    if (!this.validDigest(auth, 'REGISTER')) return this.reply(request, 401, { headers: [challenge] });
    const contact = request.header('Contact') ?? '';
    const expires = /expires=(\d+)/.exec(contact)?.[1] ?? request.header('Expires') ?? '600';
    this.reply(request, 200, { headers: [`Contact: ${contact.replace(/;expires=\d+/, '')};expires=${expires}`] });
  }

  private validDigest(header: string, method: string): boolean {
    const p = Object.fromEntries([...header.matchAll(/(\w+)="?([^",]*)"?/g)].map((m) => [m[1], m[2]]));
    const ha1 = md5(`${p.username}:${this.realm}:${this.password}`);
    const ha2 = md5(`${method}:${p.uri}`);
    return p.response === md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
  }
}

/** The transport sip.js gets instead of its WebSocket: connects at once (unless unreachable) and talks to the server. */
export class FakeTransport implements Transport {
  readonly protocol = 'WSS';
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  private current = TransportState.Disconnected;
  readonly stateChange = new EmitterImpl<TransportState>();

  constructor(
    private readonly server: FakeSipServer,
    readonly url = '',
  ) {
    server.transports.push(this);
  }

  get state(): TransportState {
    return this.current;
  }

  isConnected(): boolean {
    return this.current === TransportState.Connected;
  }

  connect(): Promise<void> {
    if (this.current === TransportState.Connected) return Promise.resolve();
    // A frozen server accepts the TCP connection but never answers the WebSocket upgrade: sip.js times out (5 s).
    if (this.server.frozen) {
      this.server.connectAttempts.push(Date.now());
      this.server.connectUrls.push(this.url);
      this.move(TransportState.Connecting);
      return new Promise((_, reject) => setTimeout(() => {
        this.move(TransportState.Disconnected, new Error('timeout'));
        reject(new Error('WebSocket connect timed out'));
      }, 5_000));
    }
    this.server.connectAttempts.push(Date.now());
    this.server.connectUrls.push(this.url);
    this.move(TransportState.Connecting);
    if (!this.server.reachable || this.server.down.has(this.url)) {
      this.move(TransportState.Disconnected, new Error('unreachable'));
      return Promise.reject(new Error('WebSocket closed (1006)'));
    }
    this.move(TransportState.Connected);
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    if (this.current !== TransportState.Disconnected) {
      this.move(TransportState.Disconnecting);
      this.move(TransportState.Disconnected);
    }
    return Promise.resolve();
  }

  dispose(): Promise<void> {
    return this.disconnect();
  }

  send(message: string): Promise<void> {
    if (!this.isConnected()) return Promise.reject(new Error('not connected'));
    this.server.received(message);
    return Promise.resolve();
  }

  /** The server side closes the connection. */
  lose(error: Error): void {
    if (this.isConnected()) this.move(TransportState.Disconnected, error);
  }

  private move(next: TransportState, error?: Error): void {
    const previous = this.current;
    this.current = next;
    this.stateChange.emit(next);
    if (next === TransportState.Connected) this.onConnect?.();
    if (previous === TransportState.Connected) this.onDisconnect?.(error);
  }
}

/** Media without WebRTC: a fixed SDP offer/answer, as SIP.js's own session description handler mock. */
export class FakeMedia implements SessionDescriptionHandler {
  closed = false;
  readonly remote: string[] = [];

  close(): void {
    this.closed = true;
  }

  getDescription(): Promise<BodyAndContentType> {
    return Promise.resolve({ body: SDP, contentType: 'application/sdp' });
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  setDescription(sdp: string): Promise<void> {
    this.remote.push(sdp);
    return Promise.resolve();
  }

  rollbackDescription(): Promise<void> {
    return Promise.resolve();
  }

  sendDtmf(): boolean {
    return false;
  }
}

export function fakeMedia(made: FakeMedia[] = []): SessionDescriptionHandlerFactory {
  return () => {
    const media = new FakeMedia();
    made.push(media);
    return media;
  };
}

function parse(raw: string): SipMessage {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [start = '', ...lines] = head.split('\r\n');
  const fields = lines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
  });
  const all = (name: string) => fields.filter(([n]) => n === name.toLowerCase()).map(([, v]) => v);
  const status = /^SIP\/2\.0 (\d{3})/.exec(start)?.[1];
  return {
    raw,
    at: Date.now(),
    method: status ? undefined : start.split(' ')[0],
    status: status ? Number(status) : undefined,
    body,
    header: (name) => all(name)[0],
    headers: all,
  };
}

const REASONS: Record<number, string> = {
  100: 'Trying',
  180: 'Ringing',
  183: 'Session Progress',
  200: 'OK',
  401: 'Unauthorized',
  403: 'Forbidden',
  486: 'Busy Here',
  487: 'Request Terminated',
  503: 'Service Unavailable',
};
