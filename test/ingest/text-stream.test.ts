/**
 * The chunked text reader (shared/ingest/text/stream.ts) against the whole-text reader it replaces: for real files
 * in every encoding, read in chunks of every size (so boundaries cut UTF-8 letters, UTF-16 surrogate pairs, a
 * Windows-1258 letter from its tone mark, quoted fields and line breaks), the table must be exactly the one the
 * whole decoded text gives (decodeText + Papa.parse + buildTable looking at every cell), and the encoding the same.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { Deadline } from '../../shared/ingest/errors';
import { resolveLimits } from '../../shared/ingest/limits';
import { buildTable } from '../../shared/ingest/table/build';
import { decodeText } from '../../shared/ingest/text/decode';
import { readDelimitedText } from '../../shared/ingest/text/read';
import { readDelimitedBytes } from '../../shared/ingest/text/stream';
import { textFormatOf } from '../../shared/ingest/sniff';
import { UserError } from '../../shared/text';
import { asMojibake, asTcvn3Text, encodeWindows1258 } from '../fixtures/encode';
import { writeFormatFixtures } from '../fixtures/formats';
import { writeMessyCsv } from '../fixtures/messy';

const dir = mkdtempSync(join(tmpdir(), 'ingest-text-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MAX_ROWS = 1_000_000;

/** The table (or the error code) a reader's sheet gives. */
function tableOf(read: () => ReturnType<typeof readDelimitedText>, file: string): unknown {
  try {
    return buildTable(read(), { fileName: file, limits: resolveLimits({}), deadline: new Deadline(file, 60_000) });
  } catch (e) {
    if (e instanceof UserError) return { error: e.code };
    throw e;
  }
}

/** Chunked read at `chunk` bytes vs the whole-text read of the same bytes. */
function expectSameAsWhole(bytes: Uint8Array, file: string, chunk: number): void {
  const format = textFormatOf(file);
  const whole = decodeText(bytes);
  let encoding = '';
  const streamed = tableOf(() => {
    const r = readDelimitedBytes(bytes, 'S', format, MAX_ROWS, chunk);
    encoding = r.encoding;
    return r.sheet;
  }, file);
  expect(streamed, `${file} in chunks of ${chunk} bytes`).toEqual(tableOf(() => readDelimitedText(whole.text, 'S', format, MAX_ROWS), file));
  expect(encoding).toBe(whole.encoding);
}

const write = (name: string, bytes: Uint8Array): string => {
  writeFileSync(join(dir, name), bytes);
  return name;
};
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return new Uint8Array(b);
};
const withBytes = (head: number[], body: Uint8Array) => new Uint8Array([...head, ...body]);

/** A small contact list with what breaks naive chunking: multi-byte letters, emoji (surrogate pairs), quoted line breaks. */
const TRICKY = [
  'STT,Họ và tên,Ghi chú,Điện thoại',
  '1,Nguyễn Thị Ánh,"Hẹn gọi lại, ""sau 18h""\r\nrồi gửi báo giá 😀",0912345678',
  '2,Trần Văn Bình,Khách cũ 👍🏽 ở Đà Nẵng,0987654321',
  '3,\u00a0Lê Hoàng Cường\u200b,"dòng 1\ndòng 2",+84 912 000 111',
  '4,Phạm Quốc Duy,,0283 823 4567',
].join('\r\n') + '\r\n';
/** The same list without emoji and zero-width space (Windows-1258 has neither). */
const TRICKY_1258 = TRICKY.replace(/ ?[\u{1f300}-\u{1faff}][\u{1f3fb}-\u{1f3ff}]?/gu, '').replace(/\u200b/g, '');

