import type { Bilingual } from '../../text';
import { EDGE_BLANK, LEGACY_SIGNS, NEEDS_NFC, UNICODE_VIETNAMESE, classifyCell } from '../classify';
import { cleanCellText, cleanHeaderText } from '../clean-text';
import { ingestErrors, type Deadline } from '../errors';
import { decodeAs, decodeLegacyCell, fitsLegacy, mayBeLegacy, type LegacyEncoding } from '../legacy/detect';
import { isBlank, rowWidth, type SourceRow, type SourceSheet } from '../source';
import type { Column, ColumnConversion, IngestLimits, Table, TableRow } from '../types';
import { detectHeaderRow, isColumnNumberingRow } from './header';
import { fillMerges } from './merges';
import { columnLetter, uniqueHeaders } from './names';
import { vietnameseReading } from '../legacy/syllable';
import { MASKED_COLUMNS, POOL_CELL_CHARS, POOL_MAX, type TextSourceRow } from '../text/read';

/** What buildTable needs besides the sheet. */
export interface BuildOptions {
  fileName: string;
  /** 1-based header row chosen by the user; detected when absent. */
  headerRow?: number;
  conversionsOff?: number[];
  limits: Required<IngestLimits>;
  deadline: Deadline;
}

const SAMPLES = 3;

/**
 * Sheet → Table: finds the header row, fills merged cells, drops empty rows and trailing empty columns,
 * decodes legacy Vietnamese per column, NFC-normalises and trims every cell, and makes header names unique.
 */
