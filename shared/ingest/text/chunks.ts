import Papa from 'papaparse';
import { GUESS_CHARS, guessDelimiter } from './delimiter';
import { ROW_SLACK } from '../sheet/read';
import { EDGE_BLANK, LEGACY_SIGNS, NEEDS_NFC, UNICODE_VIETNAMESE, classifyCell } from '../classify';
import { decodeLegacyCell, fitsLegacy } from '../legacy/detect';
import { isBlank, type SourceSheet } from '../source';
import type { Workbook } from '../types';
import { byteText } from './byte-cells';
import { MASKED_COLUMNS, NFC_SENSITIVE, POOL_CELL_CHARS, POOL_MAX, delimitedSheet, type RowFacts } from './read';

/**
 * Turns the next bytes of a file into text. `last` is true for the final call, when a decoder must flush the
 * bytes it held back (a multi-byte letter, or half a UTF-16 surrogate pair, cut by the chunk boundary).
 */
export type ChunkDecoder = (bytes: Uint8Array, last: boolean) => string;

/**
 * How a file's bytes become cell texts. `text`: each chunk is decoded (UTF-16). `bytes`: the file is parsed as byte
 * text (see byte-cells.ts) and each cell with bytes beyond ASCII is decoded by `cell`, which may throw (a strict
 * UTF-8 decoder on bytes UTF-8 forbids: the read is then abandoned); `bom` is the byte text of a byte order mark
 * left at the start of the text (papaparse drops one there).
 */
export type TextCodec = { kind: 'text'; decode: ChunkDecoder } | { kind: 'bytes'; cell: (bytes: string) => string; bom: string; multiByte: boolean };

/**
 * Thrown when byte text would not parse as the decoded text does: papaparse accepts Unicode spaces between a
 * closing quote and the delimiter (it uses String.prototype.trim), and in UTF-8 byte text a no-break space is two
 * characters that are not spaces. Rare; the caller then reads the file as decoded text.
 */
export class NeedsDecodedText extends Error {}

/**
 * A quote followed (after ASCII spaces) by the UTF-8 bytes of a space String.prototype.trim removes: no-break,
 * ogham, en/em/thin … spaces, line/paragraph separators, narrow no-break, medium mathematical, ideographic, BOM.
 * Only there does byte text parse differently (a quote followed by a Vietnamese letter is fine).
 */
const QUOTE_THEN_HIGH = /"[\t\v\f ]*(?:\u00c2\u00a0|\u00e1\u009a\u0080|\u00e2\u0080[\u0080-\u008a\u00a8\u00a9\u00af]|\u00e2\u0081\u009f|\u00e3\u0080\u0080|\u00ef\u00bb\u00bf)/;

/** Bytes decoded and handed to the parser at a time: the whole decoded file never exists as one string. */
export const CHUNK_BYTES = 1 << 19;

/** papaparse's chunk-level parser (exported as Papa.ParserHandle, not in its type declarations). */
interface ChunkParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}

