import type { MessageType, Payload, Reply } from './protocol';

/** The transport: `chrome.runtime.sendMessage` (or the polyfill's) in the extension, anything in tests. */
export type Transport = (envelope: unknown) => Promise<unknown>;

/** Sends a typed message through `transport` and returns its typed reply. */
export async function sendMessage<K extends MessageType>(
  transport: Transport,
  type: K,
  payload: Payload<K>,
): Promise<Reply<K>> {
  return (await transport({ type, payload })) as Reply<K>;
}