export function buildTable(src: SourceSheet, o: BuildOptions): Table {
  const { fileName, limits, deadline } = o;
  if (src.truncated) throw ingestErrors.tooManyRows(fileName, src.name, limits.maxRows);
  const notes: Bilingual[] = [...src.notes];

  // Rows are built once; merged ranges and the header search work on them. A sheet that knows its row widths and
  // has no merged cells (a text file) has its rows built as they are needed instead: the data rows then go from
  // source to table one at a time, never all alive at once (which made the garbage collector copy them all).
  const rows: (SourceRow | undefined)[] = new Array(src.height);
  const lazy = src.merges.length === 0 && src.widths !== undefined && src.widths.length >= src.height;
  if (!lazy) {
    for (let r = 0; r < src.height; r++) {
      rows[r] = src.row(r);
      if ((r & 0x3fff) === 0) deadline.check();
    }
  }
  const rowAt = (r: number): SourceRow | undefined => (lazy && r >= 0 && r < src.height ? (rows[r] ??= src.row(r)) : rows[r]);
  const widthOf = (r: number) => (src.widths && r < src.widths.length ? src.widths[r] : rowWidth(rows[r]));
  let last = rows.length - 1;
  while (last >= 0 && widthOf(last) === 0) last--;
  if (last < 0) throw ingestErrors.empty(fileName, src.name);

  let headerIdx: number;
  if (o.headerRow !== undefined) {
    if (!Number.isInteger(o.headerRow) || o.headerRow < 1 || o.headerRow > last + 1) throw ingestErrors.badHeaderRow(fileName, src.name, o.headerRow, last + 1);
    headerIdx = o.headerRow - 1;
  } else {
    headerIdx = detectHeaderRow(rowAt, last + 1).row;
  }
  const skippedAbove = countFilled(rowAt, 0, headerIdx);
  if (skippedAbove > 0) {
    notes.push({
      vi: `Bỏ qua ${skippedAbove} dòng phía trên dòng tiêu đề (dòng ${headerIdx + 1}), ví dụ tên bảng.`,
      en: `Skipped ${counted(skippedAbove, 'row')} above the header row (row ${headerIdx + 1}), such as the table's title.`,
    });
  }

  const filled = fillMerges(rows, src.merges, headerIdx);
  if (filled.ranges > 0) {
    notes.push({
      vi: `Có ${filled.ranges} vùng ô gộp trong bảng (${filled.sample}); giá trị của ô gộp đã được điền vào từng ô (${filled.cells} ô).`,
      en: `${counted(filled.ranges, 'merged cell range')} in the table (${filled.sample}); their value was copied into each cell (${counted(filled.cells, 'cell')}).`,
    });
  }

  let first = headerIdx + 1;
  if (isColumnNumberingRow(rowAt(first))) {
    notes.push({
      vi: `Dòng ${first + 1} chỉ đánh số cột (1, 2, 3 …) nên được bỏ qua.`,
      en: `Row ${first + 1} only numbers the columns (1, 2, 3 …), so it was skipped.`,
    });
    first++;
  }

  // Width: the widest of the header and the data, after dropping trailing empty columns.
  let width = rowWidth(rowAt(headerIdx));
  let dataRows = 0;
  let emptyRows = 0;
  // Merged cells may have widened rows: their widths are measured again.
  const merged = new Set<number>();
  for (const m of src.merges) for (let r = m.s.r; r <= m.e.r; r++) merged.add(r);
  const widthAt = (r: number) => (merged.has(r) ? rowWidth(rows[r]) : widthOf(r));
  for (let r = first; r <= last; r++) {
    const w = widthAt(r);
    if (w === 0) emptyRows++;
    else {
      dataRows++;
      if (w > width) width = w;
    }
  }
  if (width > limits.maxColumns) throw ingestErrors.tooManyColumns(fileName, src.name, width, limits.maxColumns);
  if (dataRows > limits.maxRows) throw ingestErrors.tooManyRows(fileName, src.name, limits.maxRows);
  if (dataRows === 0) throw ingestErrors.headerOnly(fileName, src.name, headerIdx + 1);
  if (emptyRows > 0) {
    notes.push({
      vi: `Bỏ qua ${emptyRows} dòng trống trong bảng.`,
      en: `Skipped ${counted(emptyRows, 'empty row')} inside the table.`,
    });
  }

  const off = new Set(o.conversionsOff ?? []);
  const conv: ConversionTally[] = new Array(width);
  const pools: (Map<string, string> | null | undefined)[] = new Array(width);
  const out: TableRow[] = new Array(dataRows);
  const settled: SettledCells = { masks: undefined, rows: dataRows, unicode: 0 };
  let k = 0;
  for (let r = first; r <= last; r++) {
    if (widthAt(r) === 0) continue;
    const row = rows[r] ?? (lazy ? src.row(r) : undefined);
    if (!row) continue;
    if ((k & 0x3fff) === 0) deadline.check();
    out[k] = cleanRow(row, r, k, width, conv, off, src.name, o, src.nfc === true, pools, settled);
    k++;
    rows[r] = undefined; // let the source row go as soon as it is in the table
  }

  // Cells that read as Vietnamese both as they are and decoded are decoded only in a column that has legacy
  // cells and no real Unicode Vietnamese (a whole column, or file, typed with legacy fonts).
  for (let c = 0; c < width; c++) {
    const t = conv[c];
    if (!t || t.cells === 0 || t.unicode > 0) continue;
    const ambiguous = ambiguousCells(t.ambiguous, settled.masks, c, out);
    t.ambiguous = [];
    if (ambiguous.length === 0) continue;
    const enc = dominant(t);
    for (let i = 0; i < ambiguous.length; i += 2) {
      const k = ambiguous[i] as number;
      const text = ambiguous[i + 1] as string;
      const decoded = decodeAs(enc, text);
      if (decoded === undefined) continue;
      tally(t, enc, text, decoded);
      if (off.has(c)) continue;
      const row = out[k];
      (row.raw ??= [])[c] = text;
      row.cells[c] = cleanCellText(decoded);
    }
  }

  const headerSource = rowAt(headerIdx)?.texts ?? [];
  // Header cells that read as Vietnamese both as they are and through the column's legacy font ("Ghi chó" is
  // "Ghi chú" in TCVN3, and a word of its own) follow the rest of the header row: converted when other headers are
  // plainly legacy text ("Hä vµ tªn"), kept when none is (headers retyped in Unicode over old data).
  const strong = headerSource.slice(0, width).map((raw) => (raw && mayBeLegacy(raw) ? decodeLegacyCell(raw)?.text : undefined));
  const legacyHeaders = strong.filter((x) => x !== undefined).length;
  const unicodeHeaders = headerSource.slice(0, width).filter((raw) => raw && !fitsLegacy(raw) && readsAsVietnameseAlready(raw)).length;
  const headerRowIsLegacy = legacyHeaders > 0 && legacyHeaders >= unicodeHeaders;
  const originals: string[] = [];
  const cleaned: string[] = [];
  for (let c = 0; c < width; c++) {
    const raw = headerSource[c] ?? '';
    originals.push(raw);
    let text = raw;
    if (mayBeLegacy(raw)) {
      const t = conv[c];
      const byColumn = t && t.cells > 0 && t.unicode === 0 && fitsLegacy(raw) && (headerRowIsLegacy || !readsAsVietnameseAlready(raw));
      const legacy = strong[c] ?? (byColumn ? decodeAs(dominant(t), raw) : undefined);
      if (legacy !== undefined) text = legacy;
    }
    cleaned.push(cleanHeaderText(text));
  }
  const names = uniqueHeaders(cleaned);
  const columns: Column[] = names.map((header, index) => {
    const col: Column = { index, header, originalHeader: originals[index], letter: columnLetter(index) };
    const t = conv[index];
    if (t && t.cells > 0) col.conversion = toConversion(t, !off.has(index));
    return col;
  });
  for (const col of columns) {
    if (!col.conversion) continue;
    const what = encodingsOf(col.conversion);
    const s = col.conversion.samples[0];
    notes.push(col.conversion.enabled
      ? {
          vi: `Cột "${col.header}": đã chuyển ${col.conversion.cells} ô từ ${what.vi} sang Unicode (ví dụ "${s.before}" → "${s.after}"). Có thể tắt chuyển đổi cho cột này.`,
          en: `Column "${col.header}": converted ${counted(col.conversion.cells, 'cell')} from ${what.en} to Unicode (e.g. "${s.before}" → "${s.after}"). The conversion can be turned off for this column.`,
        }
      : {
          vi: `Cột "${col.header}": có ${col.conversion.cells} ô giống ${what.vi} nhưng chuyển đổi đang tắt, giữ nguyên như trong tệp.`,
          en: `Column "${col.header}": ${counted(col.conversion.cells, 'cell')} ${col.conversion.cells === 1 ? 'looks' : 'look'} like ${what.en}, but the conversion is off, so they are kept as in the file.`,
        });
  }
  return { fileName, sheet: src.name, headerRow: headerIdx + 1, columns, rows: out, notes };
}

