import type { EngineSnapshot } from '../call/engine-snapshot';
import type { CtiReply, CtiRequest } from '../cti/cti-wire';
import type { PackedMatches } from '../phone/packed-matches';
import type { Account } from '../settings/account';
import type { Settings } from '../settings/defaults';
import type { ManagedSettings } from '../settings/managed';

/**
 * The one message protocol. Every message names who may send it (`from`), who handles it (`to`), its payload and
 * its reply. {@link HandlersFor} makes the compiler reject a router that forgets a message.
 *
 * Origins (established by the receiver from browser-provided sender info, never from the payload):
 * - `content`: content scripts — untrusted (they run beside hostile pages): payloads are validated by the router.
 * - `extension`: our own visible pages (popup, options, welcome).
 * - `background`: the service worker (Chrome) / event page (Firefox): a router that may die at any moment.
 * - `engine`: the page that owns the SIP engine (offscreen document on Chrome).
 */
export type Origin = 'content' | 'extension' | 'background' | 'engine';
export type Destination = 'background' | 'engine' | 'content';

export type CallAction =
  | { action: 'hangup' | 'answer' | 'decline' | 'mute' | 'unmute' | 'hold' | 'resume' }
  /** The number had a wait (`;`): send the digits after it now (the popup's Send button). */
  | { action: 'send-digits' }
  | { action: 'dtmf'; tone: string }
  | { action: 'transfer'; target: string }
  | LineAction;

/**
 * Actions on the lines rather than on one call: `swap` makes the held call live (the live one goes on hold);
 * `consult` holds the call and calls `target` (attended transfer); `complete-transfer` connects the held caller
 * with the consulted person (REFER with Replaces) and leaves both calls; `cancel-consult` ends the consult call and
 * resumes the held one; `merge` joins two calls into a three-way conference mixed in the browser.
 */
export type LineAction = { action: 'swap' | 'complete-transfer' | 'cancel-consult' | 'merge' } | { action: 'consult'; target: string };

/**
 * The account as the options page sees it: the password never leaves the engine, only whether one is set, and
 * whether a stored one was dropped because the server, domain or user name changed (`passwordCleared`).
 */
export type AccountView = Omit<Account, 'password'> & { hasPassword: boolean; passwordCleared?: boolean };

export interface DialResult {
  accepted: boolean;
  reason?: string;
  callId?: string;
  /** Not placed because the user must confirm it first (`reason` says why): the confirm dialer opens. */
  confirm?: boolean;
}

/**
 * What the protocol handler page did: `calling` (placed), `confirm` (the confirm dialer opened), `done` (a command
 * link acted), `refused` (not a link for us, no call to act on, too many calls from pages); `message` says why.
 */
export interface HandleLinkReply {
  outcome: 'calling' | 'confirm' | 'done' | 'refused';
  message?: string;
}

/** What the background knows about a page's click beside the target (see `pageCallConcern`). */
export interface PageDialFlags {
  /** The content script could not be sure the user saw and meant the link (covered, clipped, focused by script). */
  unsure: boolean;
  /** The link was in a frame of another origin than the tab: that frame's host. */
  crossOriginFrame?: string;
}

