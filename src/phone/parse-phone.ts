import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { cleanText } from './clean-text';
import { findPhoneNumbers } from './find-phone-numbers';
import { toCountryCode } from './to-country-code';

const URI = /^(?:tel|callto):(?:\/\/)?(.*)$/is;
const EXT = /^\d{1,10}$/;

/**
 * Parses one number a person typed or selected, or a link holds: `tel:`/`callto:` URIs (RFC 3966 `;ext=`, `%20`
 * escapes) or plain text. Only valid numbers come back, in E.164. A selection may carry words around its number
 * ("Tel.: 020 7946 0958"): when the whole text is not a number, exactly one number found in it is taken.
 */
export function parsePhone(input: string, defaultCountry?: string): { e164: string; ext?: string } | undefined {
  const country = toCountryCode(defaultCountry);
  let text = input.trim();
  let ext: string | undefined;
  const uri = URI.exec(text);
  if (uri) {
    const [number = '', ...params] = (uri[1] as string).split(';');
    try {
      text = decodeURIComponent(number);
    } catch {
      return undefined;
    }
    ext = params.find((p) => /^ext=/i.test(p))?.slice(4);
  }
  const clean = cleanText(text).text;
  if (clean.length > 64 || !/\d/.test(clean)) return undefined;

  const parsed = parsePhoneNumberFromString(clean, { defaultCountry: country, extract: false });
  if (parsed?.isValid()) return withExt(parsed.number, ext ?? parsed.ext);
  if (uri) return undefined;
  const found = findPhoneNumbers(text, { defaultCountry: country });
  return found.length === 1 && found[0] ? withExt(found[0].e164, found[0].ext) : undefined;
}

function withExt(e164: string, ext: string | undefined): { e164: string; ext?: string } {
  return ext && EXT.test(ext) ? { e164, ext } : { e164 };
}