describe('the chunked reader gives the whole-text table', () => {
  const files: string[] = [];
  for (const f of writeFormatFixtures(dir)) if (['csv', 'tsv', 'txt'].includes(f.format)) files.push(f.file);
  writeMessyCsv(join(dir, 'messy.csv'));
  writeMessyCsv(join(dir, 'messy-windows-1258.csv'), { encoding: 'windows-1258' });
  writeMessyCsv(join(dir, 'messy-300-semicolon.csv'), { rows: 300, delimiter: ';' });
  files.push('messy.csv', 'messy-windows-1258.csv', 'messy-300-semicolon.csv');
  files.push(write('tricky-utf8.csv', new TextEncoder().encode(TRICKY)));
  files.push(write('tricky-utf8-bom.csv', withBytes([0xef, 0xbb, 0xbf], new TextEncoder().encode(TRICKY))));
  files.push(write('tricky-utf16le-bom.txt', withBytes([0xff, 0xfe], utf16le(TRICKY.replace(/,/g, '\t')))));
  files.push(write('tricky-utf16be-bom.txt', withBytes([0xfe, 0xff], utf16be(TRICKY.replace(/,/g, '\t')))));
  files.push(write('tricky-utf16le.txt', utf16le(TRICKY.replace(/,/g, '\t'))));
  files.push(write('tricky-windows-1258.csv', encodeWindows1258(TRICKY_1258)));

  for (const file of files) {
    // Every size up to 40 bytes on the small files; a few on the 300-row one (each read costs a parse of it).
    const sizes = file.includes('-300-') ? [1, 2, 3, 7, 13, 64, 4096, 1 << 20] : [...Array.from({ length: 40 }, (_, i) => i + 1), 4096, 1 << 20];
    it(`${file}, in chunks of ${sizes.length} sizes from 1 byte to 1 MB`, () => {
      const bytes = bytesOf(file);
      for (const chunk of sizes) expectSameAsWhole(bytes, file, chunk);
    });
  }

  it('reads the csv-spectrum corpus the same in chunks of 1 to 16 bytes', () => {
    const root = join(dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json')), 'csvs');
    const names = readdirSync(root).filter((f) => f.endsWith('.csv'));
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(join(root, name)));
      for (let chunk = 1; chunk <= 16; chunk++) expectSameAsWhole(bytes, name, chunk);
    }
  });
});

describe('chunk boundaries and byte order marks', () => {
  const expected = [
    ['1', 'Nguyễn Thị Ánh', 'Hẹn gọi lại, "sau 18h"\r\nrồi gửi báo giá 😀', '0912345678'],
    ['2', 'Trần Văn Bình', 'Khách cũ 👍🏽 ở Đà Nẵng', '0987654321'],
    ['3', 'Lê Hoàng Cường', 'dòng 1\ndòng 2', '+84 912 000 111'],
    ['4', 'Phạm Quốc Duy', '', '0283 823 4567'],
  ];
  // Excel's "Unicode text" is tab-separated: the same list with tabs for commas, in the cells too.
  const tabbed = expected.map((r) => r.map((c) => c.replace(/,/g, '\t')));
  const cases: [string, Uint8Array, string, string[][]][] = [
    ['boundary-utf8-bom.csv', withBytes([0xef, 0xbb, 0xbf], new TextEncoder().encode(TRICKY)), 'utf-8', expected],
    ['boundary-utf16le-bom.txt', withBytes([0xff, 0xfe], utf16le(TRICKY.replace(/,/g, '\t'))), 'utf-16le', tabbed],
    ['boundary-utf16be-bom.txt', withBytes([0xfe, 0xff], utf16be(TRICKY.replace(/,/g, '\t'))), 'utf-16be', tabbed],
    ['boundary-utf16be.txt', utf16be(TRICKY.replace(/,/g, '\t')), 'utf-16be', tabbed],
    ['boundary-windows-1258.csv', encodeWindows1258(TRICKY_1258), 'windows-1258', expected.map((r) => r.map((c) => c.replace(/ ?[\u{1f300}-\u{1faff}][\u{1f3fb}-\u{1f3ff}]?/gu, '')))],
  ];
  for (const [file, bytes, encoding, rows] of cases) {
    it(`${file}: no BOM in the first header, every letter and emoji whole, at every chunk size`, () => {
      write(file, bytes);
      const back = bytesOf(file);
      for (const chunk of [1, 2, 3, 5, 7, 11, 64, 1 << 20]) {
        const { sheet, encoding: got } = readDelimitedBytes(back, 'S', textFormatOf(file), MAX_ROWS, chunk);
        expect(got).toBe(encoding);
        expect(sheet.row(0)?.texts[0], `chunk ${chunk}`).toBe('STT');
        const table = buildTable(sheet, { fileName: file, limits: resolveLimits({}), deadline: new Deadline(file, 60_000) });
        expect(table.columns.map((c) => c.header)).toEqual(['STT', 'Họ và tên', 'Ghi chú', 'Điện thoại']);
        expect(table.rows.map((r) => r.cells), `chunk ${chunk}`).toEqual(rows);
      }
    });
  }

  it('Windows-1258 tone marks written apart from their letters come out NFC, also when a chunk ends between the two', () => {
    const names = ['Nguyễn Thị Ánh', 'Đặng Quốc Việt', 'Trương Mỹ Lệ', 'Võ Thị Hồng Nhung'];
    const bytes = encodeWindows1258('Họ và tên,Tỉnh\r\n' + names.map((n) => `${n},Thừa Thiên Huế`).join('\r\n') + '\r\n');
    // The file really holds separate tone bytes (0xDE tilde, 0xF2 dot below …) after base letters.
    const tones = [0xcc, 0xec, 0xde, 0xd2, 0xf2];
    const toneAt = bytes.findIndex((b) => tones.includes(b));
    expect(toneAt).toBeGreaterThan(0);
    const file = write('tones-1258.csv', bytes);
    const back = bytesOf(file);
    // Chunk sizes putting a boundary right between a letter and each of the first tone marks.
    const cuts = [...back.keys()].filter((i) => tones.includes(back[i])).slice(0, 8);
    for (const chunk of [...cuts, 1, 2, 3]) {
      const { sheet, encoding } = readDelimitedBytes(back, 'S', 'csv', MAX_ROWS, chunk);
      expect(encoding).toBe('windows-1258');
      const table = buildTable(sheet, { fileName: file, limits: resolveLimits({}), deadline: new Deadline(file, 60_000) });
      expect(table.columns.map((c) => c.header)).toEqual(['Họ và tên', 'Tỉnh']);
      expect(table.rows.map((r) => r.cells[0]), `chunk ${chunk}`).toEqual(names);
      for (const r of table.rows) for (const c of r.cells) expect(c).toBe(c.normalize('NFC'));
      expect(table.rows[0].cells[1]).toBe('Thừa Thiên Huế');
    }
  });
});

