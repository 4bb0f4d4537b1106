/**
 * CSV as RFC 4180 writes it, for spreadsheets: no CSV library is installed, and the rules are few. A cell that
 * holds a comma, a quote or a line break is quoted, its quotes doubled; rows end with CRLF.
 */

/** What a cell may hold; null and undefined are empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Characters a spreadsheet reads as the start of a formula (OWASP's list: = + - @, and tab and carriage return,
 * which some spreadsheets strip before looking): a case title such as `=HYPERLINK(...)` must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as a cell: a leading apostrophe defuses a would-be formula; quoted when it must be. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are ours, never a resident's text: a negative number stays a number.
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** The byte-order mark that tells Excel the file is UTF-8 (without it, Chinese opens as mojibake). */
export const UTF8_BOM = '\uFEFF';
