import type { TextCodec } from './chunks';

/**
 * How far (in characters of text; bytes, for byte text) a quoted cell may run on without its closing quote before
 * the text reader gives up. Far beyond any real cell: Excel keeps at most 32,767 characters in one, and a cell over
 * that is refused anyway. Past it, the quote is almost surely a typing slip (`5" screen`, a stray `"` at a cell's
 * start) that turned the rest of the file into one cell.
 */
export const OPEN_QUOTE_MAX_CHARS = 4 << 20;

/**
 * Thrown by the text reader when a quote opens a cell that then runs on for more than `limitChars` characters
 * without closing: `line` is the 1-based line of the file (as a text editor counts them) where the quote stands.
 * The caller, which knows the file's name, turns it into a UserError (ingestErrors.unclosedQuote).
 */
export class UnclosedQuote extends Error {
  constructor(
    readonly line: number,
    readonly limitChars: number,
  ) {
    super(`a quote opened on line ${line} is not closed within ${limitChars} characters`);
  }
}

/**
 * The 1-based line of the character `chars` characters into the text that starts at `bytes[start]` (read with
 * `codec`): one more than the line breaks before it (`newline`'s last character, so CRLF counts once). Only on the
 * way to an error, so it may decode the text again.
 */
export function lineAt(bytes: Uint8Array, start: number, codec: TextCodec, chars: number, newline: string): number {
  const mark = newline.charCodeAt(newline.length - 1);
  let line = 1;
  if (codec.kind === 'bytes') {
    // Byte text: one character a byte.
    const end = Math.min(bytes.length, start + chars);
    for (let i = start; i < end; i++) if (bytes[i] === mark) line++;
    return line;
  }
  const decoder = new TextDecoder(codec.encoding);
  let left = chars;
  for (let at = start; at < bytes.length && left > 0; at += 1 << 16) {
    const text = decoder.decode(bytes.subarray(at, Math.min(at + (1 << 16), bytes.length)), { stream: true });
    const n = Math.min(left, text.length);
    for (let i = 0; i < n; i++) if (text.charCodeAt(i) === mark) line++;
    left -= n;
  }
  return line;
}
