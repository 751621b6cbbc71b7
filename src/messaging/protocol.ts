/**
 * The one message protocol. Every message names who may send it (`from`), its payload and its reply.
 * {@link Handlers} makes the compiler reject a router that forgets a message.
 *
 * Senders:
 * - `content`: content scripts — untrusted (they run beside hostile pages): payloads are validated in the router.
 * - `extension`: our own pages (popup, options, onboarding) — checked by sender URL.
 */
export interface Protocol {
  // Each entry: from (an Origin), payload, reply.
  /** A trusted click on a number (ours or a page's tel:/callto:/sip: link). `target` is a tel:/callto:/sip: URI. */
  'page:dial': {
    from: 'content';
    payload: { target: string; source: { url: string; title: string } };
    reply: { accepted: boolean; reason?: string };
  };
}

export type MessageType = keyof Protocol;
export type Payload<K extends MessageType> = Protocol[K]['payload'];
export type Reply<K extends MessageType> = Protocol[K]['reply'];
/** Where a message can come from; see the list at the top of this file. */
export type Origin = 'content' | 'extension';

/** The wire format: a type tag plus the payload. */
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}

/** Who sent a message, as established by the router from browser-provided sender info (never from the payload). */
export interface SenderInfo {
  origin: Origin;
  tabId?: number;
  frameUrl?: string;
}

export type Handlers = {
  [K in MessageType]: (payload: Payload<K>, sender: SenderInfo) => Promise<Reply<K>>;
};