export interface Protocol {
  /**
   * A trusted click on a number (ours or a page's tel:/callto:/sip: link). `target` is a tel:/callto:/sip: URI.
   * Where the call came from (shown during the call) is taken from the browser's sender tab, not from the page.
   * `unsure`: the link was visible but the click may not have been meant for it (covered, or focused by the page's
   * script before Enter): the call waits in the confirm dialer.
   */
  'page:dial': {
    from: 'content';
    to: 'background';
    payload: { target: string; unsure?: boolean };
    reply: DialResult;
  };
  /**
   * The content script's candidate runs (inline text that may hold a number), matched in the background so that
   * pages never load or run libphonenumber-js. `matches[i]` belongs to `texts[i]`. `country` is the user's country
   * for this site (the per-site choice, else the default country) when set; without it the background infers the
   * page's country (inferPageCountry) from `lang` (the page's `<html lang>` or `content-language`), the frame's
   * host (from the browser's data, not the page), the texts' `+CC` numbers and the browser's region.
   */
  'page:scan': {
    from: 'content';
    to: 'background';
    payload: { texts: string[]; country?: string; lang?: string };
    /**
     * Every text's matches, packed (see packMatches). `retryAfterMs`: the tab has used its scan budget (see
     * SCAN_BUDGET); nothing was matched, send the batch again after this long.
     */
    reply: { packed: PackedMatches; retryAfterMs?: number };
  };
  /**
   * Chrome only (it has no `contextMenus.onShown`): the page's selection changed. The background shows the
   * "Call <number>" menu item only when the text is a number. Only decides what the menu shows; a click dials the
   * browser's own `selectionText`, never this.
   */
  'page:selection': { from: 'content'; to: 'background'; payload: { text: string }; reply: { ok: boolean } };
  /**
   * A command of the CTI page API (docs/cti.md), from a page the user or administrator allowed
   * (`calling.ctiOrigins`). The background checks the sender's top document and frame origins itself (the content
   * script's own check only decides whether it listens at all); `hello` asks whether this frame may use the API.
   * A `call` takes the same path as a click on a link: the per-tab limit and the confirm rules apply.
   */
  'page:cti': { from: 'content'; to: 'background'; payload: CtiRequest | { command: 'hello' }; reply: CtiReply };
  /**
   * The protocol handler page (`tel:`, `sip:`, `web+dialable:` links handed over by the browser from any page): a
   * dial takes the path of a page's link (per-tab limit, confirm rules), never the popup's trusted one.
   */
  'ui:handle-link': { from: 'extension'; to: 'background'; payload: { uri: string }; reply: HandleLinkReply };
  /** The popup's dial button (typed or pasted number, tel:/sip: URI). */
  'ui:dial': { from: 'extension'; to: 'background'; payload: { target: string }; reply: DialResult };
  /**
   * The dialer window asks what the background opened it for (`?request=<id>` in its address): the sentence to show
   * and whether it is a confirm dialer. The text never travels in the address, so nothing outside the background
   * can put words into it.
   */
  'ui:dialer-request': { from: 'extension'; to: 'background'; payload: { id: string }; reply: { reason?: string; confirm?: boolean } };
  /** In-call controls from the popup (or a notification button, via the background). */
  'ui:call': { from: 'extension'; to: 'background'; payload: { callId?: string } & CallAction; reply: { ok: boolean; error?: string } };
  /** Options page: save the account; the reply says how registering went (within a few seconds). */
  'ui:save-account': { from: 'extension'; to: 'background'; payload: { account: Account }; reply: { registered: boolean; message: string } };
  'ui:get-account': { from: 'extension'; to: 'background'; payload: Record<string, never>; reply: AccountView };
  /**
   * Options page, settings export: the account for the file. The password leaves the engine only here, and only
   * when the user ticked "include the password" (`includePassword`); otherwise it comes back empty.
   */
  'ui:export-account': { from: 'extension'; to: 'background'; payload: { includePassword: boolean }; reply: Account };
  /** Makes sure the engine is running before a page connects its state port. */
  'ui:ensure-engine': { from: 'extension'; to: 'background'; payload: Record<string, never>; reply: { ok: boolean } };
  'ui:clear-history': { from: 'extension'; to: 'background'; payload: Record<string, never>; reply: { ok: boolean } };
  /** The popup was opened: the missed-call count resets. */
  'ui:seen': { from: 'extension'; to: 'background'; payload: Record<string, never>; reply: { ok: boolean } };
  /** The popup's Sign out (`signedOut: true`: unregister, no retries) / Sign in switch. */
  'ui:sign-out': { from: 'extension'; to: 'background'; payload: { signedOut: boolean }; reply: { ok: boolean } };

  /**
   * "Call the selected text" shortcut: the selection of the frame that has the focus (every other frame stays
   * silent). Only the text: the page's address and title shown with the call come from the browser's tab.
   */
  'tab:get-selection': { from: 'background'; to: 'content'; payload: Record<string, never>; reply: { text: string } };
  /**
   * "Call with Dialable" was clicked on a link in this frame: the number we recorded for it if it is one of our
   * links (its href is page-writable), else nothing.
   */
  'tab:get-menu-link': { from: 'background'; to: 'content'; payload: Record<string, never>; reply: { e164?: string; ext?: string } };
  /** The popup asks the top frame of the current tab which site it shows (for the per-site switch). */
  'tab:get-site': { from: 'extension'; to: 'content'; payload: Record<string, never>; reply: { host: string } };

