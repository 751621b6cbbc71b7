/** A separator other than white space between two digits, or a parenthesis: the number reads as one unit. */
const PUNCTUATED = /\d[-./]\d|[()]/;

/**
 * True when a number with digits right across `joiner` (a neighbour's digits) still stands apart from them: a slash
 * the number is not written with (tel/fax pairs `212-555-0100/212-555-0199`, `020 7946 0018/020 7946 0019`), or a
 * space next to a number punctuated as one unit (`Tel (415) 555-0100 (800) 555-0199`, `$20 415-555-0100`,
 * `415-555-0100 100 Main Street`). A run grouped only by spaces (`213 373 4253 99`) or by the joiner itself
 * (`213-373-4253-1234`, `0221/1234567/89`) stays one longer identifier.
 */
export function standsApart(matched: string, joiner: string): boolean {
  if (joiner === '/') return !matched.includes('/');
  return joiner === ' ' && PUNCTUATED.test(matched);
}
