import * as XLSX from '@e965/xlsx';
import type { WorkBook } from '@e965/xlsx';
import { ingestErrors } from '../errors';
import { utf16WithoutBom } from '../sniff';
import { decodeText } from '../text/decode';
import { ROW_SLACK, sourceSheets, type SpreadsheetRead } from './read';

/** An HTML "Excel" export read as a workbook, with the encoding its text was decoded with. */
export interface HtmlRead extends SpreadsheetRead {
  encoding: string;
}

/**
 * Reads an HTML page holding tables — what many Vietnamese systems and old web apps export as ".xls" — through
 * SheetJS's HTML table reader, one sheet a table (colspan/rowspan become merges, `<br>` a line break).
 * Cells are kept as the text the page shows (`raw`): a phone "0912345678" keeps its zero and "05/03/1990" is not
 * read month-first. Returns undefined when the page has no table with a row of cells (an ordinary web page).
 */
export function readHtmlTables(bytes: Uint8Array, file: string, maxRows: number, previewRows?: number): HtmlRead | undefined {
  const { text, encoding } = decodeHtml(bytes);
  if (!/<table[\s>][\s\S]*?<t[dh][\s>]/i.test(text)) return undefined;
  const sheetRows = previewRows ?? maxRows + ROW_SLACK + 1;
  let wb: WorkBook;
  try {
    wb = XLSX.read(decodeCharRefs(text), { type: 'string', dense: true, raw: true, cellHTML: false, cellStyles: false, sheetRows });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw ingestErrors.corrupt(file, { vi: `lỗi khi đọc bảng trong trang web (${msg.slice(0, 120)})`, en: `its web page tables could not be parsed (${msg.slice(0, 120)})` });
  }
  return { ...sourceSheets(wb, sheetRows, previewRows), encoding };
}

/**
 * Text of an HTML file: a BOM decides, then the charset a `<meta>` declares (utf-8 is believed only when the bytes
 * are valid UTF-8: some exporters declare it over Windows-1258 text), then the text-file rules (strict UTF-8,
 * otherwise Windows-1258). Windows-1258 keeps tone marks apart; the table is NFC-normalised later like every cell.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutBom(bytes) !== undefined;
  if (bom || utf16) return decodeText(bytes);
  const declared = declaredCharset(bytes);
  if (declared && !/^(utf-?8|unicode-1-1-utf-8)$/i.test(declared)) {
    try {
      const decoder = new TextDecoder(declared);
      return { text: decoder.decode(bytes), encoding: decoder.encoding };
    } catch {
      // a label the platform does not know: fall back to the text rules
    }
  }
  return decodeText(bytes);
}

/** The charset named by a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` near the top. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += String.fromCharCode(bytes[i]);
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

/** Latin-1 letters' entity names, U+00C0 to U+00FF in order (HTML 4): the named ones exporters write for "à", "ê"… */
const LATIN1_NAMES = [
  'Agrave', 'Aacute', 'Acirc', 'Atilde', 'Auml', 'Aring', 'AElig', 'Ccedil', 'Egrave', 'Eacute', 'Ecirc', 'Euml', 'Igrave', 'Iacute', 'Icirc', 'Iuml',
  'ETH', 'Ntilde', 'Ograve', 'Oacute', 'Ocirc', 'Otilde', 'Ouml', 'times', 'Oslash', 'Ugrave', 'Uacute', 'Ucirc', 'Uuml', 'Yacute', 'THORN', 'szlig',
  'agrave', 'aacute', 'acirc', 'atilde', 'auml', 'aring', 'aelig', 'ccedil', 'egrave', 'eacute', 'ecirc', 'euml', 'igrave', 'iacute', 'icirc', 'iuml',
  'eth', 'ntilde', 'ograve', 'oacute', 'ocirc', 'otilde', 'ouml', 'divide', 'oslash', 'ugrave', 'uacute', 'ucirc', 'uuml', 'yacute', 'thorn', 'yuml',
];
const NAMED = new Map(LATIN1_NAMES.map((n, i) => [n, String.fromCharCode(0xc0 + i)]));
/** Characters that must stay escaped, or the markup would change. */
const MARKUP = new Set(['<', '>', '&', '"', "'"]);

/**
 * Decodes numeric character references (`&#7877;`, `&#x1EC5;`, how ASP.NET and PHP exports write Vietnamese) and
 * the Latin-1 letter names, which SheetJS leaves as they are (it decodes only &amp; &lt; &gt; &quot; &apos; &nbsp;).
 */
export function decodeCharRefs(html: string): string {
  if (!html.includes('&')) return html;
  return html.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,6}));/g, (ref, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED.get(name) ?? ref;
    const code = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ref;
    const ch = String.fromCodePoint(code);
    return MARKUP.has(ch) ? ref : ch;
  });
}
