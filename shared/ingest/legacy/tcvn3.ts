import { cp1252Char } from './cp1252';
import { TCVN3_BYTES } from './tcvn3-table';

const MAP = new Map<string, string>();
for (const [b, u] of TCVN3_BYTES) {
  MAP.set(cp1252Char(b), u);
  // Some readers (SheetJS for old .xls) turn bytes 0x80–0x9F into the C1 controls of the same number.
  if (b < 0xa0) MAP.set(String.fromCharCode(b), u);
}

/** Converts TCVN3 (ABC) text, as read through Windows-1252, to Unicode (not yet NFC: tone bytes may be combining marks). */
export function decodeTcvn3(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += MAP.get(s[i]) ?? s[i];
  return out;
}
