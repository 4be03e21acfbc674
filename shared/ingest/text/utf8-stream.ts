import type { SourceSheet } from '../source';
import { utf16WithoutBom } from '../sniff';
import type { Workbook } from '../types';
import { NotUtf8, utf8Cell } from './byte-cells';
import { NeedsDecodedText, readDelimitedChunks, type TextCodec } from './chunks';

/**
 * Reads a UTF-8 csv/tsv/txt file chunk by chunk (see readDelimitedChunks), decoding strictly unless the file has a
 * UTF-8 BOM. Returns undefined when the file is not UTF-8 (UTF-16, or a byte sequence UTF-8 forbids): the caller
 * then reads it with its code page (readDelimitedBytes does both).
 */
export function readUtf8Delimited(bytes: Uint8Array, sheetName: string, format: Workbook['format'], maxRows: number): SourceSheet | undefined {
  const read = (start: number, codec: TextCodec) => readDelimitedChunks(bytes, start, codec, sheetName, format, maxRows);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return readUtf8(read, 3, false);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutBom(bytes)) return undefined;
  return readIfUtf8(read);
}

/**
 * `read` of UTF-8 from `start`: as byte text with cells decoded (see byte-cells.ts), or, in the rare file where byte
 * text would parse differently (NeedsDecodedText), as decoded text. `strict` throws NotUtf8 on bytes UTF-8 forbids.
 */
export function readUtf8(read: (start: number, codec: TextCodec) => SourceSheet, start: number, strict: boolean): SourceSheet {
  try {
    return read(start, { kind: 'bytes', cell: (s) => utf8Cell(s, strict), bom: '\u00ef\u00bb\u00bf', multiByte: true });
  } catch (e) {
    if (!(e instanceof NeedsDecodedText)) throw e;
  }
  const utf8 = new TextDecoder('utf-8', { fatal: strict, ignoreBOM: true });
  return read(start, {
    kind: 'text',
    encoding: 'utf-8',
    decode: (chunk, last) => {
      try {
        return utf8.decode(chunk, { stream: !last });
      } catch {
        throw new NotUtf8();
      }
    },
  });
}

/** `read` of strict UTF-8 from byte 0, or undefined when the bytes are not UTF-8 (read abandoned). */
export function readIfUtf8(read: (start: number, codec: TextCodec) => SourceSheet): SourceSheet | undefined {
  try {
    return readUtf8(read, 0, true);
  } catch (e) {
    if (e instanceof NotUtf8) return undefined;
    throw e;
  }
}
