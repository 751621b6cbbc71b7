import { formatPhone } from './format-phone';
import { parsePhone } from './parse-phone';

/** Longest selection we look at: a number with a label and an extension fits; a paragraph does not. */
const MAX_SELECTION = 80;

/**
 * The number a selection holds, for the "Call <number>" context-menu item and the "call the selected text"
 * shortcut: `undefined` unless the selected text is one phone number (labels such as "Tel.:" around it are fine).
 * `label` is what people read in the menu title: international format, plus the extension.
 */
export function selectionNumber(text: string, defaultCountry?: string): { e164: string; ext?: string; label: string } | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_SELECTION) return undefined;
  const phone = parsePhone(trimmed, defaultCountry);
  if (!phone) return undefined;
  const label = formatPhone(phone.e164) + (phone.ext ? ` ext. ${phone.ext}` : '');
  return phone.ext === undefined ? { e164: phone.e164, label } : { e164: phone.e164, ext: phone.ext, label };
}
