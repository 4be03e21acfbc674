/**
 * Formula injection (CSV injection, OWASP): a cell that starts with = + - @ (or tab / carriage return) is run as
 * a formula when the report is opened in Excel. Such cells get a leading apostrophe, which Excel shows as text
 * and never evaluates. A cell that already starts with apostrophes before such a character gets one more, so
 * that the escape can be undone exactly when a fixed report is imported again (restoreNeutralisedCell).
 */

const DANGEROUS_START = /^'*[=+\-@\t\r]/;

/** The cell as it is safe to write into a spreadsheet. */
export function neutraliseCell(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseCell: `restoreNeutralisedCell(neutraliseCell(s)) === s` for every s. Only for a report's cells. */
export function restoreNeutralisedCell(text: string): string {
  return text.startsWith("'") && DANGEROUS_START.test(text) ? text.slice(1) : text;
}
