/**
 * Formula injection (CSV injection, OWASP): a cell that starts with = + - @ (or tab / carriage return) is run as
 * a formula when the report is opened in Excel. Such cells get a leading apostrophe, which Excel shows as text
 * and never evaluates.
 */

const DANGEROUS_START = /^[=+\-@\t\r]/;

/** The cell as it is safe to write into a spreadsheet. */
export function neutraliseCell(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}
