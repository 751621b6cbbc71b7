/** The call controls a command link (`web+dialable:hangup`) may ask for, as tSIP's ANSWER/HANGUP links do. */
export const LINK_COMMANDS = ['answer', 'hangup', 'decline', 'hold', 'unhold'] as const;
export type LinkCommand = (typeof LINK_COMMANDS)[number];

/** What a URI handed to our protocol handler page asks for. */
export type HandlerRequest = { kind: 'dial'; target: string } | { kind: 'command'; command: LinkCommand };

/** Longer than any number or SIP address we dial: anything longer is not a link meant for us. */
export const MAX_HANDLER_URI = 512;

const DIAL = /^(?:web\+)?(tel|callto|sips?):/i;
const COMMAND = /^(?:web|ext)\+dialable:(?:\/\/)?([a-z]+)\/?$/i;
/** A control character (a newline smuggled into a number): code points below U+0020, and DEL. */
const hasControl = (s: string): boolean => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Reads the URI the browser hands to the protocol handler page (`?uri=%s`): `tel:`, `callto:`, `sip:`/`sips:`
 * (also under a `web+` name, where a browser only lets us register those), or a command link
 * `web+dialable:answer|hangup|decline|hold|unhold` (`ext+dialable:` too). The dial target stays a URI: the
 * background resolves it with the user's default country and the page-call confirm rules, as for a clicked link.
 * Anything else — another scheme, a control character, an unknown command — is undefined.
 */
export function parseHandlerUri(raw: string): HandlerRequest | undefined {
  const uri = raw.trim();
  if (uri.length === 0 || uri.length > MAX_HANDLER_URI || hasControl(uri)) return undefined;
  const command = COMMAND.exec(uri)?.[1]?.toLowerCase();
  if (command !== undefined) return (LINK_COMMANDS as readonly string[]).includes(command) ? { kind: 'command', command: command as LinkCommand } : undefined;
  const dial = DIAL.exec(uri);
  if (!dial) return undefined;
  const rest = uri.slice(dial[0].length);
  if (rest.replace(/^\/\//, '').trim() === '') return undefined;
  return { kind: 'dial', target: `${dial[1]!.toLowerCase()}:${rest}` };
}
