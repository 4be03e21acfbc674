import Papa from 'papaparse';
import { cp1252Byte } from '../legacy/cp1252';
import { utf16WithoutBom } from '../sniff';
import { ROW_SLACK } from '../sheet/read';
import type { SourceSheet } from '../source';
import type { Workbook } from '../types';
import { MASKED_COLUMNS, NFC_SENSITIVE, POOL_CELL_CHARS, POOL_MAX, delimitedSheet } from './read';

/** Bytes handed to the parser at a time: the whole decoded file never exists as one string. */
const CHUNK_BYTES = 1 << 20;
/** Distinct non-ASCII cell texts remembered (names, cities, titles repeat); cleared when full. */
const MEMO_MAX = 50_000;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** papaparse's chunk-level parser (exported as Papa.ParserHandle, not in its type declarations). */
interface ChunkParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
  abort(): void;
}

/**
 * Reads a UTF-8 csv/tsv/txt file chunk by chunk, so memory stays near the size of the table rather than file +
 * decoded text + table. Each 1 MB of bytes is read one byte per character (delimiters, quotes and line breaks are
 * ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte letter, so papaparse splits it exactly as it would the
 * decoded text); only the cells with non-ASCII bytes are then decoded as UTF-8 (strictly unless the file has a
 * UTF-8 BOM), remembered per distinct value and NFC-normalised when they need it. ASCII cells stay compact one-byte
 * strings. Returns undefined when the file is not UTF-8 (UTF-16, or a byte sequence UTF-8 forbids): the caller
 * then decodes it as a whole with its code page.
 */
export function readUtf8Delimited(bytes: Uint8Array, sheetName: string, format: Workbook['format'], maxRows: number): SourceSheet | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!bom && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutBom(bytes))) return undefined;
  const preview = maxRows + ROW_SLACK + 1;
  // Node reads windows-1252 as Latin-1 and browsers map 0x80–0x9f to € ‚ …: cellBytes undoes either.
  const bytewise = new TextDecoder('windows-1252');
  const utf8 = new TextDecoder('utf-8', { fatal: !bom, ignoreBOM: true });
  const memo = new Map<string, string>();
  let scratch = new Uint8Array(1024);

  const decodeCell = (cell: string): string => {
    const known = memo.get(cell);
    if (known !== undefined) return known;
    const n = cell.length;
    if (scratch.length < n) scratch = new Uint8Array(n * 2);
    for (let i = 0; i < n; i++) {
      const c = cell.charCodeAt(i);
      scratch[i] = c < 0x100 ? c : cp1252Byte(cell[i]);
    }
    let text = utf8.decode(scratch.subarray(0, n)); // throws on bytes that are not UTF-8 (no BOM)
    if (NFC_SENSITIVE.test(text)) text = text.normalize('NFC');
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(cell, text);
    return text;
  };

  const handle = new (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ChunkParser }).ParserHandle({
    delimiter: format === 'tsv' ? '\t' : '',
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: false,
  });
  const data: string[][] = [];
  let unsettled: Int32Array = new Int32Array(1 << 16);
  let longest: Int32Array = new Int32Array(1 << 16);
  // Short ASCII cells of category columns (gender, group, source …) share one string per value, as in buildTable.
  const pools: (Map<string, string> | null | undefined)[] = [];
  let quoteRow = -1;
  let truncated = false;
  let partial = '';
  let base = 0;
  let pos = bom ? 3 : 0;
  while (pos < bytes.length || partial.length > 0) {
    const end = Math.min(pos + CHUNK_BYTES, bytes.length);
    const last = end >= bytes.length;
    // Joins the row the previous chunk cut in two, as papaparse's own streamers do.
    const input = partial + bytewise.decode(bytes.subarray(pos, end));
    pos = end;
    const res = handle.parse(input, base, !last);
    if (!last) {
      partial = input.substring(res.meta.cursor - base);
      base = res.meta.cursor;
    } else partial = '';
    if (quoteRow < 0) {
      const q = res.errors.find((e) => e.type === 'Quotes');
      if (q) quoteRow = data.length + (q.row ?? 0);
    }
    const rows = res.data;
    for (let r = 0; r < rows.length; r++) {
      if (data.length >= preview) {
        truncated = true;
        break;
      }
      const row = rows[r];
      let mask = 0;
      let max = 0;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        const n = cell.length;
        if (n > max) max = n;
        if (NON_ASCII.test(cell)) {
          if (c < MASKED_COLUMNS) mask |= 1 << c;
          try {
            row[c] = decodeCell(cell);
          } catch {
            return undefined;
          }
        } else if (c < MASKED_COLUMNS && n > 0) {
          if (cell.charCodeAt(0) <= 0x20 || cell.charCodeAt(n - 1) <= 0x20) mask |= 1 << c;
          else if (n <= POOL_CELL_CHARS) {
            const pool = pools[c];
            if (pool === null) continue;
            const p = pool ?? (pools[c] = new Map());
            const same = p.get(cell);
            if (same !== undefined) row[c] = same;
            else if (p.size < POOL_MAX) p.set(cell, cell);
            else pools[c] = null;
          }
        }
      }
      if (data.length === unsettled.length) {
        unsettled = grow(unsettled);
        longest = grow(longest);
      }
      unsettled[data.length] = mask;
      longest[data.length] = max;
      data.push(row);
    }
    if (truncated || last) break;
  }
  return delimitedSheet(data, sheetName, quoteRow, truncated, { unsettled, longest });
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
