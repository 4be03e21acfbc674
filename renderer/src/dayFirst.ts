/**
 * Dates as the user reads them. The pipeline sends OMI `YYYY-MM-DD`, but people here read and type day first, and
 * the grid shows a spreadsheet's date cells as `dd/mm/yyyy` (shared/ingest/sheet/cell.ts, formatSerialDate) in
 * either language; screens that show a value as it will be sent (the duplicate preview) turn it back.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `1985-04-12` → `12/04/1985`; anything that is not exactly a `YYYY-MM-DD` day is returned as it is. */
export function dayFirst(value: string): string {
  const m = ISO_DAY.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}
