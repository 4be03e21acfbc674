/**
 * Cutting an xlsx/xlsm's XML parts down to their first rows, so a preview of a 100,000-row sheet parses a few
 * kilobytes instead of tens of megabytes. SheetJS's `sheetRows` option alone still decodes and splits the whole
 * sheet XML (seconds on a big file); cutting the bytes before SheetJS sees them avoids that. Works on bytes, no DOM.
 */

const enc = new TextEncoder();
const ROW_OPEN = enc.encode('<row');
const SHEET_DATA_END = enc.encode('</sheetData>');
const SI_END = enc.encode('</si>');
const SST_END = enc.encode('</sst>');

/** First index of `needle` in `hay` at or after `from`, or -1. */
function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first, from); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/** Last index of `needle` in `hay`, or -1 (scans from the end: the searched tags sit near it). */
function lastIndexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  for (let i = hay.length - needle.length; i >= 0; i--) {
    let k = 0;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * A worksheet's XML with only its first `rows` `<row>` elements, and everything after `</sheetData>` kept (merged
 * ranges, the dimension before it is kept too, so the sheet still knows its full size). Since row numbers only
 * grow, the first `rows` elements hold every row numbered 1…`rows`. Returns null when there is nothing to cut
 * (the sheet has no more rows) or the XML is not in the plain, unprefixed shape this understands.
 */
export function cutWorksheetXml(xml: Uint8Array, rows: number): Uint8Array | null {
  let seen = 0;
  let at = 0;
  for (;;) {
    at = indexOfBytes(xml, ROW_OPEN, at);
    if (at === -1) return null;
    const next = xml[at + ROW_OPEN.length];
    // `<row ` or `<row>` (not `<rowBreaks`).
    if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) {
      if (seen === rows) break;
      seen++;
    }
    at += ROW_OPEN.length;
  }
  const dataEnd = lastIndexOfBytes(xml, SHEET_DATA_END);
  if (dataEnd === -1 || dataEnd < at) return null;
  return concat(xml.subarray(0, at), xml.subarray(dataEnd));
}

/** How many shared strings the cells of a (cut) worksheet refer to: the highest `t="s"` index + 1. */
export function sharedStringsUsed(xml: Uint8Array): number {
  const text = new TextDecoder().decode(xml);
  let used = 0;
  for (const m of text.matchAll(/<c\b([^>]*)>([\s\S]*?)<\/c>/g)) {
    if (!/\bt\s*=\s*["']s["']/.test(m[1])) continue;
    const v = /<v>\s*(\d+)\s*<\/v>/.exec(m[2]);
    if (v) used = Math.max(used, Number(v[1]) + 1);
  }
  return used;
}

/**
 * The shared-string table with only its first `count` strings (Excel writes them in order of first use, so a
 * preview's cells refer to the first ones). Returns null when there is nothing to cut or the XML is not plain.
 */
export function cutSharedStringsXml(xml: Uint8Array, count: number): Uint8Array | null {
  let at = 0;
  for (let i = 0; i < count; i++) {
    at = indexOfBytes(xml, SI_END, at);
    if (at === -1) return null;
    at += SI_END.length;
  }
  if (indexOfBytes(xml, SI_END, at) === -1) return null;
  if (lastIndexOfBytes(xml, SST_END) === -1) return null;
  return concat(xml.subarray(0, at), SST_END);
}
