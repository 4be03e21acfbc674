import type { Bilingual } from '../text';

/** What kind of value a cell held in the file (CSV cells are all `text`). */
export type CellKind = 'text' | 'number' | 'date' | 'boolean' | 'error' | 'empty';

export interface SheetInfo {
  name: string;
  /** Rows that hold anything. */
  rowCount: number;
  columnCount: number;
  hidden: boolean;
  empty: boolean;
}

/** A legacy-encoding conversion found in one column (TCVN3, VNI, mojibake). The user may turn it off. */
export interface ColumnConversion {
  encoding: 'tcvn3' | 'vni' | 'mojibake-1252';
  /** How many cells of the column were changed. */
  cells: number;
  /** A few before → after samples for the UI. */
  samples: { before: string; after: string }[];
  enabled: boolean;
  /** When cells of the column came in more than one legacy encoding: cells per encoding (`encoding` is the commonest). */
  byEncoding?: Partial<Record<'tcvn3' | 'vni' | 'mojibake-1252', number>>;
}

export interface Column {
  /** 0-based position in `TableRow.cells`. */
  index: number;
  /** Unique, readable name (blank or repeated headers made unique). */
  header: string;
  /** The header text exactly as in the file (may be blank or repeated). */
  originalHeader: string;
  /** Spreadsheet letter of the column in the sheet (A, B, …, AA). */
  letter: string;
  conversion?: ColumnConversion;
}

export interface TableRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  rowNumber: number;
  /** The text as Excel shows it, after NFC + legacy conversion (if enabled), one per column. */
  cells: string[];
  /**
   * Per cell, only where it differs from `text`: the file's raw value (a number, an Excel date serial, a boolean)
   * or, for converted legacy text, the text before conversion. Sparse: undefined where nothing to say.
   */
  raw?: (string | number | boolean | null | undefined)[];
  /** Per cell kind; absent means every cell is `text`/`empty` (CSV). */
  kinds?: CellKind[];
}

export interface Table {
  fileName: string;
  sheet: string;
  /** 1-based row number of the header row in the sheet. */
  headerRow: number;
  columns: Column[];
  rows: TableRow[];
  /** Notes for the user (rows dropped as entirely empty, merged cells filled, limits …). */
  notes: Bilingual[];
}

export interface Workbook {
  fileName: string;
  format: 'xlsx' | 'xlsm' | 'xls' | 'xlsb' | 'ods' | 'csv' | 'tsv' | 'txt';
  /** For text files: what encoding was detected. */
  encoding?: string;
  sheets: SheetInfo[];
  /** The sheet that most likely holds the contact table. */
  suggestedSheet: string;
  /** 1904 date system (Mac Excel). */
  date1904: boolean;
}

export interface IngestLimits {
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  maxMillis: number;
  /** Total uncompressed size a zip-based workbook (xlsx, xlsm, xlsb, ods) may declare; above it the file is treated as a zip bomb. */
  maxUnzippedBytes?: number;
}

export interface ReadTableOptions {
  sheet?: string | number;
  /** 1-based; detected when absent. */
  headerRow?: number;
  /** Columns (by index) whose legacy conversion the user turned off. */
  conversionsOff?: number[];
  limits?: Partial<IngestLimits>;
}
