/**
 * Names that several contexts must agree on: extension page paths, runtime port names and storage keys. A page moved
 * or a key renamed here changes everywhere at once (the manifest and vite.config.ts name the same paths; a unit test
 * checks that every path here exists in the source tree).
 */
export const PAGES = {
  dialer: 'popup/dialer/popup.html',
  options: 'popup/options/options.html',
  welcome: 'popup/welcome/welcome.html',
  /** The protocol handler page (`tel:`, `sip:`, `web+dialable:` links; manifest `protocol_handlers`). */
  handler: 'popup/handler/handler.html',
  /** Chrome's engine host. */
  offscreen: 'background/offscreen/offscreen.html',
  /** Firefox's engine host. */
  phone: 'background/phone-window/phone.html',
  /** Firefox: loaded in a frame of the event page to unregister a closed phone window's contact. */
  phoneRelease: 'background/worker/phone-release.html',
} as const;

/** Built paths of the background contexts (the router tells them apart from our visible pages by these). */
export const BACKGROUND_SCRIPTS = ['background/worker/service-worker.js', '_generated_background_page.html'] as const;

/** Runtime port names. */
export const PORTS = {
  /** Our pages' stream of engine snapshots. */
  engineState: 'engine-state',
  /** The CTI page API's event stream to a content script on an allowed origin (the engine page checks it). */
  ctiEvents: 'cti-events',
} as const;

/** Keys in `storage.local` (content scripts can read it: detection settings only). */
export const LOCAL_KEYS = {
  settings: 'settings',
  /**
   * `true` while the user's CTI list (private) names any origin: only then does a content script ask the background
   * whether its page may use the CTI page API, so pages pay nothing (and wake no service worker) otherwise. A hint,
   * never a permission: the background checks the real list on every command.
   */
  ctiHint: 'cti-hint',
} as const;

/** Keys in the extension's IndexedDB key-value store (src/settings/secret-store.ts): content scripts cannot read it. */
export const SECRET_KEYS = {
  account: 'account',
  missed: 'missed',
  passwordCleared: 'password-cleared',
  signedOut: 'signed-out',
  /** The call-log webhook's shared secret, with the origin it was entered for (a credential, like the password). */
  callLogSecret: 'call-log-secret',
  /**
   * The webhook origin the user allowed in the options page (the browser granted its host permission in that click).
   * Not a settings value: an imported settings file can change the address, never this.
   */
  callLogAllowed: 'call-log-allowed',
  /** Call-log records waiting for the webhook, and the counts the options page shows. */
  callLogQueue: 'call-log-queue',
} as const;

/** Keys in `storage.session` (the background's memory across worker restarts). */
export const SESSION_KEYS = {
  dialerRequest: 'dialer-request',
  dialerWindow: 'dialer-window',
  menuSelection: 'menu:selection',
} as const;