  /** Background → engine: everything the engine does, as one command union. */
  'engine:command': { from: 'background'; to: 'engine'; payload: EngineCommand; reply: EngineReply };
  /** Engine → background: something the browser chrome should show (badge, notification). */
  'engine:event': { from: 'engine'; to: 'background'; payload: EngineEvent; reply: { ok: boolean } };
  /**
   * Engine → background: may the call-log webhook's record go to this origin? Only when the user granted the host
   * permission for it (or the administrator set the address by policy): the offscreen document cannot ask the
   * browser itself.
   */
  'engine:may-send': { from: 'engine'; to: 'background'; payload: { origin: string }; reply: { allowed: boolean } };
}

export type EngineCommand =
  | { command: 'settings'; settings: Settings; managed?: ManagedSettings }
  | { command: 'dial'; target: ResolvedTarget; source?: { url: string; title: string }; page?: PageDialFlags }
  | ({ command: 'call'; callId?: string } & CallAction)
  | { command: 'save-account'; account: Account }
  | { command: 'get-account' }
  | { command: 'export-account'; includePassword: boolean }
  | { command: 'clear-history' }
  | { command: 'seen' }
  | { command: 'online' }
  | { command: 'sign-out'; signedOut: boolean }
  | { command: 'ping' }
  /** The whole state, for the CTI page API's `status` (the background trims it to what a page may see). */
  | { command: 'snapshot' };

/** What each engine command answers (the reply travels as the `engine:command` message's reply). */
export interface EngineReplies {
  settings: { ok: boolean };
  dial: DialResult;
  call: { ok: boolean; error?: string };
  'save-account': { registered: boolean; message: string };
  'get-account': AccountView;
  'export-account': Account;
  'clear-history': { ok: boolean };
  seen: { ok: boolean };
  online: { ok: boolean };
  'sign-out': { ok: boolean };
  ping: { ok: boolean };
  snapshot: EngineSnapshot;
}

export type EngineCommandName = EngineCommand['command'];
export type EngineReply = EngineReplies[EngineCommandName];
/** One engine command by its name, e.g. `EngineCommandOf<'dial'>`. */
export type EngineCommandOf<K extends EngineCommandName> = Extract<EngineCommand, { command: K }>;

/**
 * The engine's handlers, one per command name: like {@link HandlersFor}, a missing handler (or a reply of the wrong
 * shape) is a compile error, and each handler gets its own command's fields without casts.
 */
export type EngineCommandMap = { [K in EngineCommandName]: (command: EngineCommandOf<K>) => Promise<EngineReplies[K]> };

/**
 * A dial target after validation: an E.164 number (with optional extension, and post-dial digits with pauses and
 * waits such as `,,204;#`, see `splitPostDial`), a SIP URI, or an internal extension.
 */
export type ResolvedTarget =
  | { kind: 'phone'; e164: string; ext?: string; postDial?: string }
  | { kind: 'sip'; uri: string }
  | { kind: 'user'; user: string };

export type EngineEvent =
  | { event: 'snapshot'; snapshot: EngineSnapshot }
  | { event: 'incoming'; callId: string; number: string; displayName?: string; waiting?: boolean }
  /** An incoming call stopped ringing: answered, declined, or missed (the caller gave up; busy on another call). */
  | { event: 'incoming-ended'; callId: string; missed: boolean; number: string; displayName?: string }
  /** A call needs the microphone grant that only a visible extension page can obtain. */
  | { event: 'need-microphone' }
  /** Registration has been lost for longer than the engine's grace period (a minute), or is back. */
  | { event: 'registration-lost'; message: string }
  | { event: 'registration-restored' }
  /** Open the CRM's page for a call in a new tab (screen-pop, docs/crm.md); the background checks the URL again. */
  | { event: 'screen-pop'; url: string };

export type MessageType = keyof Protocol;
export type Payload<K extends MessageType> = Protocol[K]['payload'];
export type Reply<K extends MessageType> = Protocol[K]['reply'];

/** The wire format: a type tag plus the payload. */
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}

/** Who sent a message, as established by the receiver. */
export interface SenderInfo {
  origin: Origin;
  tabId?: number;
  frameUrl?: string;
  /** Content scripts: the title and address of the tab they run in, as the browser reports them (`sender.tab`). */
  tab?: { title: string; url: string };
  /** Content scripts in a frame whose origin is not the tab's (or cannot be told): the frame's host. */
  crossOriginFrame?: string;
}

/** The handlers one destination must provide: every message addressed to it, and nothing else. */
export type HandlersFor<D extends Destination> = {
  [K in MessageType as Protocol[K]['to'] extends D ? K : never]: (payload: Payload<K>, sender: SenderInfo) => Promise<Reply<K>>;
};
