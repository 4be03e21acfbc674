import { EDGE_BLANK, LEGACY_SIGNS, NEEDS_NFC, UNICODE_VIETNAMESE, classifyCell } from '../classify';
import { decodeLegacyCell, fitsLegacy } from '../legacy/detect';
import { isBlank } from '../source';
import { ByteMemo, CellMemo, HIGH_BITS, byteHash, cellHash, mix, orBytes, wordView } from './memo';
import { MASKED_COLUMNS, NFC_SENSITIVE, POOL_CELL_CHARS, POOL_MAX, type RowFacts } from './read';

/** Distinct non-ASCII cell texts remembered; forgotten when full. */
const MEMO_MAX = 50_000;

/** What buildTable still has to do with a cell beyond ASCII (see TextSourceRow). */
const SETTLED = 0;
const UNSETTLED = 1;
const UNICODE = 2;
const AMBIGUOUS = 3;

/** A cell beyond ASCII: its text (NFC), whether it is blank, and what buildTable still has to do with it. */
interface CellText {
  text: string;
  blank: boolean;
  settle: number;
}

/**
 * Settles the cells of parsed rows as the table builder would (see TextSourceRow): cells beyond ASCII are decoded
 * (`decodeCell`, for byte text), NFC-normalised and classified once per distinct text, every repeat sharing that
 * one string; short plain ASCII cells of category columns share one string per value; and each row's facts are
 * recorded. Rows come one at a time, in file order, as `measureBytes` (a row parsed from quote-free byte text,
 * whose cells are read straight from the file's bytes: a typed array walks several times faster than the
 * characters of papaparse's cell strings) or `measureText` (any other row).
 */
export class CellSettler {
  private readonly facts = new Facts();
  // Keyed by bytes for measureBytes, by string for measureText (each path finds its own repeats).
  private readonly byteMemo = new ByteMemo<CellText>(MEMO_MAX);
  private readonly textMemo = new CellMemo<CellText>(MEMO_MAX);
  private readonly bytePools: (ByteMemo<string> | null | undefined)[] = [];
  private readonly textPools: (CellMemo<string> | null | undefined)[] = [];
  /** The file's bytes read four at a time (wordView). */
  private readonly words: DataView;
  private unsettled = 0;
  private unicode = 0;
  private ambiguous = 0;
  private longest = 0;
  private width = 0;

  /** `bytes`: the file the rows are parsed from (measureBytes reads their cells there). */
  constructor(
    private readonly decodeCell: ((bytes: string) => string) | undefined,
    private readonly bytes: Uint8Array,
  ) {
    this.words = wordView(bytes);
  }

  /**
   * A row papaparse split from quote-free byte text, whose first cell starts at `bytes[at]`: cells are separated by
   * one delimiter byte and the row ends with a line break of `newline` bytes. `ascii`: the text holds no byte
   * beyond ASCII. Returns where the next row starts.
   */
  measureBytes(row: string[], at: number, newline: number, ascii: boolean): number {
    this.unsettled = this.unicode = this.ambiguous = this.longest = this.width = 0;
    const { bytes, words } = this;
    let p = at;
    for (let c = 0; c < row.length; c++) {
      const n = row[c].length;
      const s = p;
      p += n + 1;
      if (n === 0) continue;
      // Beyond ASCII or not: a plain OR over the bytes (the hash, whose multiplications wait on each other, is
      // computed only for the cells that are looked up).
      if (ascii || (orBytes(words, bytes, s, n) & HIGH_BITS) === 0) {
        if (!this.plain(row, c, n, bytes[s] <= 0x20 || bytes[p - 2] <= 0x20)) continue;
        const pool = this.bytePools[c];
        if (pool === null) continue;
        const pooled = pool ?? (this.bytePools[c] = new ByteMemo<string>(POOL_MAX));
        const k = byteHash(words, bytes, s, n);
        const same = pooled.get(words, bytes, s, n, k);
        if (same !== undefined) row[c] = same;
        else if (pooled.count < POOL_MAX) pooled.set(bytes, s, n, k, row[c]);
        else this.bytePools[c] = null;
        continue;
      }
      const k = byteHash(words, bytes, s, n);
      let e = this.byteMemo.get(words, bytes, s, n, k);
      if (e === undefined) {
        e = cellOf(this.decodeCell ? this.decodeCell(row[c]) : row[c]);
        this.byteMemo.set(bytes, s, n, k, e);
      }
      this.beyondAscii(row, c, e);
    }
    this.facts.push(this.unsettled, this.unicode, this.ambiguous, this.longest, this.width);
    return p - 1 + newline;
  }

