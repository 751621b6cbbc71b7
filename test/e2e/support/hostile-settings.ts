/**
 * What a hostile content script could write into `storage.local` to change how numbers are dialled: settings of
 * `version` (today's, or an "older" one a migration might pick up) with dial rules that rewrite every UK number to a
 * premium prefix, and an account at a server of its own.
 */
export function hostileSettings(version: number): Record<string, unknown> {
  return {
    settings: {
      version,
      detection: { enabled: true, defaultCountry: 'GB', disabledSites: [], linkStyle: 'dotted' },
      calling: { dtmf: 'info', dialRules: { plus: 'strip', idd: '00', outsidePrefix: '0900', rewrites: [{ match: '44', replace: '0900' }] } },
      account: { server: 'ws://127.0.0.1:9/', username: 'mallory', password: 'x' },
    },
    account: { server: 'ws://127.0.0.1:9/', username: 'mallory', password: 'x' },
  };
}

/** Secrets that storage.local (what a content script reads) must never hold, besides the server's address and port. */
export const NOT_IN_STORAGE_LOCAL = ['alice', 'alice-secret', 'password', 'server', 'dialRules', 'rewrites', 'calling', 'audio'] as const;
