/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a field quoted when it holds a quote, comma or line
 * break), made safe for spreadsheets: OWASP's CSV-injection defence puts a single quote before whatever a
 * spreadsheet would read as a formula, so it shows as text. That is a cell starting with `=`, `+`, `-`, `@` (or their
 * full-width forms, which some spreadsheets fold), tab or carriage return, even after white space; and the same
 * characters after a `;`, `,`, `|` or white space inside a cell, where a spreadsheet set to split on that
 * character (Excel in a `;` locale, say) starts a new cell.
 */

/** Lets Excel read the file as UTF-8 (accents in names), which it does not assume without it. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_CHARACTER = '=+\\-@\uFF1D\uFF0B\uFF0D\uFF20';
const FORMULA_START = new RegExp(`^(?:[\\t\\r]|\\s*[${FORMULA_CHARACTER}])`);
// Not at the cell's first character: the start is FORMULA_START's.
const FORMULA_AFTER_SEPARATOR = new RegExp(`(?<=.)([;,|\\s]\\s*)([${FORMULA_CHARACTER}])`, 'gs');
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | null | undefined;

/** One cell: empty for null/undefined, neutralised, then quoted when RFC 4180 requires it. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value).replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
