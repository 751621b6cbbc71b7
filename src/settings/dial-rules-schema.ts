/** How an E.164 number becomes the user part Dialable sends to the SIP server (applied by src/phone/dial-rules.ts). */
export interface DialRules {
  /** keep `+44…`; strip the plus `44…`; replace it with the international prefix `0044…`; or national format for the home country. */
  plus: 'keep' | 'strip' | 'idd' | 'national';
  /** International prefix used by `idd` (and by `national` for foreign numbers): 00, 011, … */
  idd: string;
  /** Dialed before everything else ("0" or "9" for an outside line); '' for none. */
  outsidePrefix: string;
  /** Applied in order after `plus`; the first rule whose prefix matches (and length fits) wins. */
  rewrites: DialRewrite[];
}

export interface DialRewrite {
  match: string;
  replace: string;
  minLength?: number;
  maxLength?: number;
}

export const PLUS_MODES = ['keep', 'strip', 'idd', 'national'] as const;

export const DEFAULT_DIAL_RULES: DialRules = { plus: 'keep', idd: '00', outsidePrefix: '', rewrites: [] };
