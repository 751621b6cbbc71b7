import { formatAsYouType } from '../../src/phone/format-as-you-type';

/**
 * The number field's input handler: formats as you type for the default country and puts the caret back after the
 * digit it followed. Pasted or dropped text stays exactly as it came (a formatted number with "(0)", a tel:/sip:
 * URI): the background parses it when it is dialed. Returns the field's new text.
 */
export function formatNumberInput(event: InputEvent & { currentTarget: HTMLInputElement }, country: string | undefined, previous: string): string {
  const input = event.currentTarget;
  if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop') return input.value;
  const caret = input.selectionStart ?? input.value.length;
  const edit = formatAsYouType({ text: input.value, caret }, country, previous);
  if (edit.text !== input.value) {
    input.value = edit.text;
    input.setSelectionRange(edit.caret, edit.caret);
  }
  return edit.text;
}

/** A keypad key added at the end of the number, formatted like typing. */
export function appendKey(number: string, key: string, country: string | undefined): string {
  const text = number + key;
  return formatAsYouType({ text, caret: text.length }, country).text;
}

/**
 * "+" from the keypad (long-press or double-tap on 0): only at the start of a number, where it means "international".
 * A double tap first typed one 0 (`replacesZero`), which the + replaces. Anything else: the number unchanged.
 */
export function addPlus(number: string, replacesZero: boolean): string {
  const before = replacesZero && number.endsWith('0') ? number.slice(0, -1) : number;
  return before.trim() === '' ? '+' : number;
}