const ENCODING_NAMES: Record<LegacyEncoding, Bilingual> = {
  tcvn3: { vi: 'mã TCVN3 (phông .VnTime)', en: 'TCVN3 (.VnTime fonts)' },
  vni: { vi: 'mã VNI (phông VNI-Times)', en: 'VNI (VNI-Times fonts)' },
  'mojibake-1252': { vi: 'chữ UTF-8 bị đọc sai mã (Windows-1252)', en: 'UTF-8 text mis-read as Windows-1252' },
};

/**
 * The legacy encodings a column's conversion covers, named for a person: one name, or each with its count when
 * the column mixes them (old lists often were typed in both TCVN3 and VNI fonts).
 */
function encodingsOf(c: ColumnConversion): Bilingual {
  const parts = Object.entries(c.byEncoding ?? {}) as [LegacyEncoding, number][];
  if (parts.length < 2) return ENCODING_NAMES[c.encoding];
  parts.sort((a, b) => b[1] - a[1]);
  return {
    vi: parts.map(([enc, n]) => `${ENCODING_NAMES[enc].vi} (${n} ô)`).join(', '),
    en: parts.map(([enc, n]) => `${ENCODING_NAMES[enc].en} (${n})`).join(', '),
  };
}

/** What one column holds in legacy text, gathered while its cells are cleaned. */
interface ConversionTally {
  by: Partial<Record<LegacyEncoding, number>>;
  cells: number;
  samples: { before: string; after: string }[];
  /** Cells with Vietnamese letters no legacy font produces (ă, đ, ơ, ư, ạ …): the column is (partly) real Unicode. */
  unicode: number;
  /**
   * Legacy-looking cells the table builder looked at that also read as Vietnamese as they are (pairs: table row
   * index, original text); settled once the whole column is seen. (Such cells the text reader settled are in
   * SettledCells.masks.)
   */
  ambiguous: (number | string)[];
}