describe('random files: chunked equals whole', () => {
  // Cells from pieces real lists mix: ASCII, Unicode Vietnamese (NFC and NFD), legacy-font and mojibake names,
  // invisible characters at the edges, delimiters, quotes, line breaks, emoji.
  const piece = fc.constantFrom(
    'Nguyễn', 'Văn', 'An', 'Thị', 'Hòa', 'Nhân viên', 'Công ty', 'Đà Nẵng', 'Huế', 'Tiê\u0301n', 'Hoa\u0300ng', ' ', '\u00a0',
    '\u200b', '\ufeff', ',', ';', '"', '\r\n', '\n', '0912345678', 'VIP', 'Nam', 'Nữ', '😀', asTcvn3Text('Nguyễn Văn Nam'),
    asTcvn3Text('Nhóm'), asMojibake('Trần Thị Bình'), 'café', '€', '\t', 'x',
  );
  const cell = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });
  const quote = (c: string) => (/[",;\r\n\t]/.test(c) && c.length % 3 !== 0 ? `"${c.replace(/"/g, '""')}"` : c);
  const encodings = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1258'] as const;

  it('for any table in any encoding, at any chunk size', () => {
    let n = 0;
    fc.assert(
      fc.property(table, fc.constantFrom(...encodings), fc.integer({ min: 1, max: 64 }), (rows, enc, chunk) => {
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
        let bytes: Uint8Array;
        if (enc === 'utf-8') bytes = new TextEncoder().encode(text);
        else if (enc === 'utf-8-bom') bytes = withBytes([0xef, 0xbb, 0xbf], new TextEncoder().encode(text));
        else if (enc === 'utf-16le') bytes = withBytes([0xff, 0xfe], utf16le(text));
        else if (enc === 'utf-16be') bytes = withBytes([0xfe, 0xff], utf16be(text));
        else {
          try {
            bytes = encodeWindows1258(text);
          } catch {
            bytes = new Uint8Array(iconv.encode(text, 'windows-1258'));
          }
        }
        const file = write(`random-${n++ % 4}.csv`, bytes);
        expectSameAsWhole(bytesOf(file), file, chunk);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});
