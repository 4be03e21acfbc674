import type { SourceSheet } from '../source';
import { utf16WithoutBom } from '../sniff';
import type { Workbook } from '../types';
import { codePageCell, codePageTable } from './byte-cells';
import { CHUNK_BYTES, readDelimitedChunks, type TextCodec } from './chunks';
import { codePageOf } from './decode';
import { readIfUtf8, readUtf8 } from './utf8-stream';

/** A text file read as one sheet, and the encoding it was read with (as shown to the user). */
export interface DelimitedRead {
  sheet: SourceSheet;
  encoding: string;
}

/**
 * Reads a csv/tsv/txt file of any encoding ingest accepts chunk by chunk (readDelimitedChunks), so that no
 * encoding needs the whole decoded text in memory. The encoding, as decodeText chooses it: a BOM decides (UTF-8,
 * UTF-16LE/BE); UTF-16 without BOM by its NUL pattern; then strict UTF-8; otherwise the Windows code page
 * (codePageOf). UTF-16 is decoded by TextDecoder in streaming mode, which holds back half a surrogate pair (or an
 * odd byte) cut by a chunk boundary until the rest comes; UTF-8 and the code pages are parsed as byte text and
 * decoded cell by cell (a row, so a letter, is never cut between chunks), Windows-1258's separate tone marks
 * meeting their letters in the per-cell NFC. `chunkBytes` is for tests.
 */
export function readDelimitedBytes(bytes: Uint8Array, sheetName: string, format: Workbook['format'], maxRows: number, chunkBytes = CHUNK_BYTES): DelimitedRead {
  const read = (start: number, codec: TextCodec) => readDelimitedChunks(bytes, start, codec, sheetName, format, maxRows, chunkBytes);
  const utf16Codec = (encoding: string): TextCodec => {
    const decoder = new TextDecoder(encoding);
    return { kind: 'text', encoding, decode: (chunk, last) => decoder.decode(chunk, { stream: !last }) };
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { sheet: readUtf8(read, 3, false), encoding: 'utf-8' };
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) return { sheet: read(2, utf16Codec(utf16)), encoding: utf16 };
  const bare16 = utf16WithoutBom(bytes);
  if (bare16) return { sheet: read(0, utf16Codec(bare16)), encoding: bare16 };
  const utf8 = readIfUtf8(read);
  if (utf8) return { sheet: utf8, encoding: 'utf-8' };
  // A byte sequence UTF-8 forbids: one of the Windows code pages.
  const page = codePageOf(bytes);
  const table = codePageTable(page);
  return { sheet: read(0, { kind: 'bytes', cell: (s) => codePageCell(s, table), bom: '', multiByte: false }), encoding: page };
}
