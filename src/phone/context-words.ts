import { PHONE_WORDS } from './phone-words';

/**
 * Words just before a digit run that say whether it is a phone number: "Tel. 030 …" is, "Order no. 2133734253" is
 * not. The nearest word wins, so "Phone No.: 020 7946 0958" is a phone number and "Call about order 2133734253" is not.
 */

/** Speak for a phone number wherever they stand in the clause before it. */
const POSITIVE = PHONE_WORDS;

/** Speak against one wherever they stand in the clause before it: nobody calls an order or an IBAN. */
const STRONG_NEGATIVE = [
  'order', 'orders', 'invoice', 'ticket', 'ref', 'ref.', 'reference', 'référence', 'confirmation', 'serial', 'isbn',
  'issn', 'tracking', 'booking', 'transaction', 'txn', 'sku', 'iban', 'bic', 'swift', 'patent', 'acct', 'acct.',
  'doi', 'pmid', 'arxiv', 'ean', 'gtin', 'upc', 'kundennummer', 'bestellnummer', 'rechnungsnummer', 'auftragsnummer',
  'sendungsnummer', 'vorgangsnummer', 'ticketnummer', 'artikelnummer', 'kontonummer', 'vertragsnummer',
  'referenznummer', 'aktenzeichen', 'buchungsnummer', 'steuernummer', 'ust-idnr.', 'commande', 'facture', 'pedido',
  'factura', 'ordine', 'fattura', 'bestelling', 'factuur', 'reservation', 'réservation', 'reserva', 'buchung',
  'prenotazione', 'rma', 'routing', 'p.iva', 'iva', 'c.f.', 'siret', 'siren', 'nif', 'cif', 'dni',
];

/** Everyday words that speak against a number only when it follows them directly ("Customer number 12…"). */
const WEAK_NEGATIVE = [
  'no', 'no.', 'nr', 'nr.', 'n°', 'nº', '#', 'id', 'code', 'case', 'customer',
  'account', 'part', 'model', 'item', 'po', 'p.o.', 'pin', 'otp', 'zip', 'plz', 'postcode', 'vat', 'tax', 'ein',
  'ssn', 'license', 'licence', 'version', 'v', 'build', 'release', 'page', 'pages', 'pp.', 'p.', 's.', 'vol.',
  'total', 'amount', 'price', 'balance', 'member', 'policy', 'claim', 'quote', 'offer', 'angebot', 'kunden', 'konto',
  'kto.', 'lot', 'batch', 'receipt', 'voucher', 'coupon', 'population', 'votes',
];

/** May stand between a word and its number without changing who speaks: "Phone No.:", "Telefon-Nr.", "Call us at". */
const LABELS = ['no.', 'no', 'nr.', 'nr', 'n°', 'nº', '#', 'number', 'num.', 'nummer', 'id', 'code'];
const LINKS = ['us', 'me', 'at', 'on', 'is', 'to', 'via', 'under', 'unter', 'au', 'le', 'al', 'en'];

const alternation = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.+?*()[\]{}|^$\\]/g, '\\$&')).join('|');
/** Not inside a word, a dotted name or a path: "j.cell.2009…" and "/fax/" are not labels. */
const WORD_START = String.raw`(?<![\p{L}\p{N}._/@])`;
const WORD_END = String.raw`(?![\p{L}\p{N}])`;
const ANY = alternation([...POSITIVE, ...STRONG_NEGATIVE, ...WEAK_NEGATIVE]);

/** A keyword right before the number, maybe with a label ("No.") and link words ("us at") between. */
const ADJACENT = new RegExp(
  String.raw`${WORD_START}(${ANY})${WORD_END}(?:[\s.\-]*(?:${alternation(LABELS)})${WORD_END})*(?:\s+(?:${alternation(LINKS)})${WORD_END})*[\s:.#\-–—(=]*$`,
  'iu',
);
/** Any strong keyword in the clause before the number. */
const SPEAKER = new RegExp(String.raw`${WORD_START}(${alternation([...POSITIVE, ...STRONG_NEGATIVE])})${WORD_END}`, 'giu');
const IS_POSITIVE = new RegExp(String.raw`^(?:${alternation(POSITIVE)})$`, 'iu');

/** A word that speaks for a phone number and does not start inside another word, as regex source (flags 'iu'). */
export const PHONE_WORD = String.raw`${WORD_START}(?:${alternation(POSITIVE)})`;
/** Where a clause ends: ! ? ; | • or a line break, or a full stop after a long word (not "Tel." or "No."). */
const CLAUSE_END = /[!?;|•·\n\r\t]|\p{L}{4,}\.\s/gu;

/** How far back the words count: about one label and its punctuation. */
export const CONTEXT_WINDOW = 32;

/**
 * +1 when the text just before a number speaks for it, -1 when against it, 0 when it says nothing. Only the last
 * {@link CONTEXT_WINDOW} characters of `before` are read.
 */
export function contextScore(before: string): number {
  const window = before.slice(-CONTEXT_WINDOW);
  const adjacent = ADJACENT.exec(window);
  if (adjacent) return IS_POSITIVE.test(adjacent[1] as string) ? 1 : -1;
  let clauseStart = 0;
  for (const end of window.matchAll(CLAUSE_END)) clauseStart = end.index + end[0].length;
  let nearest: string | undefined;
  for (const word of window.slice(clauseStart).matchAll(SPEAKER)) nearest = word[1];
  if (nearest === undefined) return 0;
  return IS_POSITIVE.test(nearest) ? 1 : -1;
}
