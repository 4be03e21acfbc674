import type { SourceSheet } from '../source';
import { utf16WithoutBom } from '../sniff';
import type { Workbook } from '../types';
import { readDelimitedChunks, type ChunkDecoder } from './chunks';

/**
 * Reads a UTF-8 csv/tsv/txt file chunk by chunk (see readDelimitedChunks), decoding strictly unless the file has a
 * UTF-8 BOM. Returns undefined when the file is not UTF-8 (UTF-16, or a byte sequence UTF-8 forbids): the caller
 * then reads it with its code page (readDelimitedBytes does both).
 */
export function readUtf8Delimited(bytes: Uint8Array, sheetName: string, format: Workbook['format'], maxRows: number): SourceSheet | undefined {
  const read = (start: number, decode: ChunkDecoder) => readDelimitedChunks(bytes, start, decode, sheetName, format, maxRows);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return read(3, streamingUtf8(false));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutBom(bytes)) return undefined;
  return readIfUtf8(read);
}

/** Thrown by a strict decoder on bytes UTF-8 forbids; nothing else may be taken for it. */
class NotUtf8 extends Error {}

/** A streaming UTF-8 decoder for readDelimitedChunks; `fatal` throws NotUtf8 on bytes UTF-8 forbids. */
export function streamingUtf8(fatal: boolean): ChunkDecoder {
  const utf8 = new TextDecoder('utf-8', { fatal, ignoreBOM: true });
  if (!fatal) return (chunk, last) => utf8.decode(chunk, { stream: !last });
  return (chunk, last) => {
    try {
      return utf8.decode(chunk, { stream: !last });
    } catch {
      throw new NotUtf8();
    }
  };
}

/** `read` with a strict UTF-8 decoder from byte 0, or undefined when the bytes are not UTF-8 (read abandoned). */
export function readIfUtf8(read: (start: number, decode: ChunkDecoder) => SourceSheet): SourceSheet | undefined {
  try {
    return read(0, streamingUtf8(true));
  } catch (e) {
    if (e instanceof NotUtf8) return undefined;
    throw e;
  }
}

