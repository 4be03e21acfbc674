import type { Workbook } from './types';

/** What the first bytes say the file is, before any parser sees it. */
export type Container = 'zip' | 'cfb' | 'pdf' | 'html' | 'xml' | 'text' | 'binary';

/** Looks at the magic bytes (and, for text, the first few KB) to decide what kind of file this really is. */
export function sniffContainer(bytes: Uint8Array): Container {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05 || b[2] === 0x07)) return 'zip';
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1) return 'cfb';
  if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d) return 'pdf';
  const head = asciiHead(b, 1024).toLowerCase();
  if (/^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html|<head|<body|<meta|<style|<table)/.test(head)) return 'html';
  if (/^\s*<\?xml/.test(head)) return /<html/.test(head) ? 'html' : 'xml';
  return looksBinary(b) ? 'binary' : 'text';
}

/** UTF-16 text is full of NUL bytes, so binary is judged only when there is no UTF-16 shape or BOM. */
function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  if (n >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return false;
  if (utf16WithoutBom(b) !== undefined) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1a && c !== 0x1b)) control++;
  }
  return control > n * 0.01;
}

/** Text with every other byte NUL is UTF-16 (LE when the NUL comes second) even without a BOM. */
export function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** The first `n` bytes as Latin-1, past a UTF-8 BOM; UTF-16 text (HTML exports from .NET often are) by its low bytes. */
function asciiHead(b: Uint8Array, n: number): string {
  let s = '';
  const bomLe = b[0] === 0xff && b[1] === 0xfe;
  const bomBe = b[0] === 0xfe && b[1] === 0xff;
  const u16 = bomLe ? 'utf-16le' : bomBe ? 'utf-16be' : utf16WithoutBom(b);
  if (u16) {
    for (let i = (bomLe || bomBe ? 2 : 0) + (u16 === 'utf-16be' ? 1 : 0); i < Math.min(b.length, n * 2); i += 2) s += String.fromCharCode(b[i]);
    return s;
  }
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  for (; i < Math.min(b.length, n); i++) s += String.fromCharCode(b[i]);
  return s;
}

/** The text format a file name asks for (csv when the extension says nothing). */
export function textFormatOf(fileName: string): Workbook['format'] {
  const ext = extensionOf(fileName);
  return ext === 'tsv' || ext === 'tab' ? 'tsv' : ext === 'txt' ? 'txt' : 'csv';
}

/** Lower-case extension without the dot. */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}