/** One character beyond ASCII anywhere. */
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Reads a csv/tsv/txt file chunk by chunk (bytes from `start`, decoded by `decode`), so memory stays near the size
 * of the table rather than file + decoded text + table. Each chunk is decoded, joined to the row the previous chunk
 * cut in two (as papaparse's own streamers do) and parsed; a row is never split between chunks, so a cell is
 * whole when it is NFC-normalised (a combining tone mark never meets its letter across a cell boundary: delimiters,
 * quotes and line breaks compose with nothing). Meanwhile each row is measured for the table builder
 * (TextSourceRow): which cells are plain ASCII with no blank edge (nothing to clean), the longest cell, and short
 * cells of category columns share one string per value. Parsing stops after the row limit + slack.
 * `chunkBytes` is for tests (small chunks put boundaries everywhere).
 */
export function readDelimitedChunks(
  bytes: Uint8Array,
  start: number,
  codec: TextCodec,
  sheetName: string,
  format: Workbook['format'],
  maxRows: number,
  chunkBytes = CHUNK_BYTES,
): SourceSheet {
  const preview = maxRows + ROW_SLACK + 1;
  let pos = start;
  let decoded = false;
  const next = (): string => {
    const end = Math.min(pos + chunkBytes, bytes.length);
    const text = codec.kind === 'text' ? codec.decode(bytes.subarray(pos, end), end >= bytes.length) : byteText(bytes.subarray(pos, end));
    pos = end;
    decoded = end >= bytes.length;
    return text;
  };
  // The line break and the delimiter are guessed once, on the first megabyte of text as papaparse would on the
  // whole text (it looks at the first 1 MB and 10 rows), never on a chunk that may hold half a row.
  const head: string[] = [];
  let headChars = 0;
  do {
    const text = next();
    head.push(text);
    headChars += text.length;
  } while (!decoded && headChars < GUESS_CHARS);
  // Papa.parse drops a byte order mark left at the start of the text (a file saved twice with one): so here.
  const bom = codec.kind === 'text' ? '\ufeff' : codec.bom;
  let lead = '';
  for (let i = 0; i < head.length && lead.length < bom.length; i++) lead += head[i].slice(0, bom.length - lead.length);
  if (bom !== '' && lead === bom) {
    // (It may be cut between the first chunks: tests read in chunks of a few bytes.)
    let drop = bom.length;
    for (let i = 0; drop > 0; i++) {
      const cut = Math.min(drop, head[i].length);
      head[i] = head[i].slice(cut);
      drop -= cut;
    }
  }
  const headText = head.join('');
  const guess = Papa.parse<string[]>(headText, { delimiter: format === 'tsv' ? '\t' : ',', preview: 11 }).meta;
  const handle = new (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ChunkParser }).ParserHandle({
    delimiter: format === 'tsv' ? '\t' : guessDelimiter(headText, guess.linebreak),
    newline: guess.linebreak as Papa.ParseConfig['newline'],
    skipEmptyLines: false,
  });
  const data: string[][] = [];
  const facts = new Facts();
  const memo = new Map<string, CellText>();
  // Short cells of category columns (gender, group, source, city …) share one string per value, as in buildTable.
  const pools: (Map<string, string> | null | undefined)[] = [];
  let quoteRow = -1;
  let truncated = false;
  let partial = '';
  let base = 0;
  for (let h = 0; ; h++) {
    let text: string;
    if (h < head.length) {
      text = head[h];
      head[h] = '';
    } else text = next();
    // Joins the row the previous chunk cut in two, as papaparse's own streamers do.
    const input = partial + text;
    const last = decoded && h >= head.length - 1;
    const res = handle.parse(input, base, !last);
    if (!last) {
      partial = input.substring(res.meta.cursor - base);
      base = res.meta.cursor;
    } else partial = '';
    if (quoteRow < 0) {
      // A quote error in the row carried over to the next chunk is not one yet: that row is parsed again whole.
      const q = res.errors.find((e) => e.type === 'Quotes' && (last || (e.row ?? 0) < res.data.length));
      if (q) quoteRow = data.length + (q.row ?? 0);
    }
    // A chunk of plain ASCII (many files are) needs no look at its cells' characters.
    const ascii = !NON_ASCII.test(input);
    if (!ascii && codec.kind === 'bytes' && codec.multiByte && input.includes('"') && QUOTE_THEN_HIGH.test(input)) throw new NeedsDecodedText();
    const rows = res.data;
    for (let r = 0; r < rows.length; r++) {
      if (data.length >= preview) {
        truncated = true;
        break;
      }
      const row = rows[r];
      let unsettled = 0;
      let unicode = 0;
      let ambiguous = 0;
      let longest = 0;
      let width = 0;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        const n = cell.length;
        if (n === 0) continue;
        if (ascii || isAscii(cell)) {
          if (n > longest) longest = n;
          if (cell.charCodeAt(0) <= 0x20 || cell.charCodeAt(n - 1) <= 0x20) {
            // Blank at an edge: buildTable trims it.
            if (!isBlank(cell)) width = c + 1;
            if (c < MASKED_COLUMNS) unsettled |= 1 << c;
            continue;
          }
          // Plain ASCII with printable edges: final as it is, and not blank.
          width = c + 1;
          if (c < MASKED_COLUMNS && n <= POOL_CELL_CHARS) {
            const pool = pools[c];
            if (pool === null) continue;
            const p = pool ?? (pools[c] = new Map());
            const same = p.get(cell);
            if (same !== undefined) row[c] = same;
            else if (p.size < POOL_MAX) p.set(cell, cell);
            else pools[c] = null;
          }
          continue;
        }
        // Beyond ASCII: decoded, normalised and classified once per distinct text (names, cities, titles repeat),
        // and every repeat shares that one string.
        let e = memo.get(cell);
        if (e === undefined) {
          e = cellOf(codec.kind === 'bytes' ? codec.cell(cell) : cell);
          if (memo.size >= MEMO_MAX) memo.clear();
          memo.set(cell, e);
        }
        row[c] = e.text;
        if (e.text.length > longest) longest = e.text.length;
        if (!e.blank) width = c + 1;
        if (c >= MASKED_COLUMNS) continue;
        // What buildTable would still do: trim edges, or weigh legacy-font text against the rest of its column.
        if (e.settle === UNSETTLED) unsettled |= 1 << c;
        else if (e.settle === UNICODE) unicode |= 1 << c;
        else if (e.settle === AMBIGUOUS) ambiguous |= 1 << c;
      }
      facts.push(unsettled, unicode, ambiguous, longest, width);
      data.push(row);
    }
    if (truncated || last) break;
  }
  return delimitedSheet(data, sheetName, quoteRow, truncated, facts.done());
}

/** Distinct non-ASCII cell texts remembered; cleared when full. */
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

/** Every character below 0x80 (a loop: cheaper than a regular expression on short cells). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** RowFacts being gathered, one entry a row, in typed arrays that grow by doubling. */
class Facts {
  private n = 0;
  private unsettled: Int32Array = new Int32Array(1 << 12);
  private unicode: Int32Array = new Int32Array(1 << 12);
  private ambiguous: Int32Array = new Int32Array(1 << 12);
  private longest: Int32Array = new Int32Array(1 << 12);
  private widths: Int32Array = new Int32Array(1 << 12);

  push(unsettled: number, unicode: number, ambiguous: number, longest: number, width: number): void {
    if (this.n === this.widths.length) {
      this.unsettled = grow(this.unsettled);
      this.unicode = grow(this.unicode);
      this.ambiguous = grow(this.ambiguous);
      this.longest = grow(this.longest);
      this.widths = grow(this.widths);
    }
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

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
