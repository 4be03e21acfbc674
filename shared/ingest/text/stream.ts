import { decodeCp1252 } from '../legacy/cp1252';
import type { SourceSheet } from '../source';
import { utf16WithoutBom } from '../sniff';
import type { Workbook } from '../types';
import { CHUNK_BYTES, readDelimitedChunks, type ChunkDecoder } from './chunks';
import { codePageOf } from './decode';
import { readIfUtf8, streamingUtf8 } from './utf8-stream';

/** A text file read as one sheet, and the encoding it was read with (as shown to the user). */
export interface DelimitedRead {
  sheet: SourceSheet;
  encoding: string;
}

/**
 * Reads a csv/tsv/txt file of any encoding ingest accepts chunk by chunk (readDelimitedChunks), so that no
 * encoding needs the whole decoded text in memory. The encoding, as decodeText chooses it: a BOM decides (UTF-8,
 * UTF-16LE/BE); UTF-16 without BOM by its NUL pattern; then strict UTF-8; otherwise the Windows code page
 * (codePageOf). UTF-8 and UTF-16 are decoded with TextDecoder in streaming mode, which holds back a letter or a
 * surrogate pair cut by a chunk boundary until its last byte comes; the code pages have one byte a character, and
 * Windows-1258's separate tone marks meet their letters in the per-cell NFC (a row is never cut between chunks).
 * `chunkBytes` is for tests.
 */
export function readDelimitedBytes(bytes: Uint8Array, sheetName: string, format: Workbook['format'], maxRows: number, chunkBytes = CHUNK_BYTES): DelimitedRead {
  const read = (start: number, decode: ChunkDecoder) => readDelimitedChunks(bytes, start, decode, sheetName, format, maxRows, chunkBytes);
  const streaming = (decoder: { decode(b: Uint8Array, o: { stream: boolean }): string }): ChunkDecoder => (chunk, last) => decoder.decode(chunk, { stream: !last });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { sheet: read(3, streamingUtf8(false)), encoding: 'utf-8' };
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) return { sheet: read(2, streaming(new TextDecoder(utf16))), encoding: utf16 };
  const bare16 = utf16WithoutBom(bytes);
  if (bare16) return { sheet: read(0, streaming(new TextDecoder(bare16))), encoding: bare16 };
  const utf8 = readIfUtf8(read);
  if (utf8) return { sheet: utf8, encoding: 'utf-8' };
  // A byte sequence UTF-8 forbids: one of the Windows code pages.
  const page = codePageOf(bytes);
  if (page === 'windows-1252') return { sheet: read(0, (chunk) => decodeCp1252(chunk)), encoding: page };
  return { sheet: read(0, streaming(new TextDecoder('windows-1258'))), encoding: page };
}
