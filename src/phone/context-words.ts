/**
 * Words in the few characters before a digit run that tell whether it is a phone number. The closest one wins, so
 * "Phone No.: 020 7946 0958" is a phone number and "Order no. 2133734253" is not.
 */
const POSITIVE = String.raw`tel|tel\.|telephone|t[eé]l[eé]phone|phone|ph\.?|call|calls|mobile|mob\.?|mobil|cell|cellphone|fax|hotline|telefon|telefono|tel[eé]fono|handy|numéro|rufnummer|whatsapp|sms|contact|dial|ring|☎|📞|✆|📱`;
const NEGATIVE = String.raw`order|orders|invoice|inv|ticket|po|p\.o\.|ref|reference|confirmation|conf|serial|s\/n|isbn|issn|account|acct|no\.|nr\.|n°|no|#|case|id|tracking|track|booking|customer|transaction|txn|sku|part|model|item|iban|bic|swift|patent|kundennummer|kunden-nr\.?|bestellnummer|bestell-nr\.?|rechnungsnummer|rechnung|auftrag|vorgang|aktenzeichen|doi|pmid|arxiv|zip|postcode|plz|vat|ust-idnr\.?|tax|ein|ssn|license|licence|version|v|build|release|code|pin|otp|amount|total|price|balance|population|votes|page|pages|pp\.?|vol\.?|volume|issue|quote|offer|angebot|auftragsnummer|ticketnummer`;

/** The keyword nearest the number, allowing one filler such as "number" between ("confirmation number 123…"). */
const LAST_WORD = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(${POSITIVE}|${NEGATIVE})(?:\s+(?:number|num\.?|no\.?|nr\.?|code|id))?[\s:.#\-–(]*$`, 'iu');
const ANY_POSITIVE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${POSITIVE})(?![\p{L}])`, 'iu');
const IS_POSITIVE = new RegExp(String.raw`^(?:${POSITIVE})$`, 'iu');

/** +1 when the text just before a number speaks for it, -1 against it, 0 when it says nothing. */
export function contextScore(before: string): number {
  const window = before.slice(-32);
  const last = LAST_WORD.exec(window);
  if (last) return IS_POSITIVE.test(last[1] as string) ? 1 : (ANY_POSITIVE.test(window.slice(0, last.index + 1)) ? 1 : -1);
  return ANY_POSITIVE.test(window) ? 1 : 0;
}
