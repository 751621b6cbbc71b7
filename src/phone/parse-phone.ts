import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { cleanText } from './clean-text';

/**
 * Parses one number a person typed, selected or a link holds (`tel:`/`callto:` URIs with `;ext=` or `%20`
 * accepted). Only valid numbers come back, normalized to E.164.
 */
export function parsePhone(input: string, defaultCountry?: string): { e164: string; ext?: string } | undefined {
  let text = input.trim();
  let ext: string | undefined;
  const uri = /^(?:tel|callto):(?:\/\/)?(.*)$/i.exec(text);
  if (uri) {
    let body = uri[1] as string;
    try {
      body = decodeURIComponent(body);
    } catch {
      // keep as is
    }
    const [number, ...params] = body.split(';');
    text = number ?? '';
    const extParam = params.find((p) => /^ext=/i.test(p));
    if (extParam) ext = extParam.slice(4);
  }
  text = cleanText(text).text;
  if (text.length > 64 || !/\d/.test(text)) return undefined;
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: defaultCountry as CountryCode | undefined, extract: false });
  if (!parsed?.isValid()) return undefined;
  const finalExt = ext ?? parsed.ext;
  return finalExt && /^\d{1,10}$/.test(finalExt) ? { e164: parsed.number, ext: finalExt } : { e164: parsed.number };
}
