import Papa from 'papaparse';
import { GUESS_CHARS, guessDelimiter } from './delimiter';
import { ROW_SLACK } from '../sheet/read';
import type { SourceSheet } from '../source';
import type { Workbook } from '../types';
import { byteText } from './byte-cells';
import { CellSettler } from './cells';
import { OPEN_QUOTE_MAX_CHARS, UnclosedQuote, lineAt } from './open-quote';
import { delimitedSheet } from './read';

/**
 * Turns the next bytes of a file into text. `last` is true for the final call, when a decoder must flush the
 * bytes it held back (a multi-byte letter, or half a UTF-16 surrogate pair, cut by the chunk boundary).
 */
export type ChunkDecoder = (bytes: Uint8Array, last: boolean) => string;

/**
 * How a file's bytes become cell texts. `text`: each chunk is decoded (UTF-16, or UTF-8 that byte text cannot
 * stand for), `encoding` naming the decoder's encoding. `bytes`: the file is parsed as byte
 * text (see byte-cells.ts) and each cell with bytes beyond ASCII is decoded by `cell`, which may throw (a strict
 * UTF-8 decoder on bytes UTF-8 forbids: the read is then abandoned); `bom` is the byte text of a byte order mark
 * left at the start of the text (papaparse drops one there).
 */
export type TextCodec = { kind: 'text'; decode: ChunkDecoder; encoding: string } | { kind: 'bytes'; cell: (bytes: string) => string; bom: string; multiByte: boolean };

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

/** Chunks of byte text at least this long end after a line break (tests read smaller ones to cut rows anywhere). */
const ROW_CUT_MIN = 4096;

/** papaparse's chunk-level parser (exported as Papa.ParserHandle, not in its type declarations). */
interface ChunkParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}

/** One character beyond ASCII anywhere. */
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;


/** The quote character (papaparse's default, the only one CSV files use). */
const QUOTE = '"';

