import type { CellKind } from './types';

/** One row as read from the file, before cleaning: text as the file shows it, plus raw value and kind where not plain text. */
export interface SourceRow {
  texts: string[];
  raw?: (string | number | boolean | null | undefined)[];
  /** Absent when every cell is text or empty. */
  kinds?: CellKind[];
}

/** A merged range, 0-based and inclusive (SheetJS's shape). */
export interface MergeRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** One sheet of the file in a common shape for xlsx-family and text files. */
export interface SourceSheet {
  name: string;
  hidden: boolean;
  /** Row slots (0-based rows 0 … height-1); some may be empty. */
  height: number;
  row(r: number): SourceRow | undefined;
  merges: MergeRange[];
  /** The file had more rows than the reader was allowed to read (the row limit). */
  truncated: boolean;
  /** Notes from the reader (e.g. an unclosed quote in a CSV). */
  notes: { vi: string; en: string }[];
  /** Every cell is NFC already (a text file normalised as a whole). */
  nfc?: boolean;
  /** Row widths (see rowWidth), when the reader has them at hand. */
  widths?: Int32Array;
  /** Rows in the whole sheet as its file declares them, when only a preview was read (height is then smaller). */
  fullHeight?: number;
}

/** True when a text is blank once ordinary and invisible spaces are ignored. */
export function isBlank(s: string | undefined): boolean {
  if (!s) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && c !== 0xad && c !== 0xfeff && !(c >= 0x2000 && c <= 0x200f) && c !== 0x2060 && c !== 0x3000 && c !== 0x202f) return false;
  }
  return true;
}

/** Index after the last non-blank cell of a row (0 when the row is blank). */
export function rowWidth(row: SourceRow | undefined): number {
  if (!row) return 0;
  const t = row.texts;
  for (let c = t.length - 1; c >= 0; c--) if (!isBlank(t[c])) return c + 1;
  return 0;
}
