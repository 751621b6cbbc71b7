import { currentLanguage } from '../../src/i18n/t';

/** An integer in the UI language's digits (Intl), padded to `digits` places: the parts of "1:05" and "0:42". */
export function formatNumber(n: number, digits = 1): string {
  return new Intl.NumberFormat(currentLanguage(), { minimumIntegerDigits: digits, useGrouping: false }).format(n);
}