/**
 * Reads a csv/tsv/txt file chunk by chunk (bytes from `start`, decoded by `decode`), so memory stays near the size
 * of the table rather than file + decoded text + table. Each chunk is decoded, joined to the row the previous chunk
 * cut in two (as papaparse's own streamers do) and parsed; a row is never split between chunks, so a cell is
 * whole when it is NFC-normalised (a combining tone mark never meets its letter across a cell boundary: delimiters,
 * quotes and line breaks compose with nothing). Meanwhile each row is measured for the table builder (CellSettler,
 * TextSourceRow). Parsing stops after the row limit + slack.
 *
 * A quote that opens a cell and is never closed would make each following chunk parse the growing row again (time
 * growing with the square of the file): while such a cell is open, chunks without a quote are only gathered, and
 * once it runs on for more than OPEN_QUOTE_MAX_CHARS the read stops with UnclosedQuote (the line it opened on).
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
    let end = Math.min(pos + chunkBytes, bytes.length);
    if (codec.kind === 'bytes' && end < bytes.length && chunkBytes >= ROW_CUT_MIN) {
      // Byte text ends after the chunk's last line break (when it has one in its second half): the next chunk then
      // starts a row, and is parsed as it is instead of joined to the row cut in two (a copy of the whole chunk).
      const from = pos + (chunkBytes >> 1);
      const half = bytes.subarray(from, end);
      const nl = half.lastIndexOf(0x0a);
      const cut = nl >= 0 ? nl : half.lastIndexOf(0x0d);
      if (cut >= 0) end = from + cut + 1;
    }
    const text = codec.kind === 'text' ? codec.decode(bytes.subarray(pos, end), end >= bytes.length) : byteText(bytes.subarray(pos, end));
    pos = end;
    decoded = end >= bytes.length;
    return text;
  };
  // The line break and the delimiter are guessed once, on the first megabyte of text as papaparse would on the
  // whole text (it looks at the first 1 MB and 10 rows), never on a chunk that may hold half a row.
  const head: string[] = [];
  // Where each of them ends in the file (byte text: character i of a chunk is byte end - length + i).
  const headEnds: number[] = [];
  let headChars = 0;
  do {
    const text = next();
    head.push(text);
    headEnds.push(pos);
    headChars += text.length;
  } while (!decoded && headChars < GUESS_CHARS);
  // Papa.parse drops a byte order mark left at the start of the text (a file saved twice with one): so here.
  const bom = codec.kind === 'text' ? '\ufeff' : codec.bom;
  let lead = '';
  for (let i = 0; i < head.length && lead.length < bom.length; i++) lead += head[i].slice(0, bom.length - lead.length);
  let dropped = 0;
  if (bom !== '' && lead === bom) {
    // (It may be cut between the first chunks: tests read in chunks of a few bytes.)
    dropped = bom.length;
    let drop = bom.length;
    for (let i = 0; drop > 0; i++) {
      const cut = Math.min(drop, head[i].length);
      head[i] = head[i].slice(cut);
      drop -= cut;
    }
  }
  const headText = head.join('');
  const guess = Papa.parse<string[]>(headText, { delimiter: format === 'tsv' ? '\t' : ',', preview: 11 }).meta;
  const delimiter = format === 'tsv' ? '\t' : guessDelimiter(headText, guess.linebreak);
  const newline = guess.linebreak;
  const handle = new (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ChunkParser }).ParserHandle({
    delimiter,
    newline: newline as Papa.ParseConfig['newline'],
    skipEmptyLines: false,
  });
  const data: string[][] = [];
  const cells = new CellSettler(codec.kind === 'bytes' ? codec.cell : undefined, bytes);
  let quoteRow = -1;
  let truncated = false;
  // The start of the row the last parse left unfinished, and the text from there on not parsed yet.
  let partial = '';
  let base = 0;
  // Where (in the text, from its start) the quote opening a cell still open at the end of `partial` stands: -1 when
  // none is known to be open. `pending`: chunks read since, not parsed yet (they hold no quote that could close it).
  let openAt = -1;
  let pending: string[] = [];
  let pendingChars = 0;
  for (let h = 0; ; h++) {
    let text: string;
    let end: number;
    if (h < head.length) {
      text = head[h];
      head[h] = '';
      end = headEnds[h];
    } else {
      text = next();
      end = pos;
    }
    const last = decoded && h >= head.length - 1;
    if (openAt >= 0 && !last && text.indexOf(QUOTE) < 0) {
      // The open cell cannot close in this chunk: parsing the row again now would find what the last parse found.
      pending.push(text);
      pendingChars += text.length;
      if (base + partial.length + pendingChars - openAt > OPEN_QUOTE_MAX_CHARS) throw unclosed(openAt);
      continue;
    }
    // Joins the row the previous chunk cut in two, as papaparse's own streamers do.
    const input = pending.length > 0 ? partial + pending.join('') + text : partial + text;
    pending = [];
    pendingChars = 0;
    const res = handle.parse(input, base, !last);
    if (!last) {
      partial = input.substring(res.meta.cursor - base);
      base = res.meta.cursor;
      openAt = -1;
      // A row longer than a chunk: is a quoted cell open at its end (papaparse reports it only on a last parse)?
      if (partial.length > text.length) {
        const open = handle.parse(partial, base, false).errors.find((e) => e.code === 'MissingQuotes');
        if (open) {
          openAt = base + (open.index ?? 1) - 1;
          if (base + partial.length - openAt > OPEN_QUOTE_MAX_CHARS) throw unclosed(openAt);
        }
      }
    } else partial = '';
    if (quoteRow < 0) {
      // A quote error in the row carried over to the next chunk is not one yet: that row is parsed again whole.
      const q = res.errors.find((e) => e.type === 'Quotes' && (last || (e.row ?? 0) < res.data.length));
      if (q) quoteRow = data.length + (q.row ?? 0);
    }
    // A chunk of plain ASCII (many files are) needs no look at its cells' characters.
    const ascii = !NON_ASCII.test(input);
    const quoted = input.indexOf(QUOTE) >= 0;
    if (!ascii && quoted && codec.kind === 'bytes' && codec.multiByte && QUOTE_THEN_HIGH.test(input)) throw new NeedsDecodedText();
    const rows = res.data;
    // Quote-free byte text is split by papaparse exactly at each delimiter and line break (its fast mode), so the
    // cells lie one after another in the file's bytes, where they are measured.
    const fromBytes = codec.kind === 'bytes' && !quoted && delimiter.length === 1;
    let at = end - input.length;
    cells.reserve(rows.length);
    for (let r = 0; r < rows.length; r++) {
      if (data.length >= preview) {
        truncated = true;
        break;
      }
      const row = rows[r];
      if (fromBytes) at = cells.measureBytes(row, at, newline.length, ascii);
      else cells.measureText(row, ascii);
      data.push(row);
    }
    if (truncated || last) break;
  }
  return delimitedSheet(data, sheetName, quoteRow, truncated, cells.done());

  function unclosed(at: number): UnclosedQuote {
    return new UnclosedQuote(lineAt(bytes, start, codec, dropped + at, newline), OPEN_QUOTE_MAX_CHARS);
  }
}
