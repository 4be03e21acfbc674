/**
 * The one list of the file formats the ingest reads (Workbook['format']): the drop zone, the open dialog and the
 * "not a spreadsheet" error all say this list, so what the app promises is what it opens.
 */
import type { Bilingual } from '../text';
import type { Workbook } from './types';

// A Record over Workbook['format'], so a format added to the reader without a word here fails to compile.
const EXCEL: Record<Workbook['format'], boolean> = { xlsx: true, xlsm: true, xls: true, xlsb: true, ods: false, csv: false, tsv: false, txt: false };

/** File extensions (no dot) the ingest reads, Excel's first. */
export const ACCEPTED_EXTENSIONS = Object.keys(EXCEL) as Workbook['format'][];

/** The accepted formats in words: "Excel (.xlsx, .xlsm, .xls, .xlsb), .ods, .csv, .tsv hoặc .txt". */
export const acceptedFormats: Bilingual = (() => {
  const excel = ACCEPTED_EXTENSIONS.filter((e) => EXCEL[e]).map((e) => `.${e}`).join(', ');
  const others = ACCEPTED_EXTENSIONS.filter((e) => !EXCEL[e]).map((e) => `.${e}`);
  const list = (and: string) => `Excel (${excel}), ${others.slice(0, -1).join(', ')} ${and} ${others[others.length - 1]}`;
  return { vi: list('hoặc'), en: list('or') };
})();