/** What buildTable keeps of the cells the text reader settled (see TextSourceRow). */
interface SettledCells {
  /**
   * Per table row, the columns (bits, as TextSourceRow.ambiguous) whose cell reads as Vietnamese both as it is and
   * through a legacy font: the cell is in the table as it was read, so only where it is needs keeping (one number a
   * row, made when first needed), for the rare column that turns out to be legacy text.
   */
  masks: Int32Array | undefined;
  /** Rows of the table. */
  rows: number;
  /** Columns (bits) in which the reader has settled a cell of real Unicode Vietnamese. */
  unicode: number;
}

/**
 * Column c's ambiguous cells in table row order (pairs: table row index, original text): those the builder kept
 * (`kept`) merged with those the reader settled (bit c of `masks`, their text the table's cell).
 */
function ambiguousCells(kept: (number | string)[], masks: Int32Array | undefined, c: number, out: TableRow[]): (number | string)[] {
  if (!masks) return kept;
  const bit = 1 << c;
  const all: (number | string)[] = [];
  let i = 0;
  for (let k = 0; k < masks.length; k++) {
    while (i < kept.length && (kept[i] as number) < k) all.push(kept[i++], kept[i++]);
    if (masks[k] & bit) all.push(k, out[k].cells[c]);
  }
  while (i < kept.length) all.push(kept[i++], kept[i++]);
  return all;
}

function newTally(): ConversionTally {
  return { by: {}, cells: 0, samples: [], unicode: 0, ambiguous: [] };
}

function tally(t: ConversionTally, enc: LegacyEncoding, before: string, after: string): void {
  t.by[enc] = (t.by[enc] ?? 0) + 1;
  t.cells++;
  if (t.samples.length < SAMPLES) t.samples.push({ before, after: cleanCellText(after) });
}

function dominant(t: ConversionTally): LegacyEncoding {
  const entries = Object.entries(t.by) as [LegacyEncoding, number][];
  entries.sort((a, b) => b[1] - a[1]);
  return entries[0]?.[0] ?? 'tcvn3';
}

function toConversion(t: ConversionTally, enabled: boolean): ColumnConversion {
  const c: ColumnConversion = { encoding: dominant(t), cells: t.cells, samples: t.samples, enabled };
  if (Object.keys(t.by).length > 1) c.byEncoding = t.by;
  return c;
}


