/**
 * A quote that opens a cell and is never closed (a typing slip: `"Nguyễn Văn An` or `Màn hình 5"`) turns the rest
 * of a CSV into one cell. Reading used to parse that growing row again for every chunk of the file (time growing
 * with the square of its size); now the reader stops once the open cell runs past OPEN_QUOTE_MAX_CHARS and says
 * on which line the quote opened. Files are written here as users would have them: a header, rows, the slip, and
 * megabytes of rows after it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import { OPEN_QUOTE_MAX_CHARS } from '../../shared/ingest/text/open-quote';
import { isUserError, type UserError } from '../../shared/text';
import { encodeWindows1258 } from '../fixtures/encode';

const dir = mkdtempSync(join(tmpdir(), 'ingest-unclosed-quote-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'STT,Họ và tên,Điện thoại,Ghi chú';
const row = (i: number, note = 'Khách cũ') => `${i},Nguyễn Văn ${i % 7 === 0 ? 'Bình' : 'An'},09${String(10_000_000 + i).padStart(8, '0')},${note}`;

/**
 * Lines of a CSV: the header (line 1), `before` rows, the row with the slip (line before + 2), then rows until the
 * text is over `chars` characters. `tail(i)` writes row i after the slip.
 */
function csvLines(before: number, slip: string, chars: number, tail = (i: number) => row(i)): string[] {
  const lines = [HEADER];
  for (let i = 1; i <= before; i++) lines.push(row(i));
  lines.push(slip);
  let n = lines.reduce((s, l) => s + l.length + 2, 0);
  for (let i = before + 2; n <= chars; i++) {
    const l = tail(i);
    lines.push(l);
    n += l.length + 2;
  }
  return lines;
}

function save(name: string, bytes: Uint8Array): Uint8Array {
  writeFileSync(join(dir, name), bytes);
  return new Uint8Array(readFileSync(join(dir, name)));
}

function failure(file: string, bytes: Uint8Array): UserError {
  try {
    ingest(bytes, file);
  } catch (e) {
    if (isUserError(e)) return e;
    throw e;
  }
  throw new Error(`${file} was accepted`);
}

function expectUnclosedAt(e: UserError, file: string, line: number): void {
  expect(e.code).toBe('ingest.unclosed-quote');
  expect(e.text.vi).toContain(`"${file}"`);
  expect(e.text.en).toContain(`"${file}"`);
  expect(e.text.vi).toContain(`dòng ${line}:`);
  expect(e.text.en).toContain(`line ${line} and close`);
  expect(e.text.vi).not.toBe(e.text.en);
}

describe('a quote never closed in a big CSV', () => {
  const tooFar = OPEN_QUOTE_MAX_CHARS + (2 << 20);

  it('UTF-8: stops with ingest.unclosed-quote naming the line the quote opened on', () => {
    const lines = csvLines(120, `122,"Trần Thị Hoa,0912345678,gọi lại sau`, tooFar);
    const file = 'quote-utf8.csv';
    const bytes = save(file, new TextEncoder().encode(lines.join('\r\n') + '\r\n'));
    expect(bytes.length).toBeGreaterThan(tooFar);
    expectUnclosedAt(failure(file, bytes), file, 122);
  });

  it('counts lines broken inside properly quoted cells, and LF-only files', () => {
    // Two rows above the slip hold a quoted line break each: the slip's row is table row 10 but line 12.
    const lines = csvLines(8, `10,Lê Văn Cường,0987654321,"ghi chú chưa đóng`, tooFar);
    lines[3] = `3,"Phạm Thị\nDung",0911111111,"dòng 1\ndòng 2"`;
    const file = 'quote-lf.csv';
    const bytes = save(file, new TextEncoder().encode(lines.join('\n') + '\n'));
    expectUnclosedAt(failure(file, bytes), file, 12);
  });

  it('Windows-1258 and UTF-16: the same line, whatever the encoding', () => {
    const lines = csvLines(40, `42,"Đặng Quốc Việt,0900000042,Huế`, tooFar);
    const text = lines.join('\r\n') + '\r\n';
    const cp = 'quote-1258.csv';
    // (Encoded in two parts: the rows after the slip are ASCII, the same bytes in Windows-1258.)
    const head = lines.slice(0, 60).join('\r\n') + '\r\n';
    const tail = lines.slice(60).join('\r\n').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd') + '\r\n';
    expectUnclosedAt(failure(cp, save(cp, new Uint8Array(Buffer.concat([encodeWindows1258(head), Buffer.from(tail, 'latin1')])))), cp, 42);
    const u16 = 'quote-utf16.txt';
    const bytes = save(u16, new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/,/g, '\t'), 'utf16le')])));
    expectUnclosedAt(failure(u16, bytes), u16, 42);
  });

  it('stops too when later rows hold quotes that cannot close the cell (inch marks inside unquoted text)', () => {
    // `5" màn hình` is a quote inside an unquoted cell: papaparse reads it as text, so the open cell stays open and
    // every chunk has a quote (each is parsed with the open row, up to the limit).
    const lines = csvLines(5, `7,"Võ Thị Hồng,0901234567,ghi chú`, tooFar, (i) => row(i, `Màn hình 5" số ${i}`));
    const file = 'quote-inches.csv';
    expectUnclosedAt(failure(file, save(file, new TextEncoder().encode(lines.join('\r\n') + '\r\n'))), file, 7);
  });
});

describe('what stays as it was', () => {
  it('a quote left open near the end of a file still reads the rest of the file as one cell, with a note', () => {
    const lines = csvLines(30, `32,Bùi Văn Nam,0900000032,"hẹn gặp`, 0);
    lines.push(row(33), row(34));
    const file = 'quote-near-end.csv';
    const { table } = ingest(save(file, new TextEncoder().encode(lines.join('\r\n') + '\r\n')), file);
    expect(table.rows).toHaveLength(31);
    // (the cell is trimmed at its edges, as every cell)
    expect(table.rows[30].cells[3]).toBe(`hẹn gặp\r\n${row(33)}\r\n${row(34)}`);
    expect(table.notes.some((n) => n.en.includes('opened at row 32 is never closed'))).toBe(true);
  });

  it('a long quoted cell that does close (a pasted note of several lines) is read whole', () => {
    const note = Array.from({ length: 400 }, (_, i) => `Ghi chú dòng ${i}, "trích dẫn" ${'x'.repeat(40)}`).join('\r\n');
    const lines = [HEADER, row(1), `2,Hồ Văn Tâm,0900000002,"${note.replace(/"/g, '""')}"`, row(3)];
    const file = 'long-quoted.csv';
    const { table } = ingest(save(file, new TextEncoder().encode(lines.join('\r\n') + '\r\n')), file);
    expect(table.rows.map((r) => r.cells[0])).toEqual(['1', '2', '3']);
    expect(table.rows[1].cells[3]).toBe(note);
    expect(table.notes.some((n) => n.en.includes('never closed'))).toBe(false);
  });
});
