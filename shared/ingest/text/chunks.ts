import Papa from 'papaparse';
import { ROW_SLACK } from '../sheet/read';
import { EDGE_BLANK, LEGACY_SIGNS, NEEDS_NFC, UNICODE_VIETNAMESE, classifyCell } from '../classify';
import { isBlank, type SourceSheet } from '../source';
import type { Workbook } from '../types';
import { MASKED_COLUMNS, NFC_SENSITIVE, POOL_CELL_CHARS, POOL_MAX, delimitedSheet, type RowFacts } from './read';

/**
 * Turns the next bytes of a file into text. `last` is true for the final call, when a decoder must flush the
 * bytes it held back (a multi-byte letter, or half a UTF-16 surrogate pair, cut by the chunk boundary). May throw
 * (a strict UTF-8 decoder on a byte UTF-8 forbids): the read is then abandoned.
 */
export type ChunkDecoder = (bytes: Uint8Array, last: boolean) => string;

/** Bytes decoded and handed to the parser at a time: the whole decoded file never exists as one string. */
export const CHUNK_BYTES = 1 << 20;
/** Text papaparse's line-break guess looks at (the delimiter guess needs 10 rows, found well within it). */
const GUESS_CHARS = 1 << 20;

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
  decode: ChunkDecoder,
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
    const text = decode(bytes.subarray(pos, end), end >= bytes.length);
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
  const first = head.findIndex((t) => t.length > 0);
  if (first >= 0 && head[first].charCodeAt(0) === 0xfeff) head[first] = head[first].slice(1);
  const guess = Papa.parse<string[]>(head.join(''), { delimiter: format === 'tsv' ? '\t' : '', delimitersToGuess: [',', ';', '\t', '|'], preview: 11 }).meta;
  const handle = new (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ChunkParser }).ParserHandle({
    delimiter: guess.delimiter,
    newline: guess.linebreak as Papa.ParseConfig['newline'],
    skipEmptyLines: false,
  });
  const data: string[][] = [];
  const facts = new Facts();
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
    const rows = res.data;
    for (let r = 0; r < rows.length; r++) {
      if (data.length >= preview) {
        truncated = true;
        break;
      }
      const row = rows[r];
      let unsettled = 0;
      let unicode = 0;
      let longest = 0;
      let width = 0;
      for (let c = 0; c < row.length; c++) {
        let cell = row[c];
        const n = cell.length;
        if (n === 0) continue;
        if (n > longest) longest = n;
        let flags = !ascii ? classifyCell(cell) : cell.charCodeAt(0) <= 0x20 || cell.charCodeAt(n - 1) <= 0x20 ? EDGE_BLANK : 0;
        if (flags === 0) {
          // Plain ASCII with printable edges: final as it is, and not blank.
          width = c + 1;
        } else {
          if (flags & NEEDS_NFC) {
            // Windows-1258's separate tone marks, mostly. Whole cells only: a row is never cut between chunks.
            if (NFC_SENSITIVE.test(cell)) row[c] = cell = cell.normalize('NFC');
            flags = classifyCell(cell, true);
          }
          if (!isBlank(cell)) width = c + 1;
          if (c >= MASKED_COLUMNS) continue;
          // What buildTable would still do: trim edges, or weigh legacy-font text against the rest of its column.
          if (flags & EDGE_BLANK || (flags & (LEGACY_SIGNS | UNICODE_VIETNAMESE)) === LEGACY_SIGNS) {
            unsettled |= 1 << c;
            continue;
          }
          if (flags & UNICODE_VIETNAMESE) unicode |= 1 << c;
        }
        if (c < MASKED_COLUMNS && n <= POOL_CELL_CHARS) {
          const pool = pools[c];
          if (pool === null) continue;
          const p = pool ?? (pools[c] = new Map());
          const same = p.get(cell);
          if (same !== undefined) row[c] = same;
          else if (p.size < POOL_MAX) p.set(cell, cell);
          else pools[c] = null;
        }
      }
      facts.push(unsettled, unicode, longest, width);
      data.push(row);
    }
    if (truncated || last) break;
  }
  return delimitedSheet(data, sheetName, quoteRow, truncated, facts.done());
}

/** RowFacts being gathered, one entry a row, in typed arrays that grow by doubling. */
class Facts {
  private n = 0;
  private unsettled: Int32Array = new Int32Array(1 << 12);
  private unicode: Int32Array = new Int32Array(1 << 12);
  private longest: Int32Array = new Int32Array(1 << 12);
  private widths: Int32Array = new Int32Array(1 << 12);

  push(unsettled: number, unicode: number, longest: number, width: number): void {
    if (this.n === this.widths.length) {
      this.unsettled = grow(this.unsettled);
      this.unicode = grow(this.unicode);
      this.longest = grow(this.longest);
      this.widths = grow(this.widths);
    }
    const i = this.n++;
    this.unsettled[i] = unsettled;
    this.unicode[i] = unicode;
    this.longest[i] = longest;
    this.widths[i] = width;
  }

  done(): RowFacts {
    const n = this.n;
    return { unsettled: this.unsettled.subarray(0, n), unicode: this.unicode.subarray(0, n), longest: this.longest.subarray(0, n), widths: this.widths.subarray(0, n) };
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