/** One data row: cells padded/cut to the table width, legacy text decoded (unless off), every cell cleaned. */
function cleanRow(
  row: SourceRow,
  r: number,
  k: number,
  width: number,
  conv: ConversionTally[],
  off: Set<number>,
  sheet: string,
  o: BuildOptions,
  nfcDone: boolean,
  pools: (Map<string, string> | null | undefined)[],
  settledCells: SettledCells,
): TableRow {
  const cells = row.texts;
  if (cells.length !== width) {
    const n = cells.length;
    cells.length = width;
    for (let c = n; c < width; c++) cells[c] = '';
  }
  let raw = row.raw;
  if (raw && raw.length > width) raw.length = width;
  const kinds = row.kinds;
  if (kinds) {
    const n = kinds.length;
    kinds.length = width;
    for (let c = n; c < width; c++) kinds[c] = 'empty';
  }
  const max = o.limits.maxCellChars;
  // Cells the text reader settled need nothing, unless some cell is over the length limit (found below).
  const text = row as TextSourceRow;
  const settled = text.unsettled !== undefined && (text.longest ?? Infinity) <= max ? ~text.unsettled : 0;
  // Settled cells of Unicode Vietnamese only count towards their column's verdict (real Unicode, not legacy); a
  // column that has one already needs no more (ConversionTally.unicode is only ever asked whether it is 0).
  let unicode = settled !== 0 ? (text.unicode ?? 0) & ~settledCells.unicode : 0;
  settledCells.unicode |= unicode;
  while (unicode !== 0) {
    const bit = unicode & -unicode;
    unicode ^= bit;
    const t = (conv[31 - Math.clz32(bit)] ??= newTally());
    if (t.unicode++ === 0 && t.ambiguous.length > 0) t.ambiguous = [];
  }
  // Settled cells that read as Vietnamese as they are and through a legacy font: their place is kept in case the
  // column turns out to be legacy text (as below for the cells looked at).
  const ambiguous = settled !== 0 ? (text.ambiguous ?? 0) : 0;
  if (ambiguous !== 0) (settledCells.masks ??= new Int32Array(settledCells.rows))[k] = ambiguous;
  for (let c = 0; c < width; c++) {
    if (c < MASKED_COLUMNS && settled & (1 << c)) continue;
    let s = cells[c];
    if (s === undefined || s === null) {
      cells[c] = '';
      continue;
    }
    if (s.length > max) throw ingestErrors.cellTooLong(o.fileName, sheet, r + 1, columnLetter(c), s.length, max);
    const flags = classifyCell(s, nfcDone);
    let clean = s;
    if (flags !== 0) {
      if (flags & UNICODE_VIETNAMESE) {
        // Real Unicode Vietnamese: no legacy font produces these letters, so no decoding to try.
        const t = (conv[c] ??= newTally());
        if (t.unicode++ === 0 && t.ambiguous.length > 0) t.ambiguous = [];
      } else if (flags & LEGACY_SIGNS && (!kinds || kinds[c] === 'text')) {
        const legacy = decodeLegacyCell(s);
        if (legacy) {
          tally((conv[c] ??= newTally()), legacy.encoding, s, legacy.text);
          if (!off.has(c)) {
            (raw ??= [])[c] = s;
            s = legacy.text;
          }
        } else {
          const t = (conv[c] ??= newTally());
          // Only worth keeping while the column may still turn out to be legacy text (no real Unicode seen yet).
          if (t.unicode === 0 && fitsLegacy(s)) t.ambiguous.push(k, s);
        }
      }
      clean = s !== cells[c] || flags & (EDGE_BLANK | NEEDS_NFC) ? cleanCellText(s) : s;
      if (kinds && clean === '' && kinds[c] === 'text') kinds[c] = 'empty';
    }
    // Columns with few distinct values (gender, city, source …) share one string per value: a million-row file
    // then holds a handful of strings for them instead of a million copies.
    const pool = pools[c];
    if (pool !== null && clean.length > 0 && clean.length <= POOL_CELL_CHARS && clean === cells[c]) {
      const p = pool ?? (pools[c] = new Map());
      const same = p.get(clean);
      if (same !== undefined) clean = same;
      else if (p.size < POOL_MAX) p.set(clean, clean);
      else pools[c] = null;
    }
    cells[c] = clean;
  }
  const out: TableRow = { rowNumber: r + 1, cells };
  if (raw) out.raw = raw;
  if (kinds) out.kinds = kinds;
  return out;
}

function countFilled(rowAt: (r: number) => SourceRow | undefined, from: number, to: number): number {
  let n = 0;
  for (let r = from; r < to; r++) if (rowAt(r)?.texts.some((t) => !isBlank(t))) n++;
  return n;
}

/** Unicode Vietnamese already: every word a Vietnamese syllable (or ASCII), at least one with a mark. */
function readsAsVietnameseAlready(text: string): boolean {
  const r = vietnameseReading(text.normalize('NFC'));
  return r.valid && r.nonAsciiWords > 0;
}

/** "1 row" / "3 rows": the English notes count in words (Vietnamese nouns do not change with the number). */
function counted(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
