import { isPhoneLabel } from '../src/phone/phone-label';
import { blockOf } from './text-scan';
import type { Run } from './walk-runs';

/** Longer runs are sentences or lists, which carry their own words; a labelled value is a cell's worth of text. */
const MAX_VALUE = 64;
/** Longer than any label isPhoneLabel accepts: reading stops there. */
const MAX_LABEL = 41;
/** Nodes read at most for one label, whitespace included. */
const MAX_NODES = 32;
/** Cells back in the same row that may hold the row's label ("Tel:" | "" | "0207…"). */
const ROW_LABEL_CELLS = 2;

/**
 * True when the page labels this run as a phone number somewhere other than in its own text: its table column's
 * header (`<th>Phone</th>` or the first row's cell), a label cell up to two cells back in its row, the `<dt>` of
 * its `<dd>`, a `<label for>` or `aria-labelledby` pointing at it, or a short label element right before it
 * (`<div>Telefon</div><div>0207…</div>`). Only short runs are looked at, and every label is read only as far as a
 * label can be long, so a large table or a long article costs a few DOM steps per candidate run.
 */
export function labelledAsPhone(run: Run): boolean {
  let length = 0;
  for (const text of run.texts) length += text.length;
  const first = run.nodes[0];
  if (length > MAX_VALUE || first === undefined) return false;
  let block = blockOf(first);
  if (block === null || block.nodeType !== Node.ELEMENT_NODE) return false;
  // A value wrapped once more (`<td><div>0207…</div></td>`) is labelled where its wrapper is.
  const parent = block.parentElement;
  if (parent !== null && parent.childElementCount === 1 && /^(?:td|th|dd)$/.test(parent.localName)) block = parent;
  const el = block as Element;
  switch (el.localName) {
    case 'td':
    case 'th':
      return cellLabelled(el as HTMLTableCellElement);
    case 'dd':
      return termLabelled(el);
    default:
      return namedLabelled(el) || isLabel(el.previousElementSibling);
  }
}

function cellLabelled(cell: HTMLTableCellElement): boolean {
  let prev = cell.previousElementSibling;
  for (let i = 0; i < ROW_LABEL_CELLS && prev !== null; i++, prev = prev.previousElementSibling) {
    if (isLabel(prev)) return true;
  }
  const row = cell.parentElement;
  if (row === null || row.localName !== 'tr') return false;
  const section = row.parentElement;
  const table = section?.localName === 'table' ? section : section?.parentElement;
  // Tag names rather than instanceof: the page may replace its globals.
  if (table?.localName !== 'table') return false;
  const header = (table as HTMLTableElement).tHead?.rows[0] ?? (table as HTMLTableElement).rows[0];
  if (header === undefined || header === row) return false;
  return isLabel(cellAt(header, columnOf(cell)));
}

/** The cell's first column, counting the spans of the cells before it. */
function columnOf(cell: HTMLTableCellElement): number {
  let column = 0;
  for (let prev = cell.previousElementSibling; prev !== null; prev = prev.previousElementSibling) {
    column += (prev as HTMLTableCellElement).colSpan || 1;
  }
  return column;
}

/** The header cell covering `column`, or null. */
function cellAt(row: HTMLTableRowElement, column: number): Element | null {
  let at = 0;
  for (const cell of row.cells) {
    at += cell.colSpan || 1;
    if (at > column) return cell;
  }
  return null;
}

/** The `<dt>` a `<dd>` belongs to (a term may have several descriptions). */
function termLabelled(dd: Element): boolean {
  let prev = dd.previousElementSibling;
  for (let i = 0; i < 4 && prev !== null && prev.localName === 'dd'; i++) prev = prev.previousElementSibling;
  return prev?.localName === 'dt' && isLabel(prev);
}

/** A `<label for>` naming the element (`<output>` is labelable), or the element's `aria-labelledby`. */
function namedLabelled(el: Element): boolean {
  const ids = el.getAttribute('aria-labelledby');
  if (ids !== null && ids.split(/\s+/).some((id) => isLabel(el.ownerDocument.getElementById(id)))) return true;
  const labels = (el as HTMLOutputElement).labels as NodeListOf<HTMLLabelElement> | undefined;
  return labels !== undefined && [...labels].some((label) => isLabel(label));
}

function isLabel(el: Element | null): boolean {
  if (el === null) return false;
  const text = shortText(el);
  return text !== undefined && isPhoneLabel(text);
}

/** The element's text when it is at most a label long, else undefined; never reads more than that. */
function shortText(el: Element): string | undefined {
  let text = '';
  let node: Node | null = el.firstChild;
  for (let n = 0; node !== null; n++) {
    if (n === MAX_NODES) return undefined;
    if (node.nodeType === Node.TEXT_NODE) {
      // Collapsed as the page shows it: indentation in the source is not part of the label.
      text = `${text}${(node as Text).data}`.replace(/\s+/g, ' ');
      if (text.length > MAX_LABEL + 1) return undefined;
    }
    if (node.firstChild !== null && node.nodeType === Node.ELEMENT_NODE) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== el && node.nextSibling === null) node = node.parentNode;
    if (node === null || node === el) break;
    node = node.nextSibling;
  }
  return text;
}