  /** Any parsed row (quoted cells, or decoded text); `ascii`: its text holds nothing beyond ASCII. */
  measureText(row: string[], ascii: boolean): void {
    this.unsettled = this.unicode = this.ambiguous = this.longest = this.width = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const n = cell.length;
      if (n === 0) continue;
      let high = 0;
      let hash = 0;
      if (!ascii) {
        for (let i = 0; i < n; i++) {
          const ch = cell.charCodeAt(i);
          high |= ch;
          hash = (Math.imul(hash, 31) + ch) | 0;
        }
      }
      if (high < 0x80) {
        if (!this.plain(row, c, n, cell.charCodeAt(0) <= 0x20 || cell.charCodeAt(n - 1) <= 0x20)) continue;
        const pool = this.textPools[c];
        if (pool === null) continue;
        const pooled = pool ?? (this.textPools[c] = new CellMemo<string>(POOL_MAX));
        const k = ascii ? cellHash(cell) : mix(hash);
        const same = pooled.get(cell, k);
        if (same !== undefined) row[c] = same;
        else if (pooled.count < POOL_MAX) pooled.set(cell, k, cell);
        else this.textPools[c] = null;
        continue;
      }
      const k = mix(hash);
      let e = this.textMemo.get(cell, k);
      if (e === undefined) {
        e = cellOf(this.decodeCell ? this.decodeCell(cell) : cell);
        this.textMemo.set(cell, k, e);
      }
      this.beyondAscii(row, c, e);
    }
    this.facts.push(this.unsettled, this.unicode, this.ambiguous, this.longest, this.width);
  }

  /** Room for the next `rows` rows (a chunk's), reserved before they are measured one by one. */
  reserve(rows: number): void {
    this.facts.reserve(rows);
  }

  /** What was measured, one entry a row. */
  done(): RowFacts {
    return this.facts.done();
  }

  /**
   * Plain ASCII cell `c` of `n` characters (`edge`: an end is a space or a control character). True when it is
   * final as it is and short enough to share with equal cells of its column (if that column is a category column).
   */
  private plain(row: string[], c: number, n: number, edge: boolean): boolean {
    if (n > this.longest) this.longest = n;
    if (edge) {
      // Blank at an edge: buildTable trims it.
      if (!isBlank(row[c])) this.width = c + 1;
      if (c < MASKED_COLUMNS) this.unsettled |= 1 << c;
      return false;
    }
    // Printable edges: final as it is, and not blank.
    this.width = c + 1;
    return c < MASKED_COLUMNS && n <= POOL_CELL_CHARS;
  }

  /** Cell `c` beyond ASCII, as decoded, normalised and classified (every repeat shares the one string). */
  private beyondAscii(row: string[], c: number, e: CellText): void {
    row[c] = e.text;
    if (e.text.length > this.longest) this.longest = e.text.length;
    if (!e.blank) this.width = c + 1;
    if (c >= MASKED_COLUMNS) return;
    // What buildTable would still do: trim edges, or weigh legacy-font text against the rest of its column.
    if (e.settle === UNSETTLED) this.unsettled |= 1 << c;
    else if (e.settle === UNICODE) this.unicode |= 1 << c;
    else if (e.settle === AMBIGUOUS) this.ambiguous |= 1 << c;
  }
}

function cellOf(decoded: string): CellText {
  let text = decoded;
  let flags = classifyCell(text);
  if (flags & NEEDS_NFC) {
    // Windows-1258's separate tone marks, mostly. Whole cells only: a row is never cut between chunks.
    if (NFC_SENSITIVE.test(text)) text = text.normalize('NFC');
    flags = classifyCell(text, true);
  }
  // As buildTable's cleanRow would decide: trim the edges or decode legacy-font text (left to it), count towards
  // the column being real Unicode, or keep for the column's verdict (text that reads as Vietnamese both as it is and
  // through a legacy font); anything else is final.
  let settle = SETTLED;
  if (flags & EDGE_BLANK) settle = UNSETTLED;
  else if (flags & UNICODE_VIETNAMESE) settle = UNICODE;
  else if (flags & LEGACY_SIGNS) settle = decodeLegacyCell(text) ? UNSETTLED : fitsLegacy(text) ? AMBIGUOUS : SETTLED;
  return { text, blank: isBlank(text), settle };
}

/** RowFacts being gathered, one entry a row, in typed arrays that grow by doubling. */
class Facts {
  private n = 0;
  private unsettled: Int32Array = new Int32Array(1 << 12);
  private unicode: Int32Array = new Int32Array(1 << 12);
  private ambiguous: Int32Array = new Int32Array(1 << 12);
  private longest: Int32Array = new Int32Array(1 << 12);
  private widths: Int32Array = new Int32Array(1 << 12);

  /** Room for `rows` more rows. */
  reserve(rows: number): void {
    if (this.n + rows <= this.widths.length) return;
    const size = Math.max(this.widths.length * 2, this.n + rows);
    this.unsettled = grow(this.unsettled, size);
    this.unicode = grow(this.unicode, size);
    this.ambiguous = grow(this.ambiguous, size);
    this.longest = grow(this.longest, size);
    this.widths = grow(this.widths, size);
  }

  push(unsettled: number, unicode: number, ambiguous: number, longest: number, width: number): void {
    const i = this.n++;
    this.unsettled[i] = unsettled;
    this.unicode[i] = unicode;
    this.ambiguous[i] = ambiguous;
    this.longest[i] = longest;
    this.widths[i] = width;
  }

  done(): RowFacts {
    const n = this.n;
    return { unsettled: this.unsettled.subarray(0, n), unicode: this.unicode.subarray(0, n), ambiguous: this.ambiguous.subarray(0, n), longest: this.longest.subarray(0, n), widths: this.widths.subarray(0, n) };
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
