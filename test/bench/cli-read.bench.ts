/**
 * omi-import's file read in a worker thread (electron/cli/workbook.ts), on 100,000 rows × 20 columns as xlsx
 * (numbers, dates and text, so rows carry kinds and raw values):
 * - `cli-read-worker`: the whole read through the worker (start it, parse, send the Table back) against the same read
 *   in the command's own thread, as omi-import did before (readTable). Target ≤ 1.25×: the worker's start and the
 *   Table's trip between threads must stay small next to the parse.
 * - `cli-read-transfer`: only the Table's trip from the worker, packed (table-transfer.ts) against a plain
 *   structured clone of the Table (postMessage(table)). Target ≤ 1.0×.
 * Timings are interleaved (baseline, value, baseline, …) so load from other processes hits both alike.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import type { Table } from '../../shared/ingest/types';
import { READ_HEAP_MB } from '../../electron/cli/read-limits';
import { readTable } from '../../electron/cli/read-table';
import { packTable, unpackTable, type PackedTable } from '../../electron/cli/table-transfer';
import { loadTable } from '../../electron/cli/workbook';
import { xlsxEntries } from '../fixtures/bad';
import { buildZip } from '../fixtures/zip';
import { report } from './report';

const ROWS = 100_000;
const RUNS = 3;
const FILE = join(process.cwd(), '.bench', 'cli-read-100k-x20-v1.xlsx');
const NAME = 'cli-read-100k-x20.xlsx';

const HEADERS = ['STT', 'Họ và tên', 'SĐT', 'Email', 'Giới tính', 'Ngày sinh', 'Địa chỉ', 'Quận/Huyện', 'Tỉnh/Thành', 'Công ty',
  'Chức vụ', 'Nhóm', 'Nguồn khách hàng', 'Ghi chú', 'Mã KH', 'Zalo', 'Website', 'Mã số thuế', 'Nhân viên phụ trách', 'Doanh số'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hòa', 'Hùng', 'Khánh', 'Lan', 'Linh'];
const CITY = ['Hà Nội', 'TP.HCM', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Huế'];
const LETTERS = HEADERS.map((_, i) => String.fromCharCode(65 + i));

/** Cell XML: a number, or an inline string. */
function cell(ref: string, v: string | number): string {
  return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
}

/** Writes the workbook (SheetJS skeleton, the sheet's XML written here: seconds instead of minutes). */
function writeWorkbook(path: string): void {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), 'Khách hàng');
  const skeleton = xlsxEntries(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  const parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  parts.push(`<row r="1">${HEADERS.map((h, c) => cell(`${LETTERS[c]}1`, h)).join('')}</row>`);
  for (let i = 0; i < ROWS; i++) {
    const r = i + 2;
    const phone = `09${String(10_000_000 + i).padStart(8, '0')}`;
    const cells: (string | number)[] = [
      i + 1, `${FAMILY[i % 12]} ${i % 2 ? 'Văn' : 'Thị'} ${GIVEN[i % 14]}`, i % 3 === 0 ? Number(phone) : phone, `khach${i}@gmail.com`,
      i % 2 ? 'Nam' : 'Nữ', 25_000 + (i % 12_000), `${i % 300} Lê Lợi`, `Quận ${i % 12}`, CITY[i % 6], `Công ty TNHH ${i % 500}`,
      'Nhân viên', i % 4 ? 'VIP' : 'Khách mới', i % 2 ? 'Facebook' : 'Sự kiện', i % 10 ? 'Gọi lại' : 'Đã gọi', `KH${100000 + i}`,
      phone, `https://kh${i}.vn`, String(3_000_000_000 + i), 'Lan', (i % 997) * 1000,
    ];
    parts.push(`<row r="${r}">${cells.map((v, c) => cell(`${LETTERS[c]}${r}`, v)).join('')}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  const sheet = new Uint8Array(Buffer.from(parts.join(''), 'utf8'));
  writeFileSync(path, buildZip(skeleton.map((e) => (e.name.endsWith('worksheets/sheet1.xml')
    ? { name: e.name, data: sheet, packed: deflateRawSync(sheet, { level: 1 }), crc: crc32(sheet) }
    : e))));
}

type Ask = 'clone' | 'packed';

if (!isMainThread) {
  // Transfer worker: reads the file once, then sends the Table as asked, as many times as asked.
  const table = readTable({ bytes: new Uint8Array(readFileSync(workerData as string)), fileName: NAME, maxMillis: 600_000 }).table;
  parentPort!.on('message', (ask: Ask) => {
    if (ask === 'clone') {
      parentPort!.postMessage({ table });
    } else {
      const { packed, transfer } = packTable(table);
      parentPort!.postMessage({ packed }, transfer);
    }
  });
  parentPort!.postMessage('ready');
} else {
  mkdirSync(join(process.cwd(), '.bench'), { recursive: true });
  if (!existsSync(FILE)) writeWorkbook(FILE);
  const bytes = readFileSync(FILE);
  const copy = () => new Uint8Array(bytes);

  const inThread = async () => readTable({ bytes: copy(), fileName: NAME, maxMillis: 600_000 }).table.rows.length;
  const viaWorker = async () => (await loadTable({ path: FILE, fileName: NAME, bytes: copy() }, undefined, undefined, { maxMillis: 600_000, heapMb: READ_HEAP_MB })).table.rows.length;
  const [base, worker] = await interleaved(inThread, viaWorker);
  report({ name: 'cli-read-worker', measured: `read ${ROWS.toLocaleString('en-US')} × 20 xlsx: worker thread vs the command's thread`, value: worker, baseline: base, unit: 'ms', target: 1.25, direction: 'max' });

  // This file again, as the transfer worker (through tsx: a worker does not load .ts by itself).
  const tsx = import.meta.resolve('tsx/esm/api');
  const w = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`,
    { eval: true, workerData: FILE });
  await new Promise((res) => w.once('message', res));
  const trip = (ask: Ask) => async () => {
    w.postMessage(ask);
    const m = await new Promise<{ table?: Table; packed?: PackedTable }>((res) => w.once('message', res));
    return (m.table ?? unpackTable(m.packed!)).rows.length;
  };
  const [clone, packed] = await interleaved(trip('clone'), trip('packed'));
  await w.terminate();
  report({ name: 'cli-read-transfer', measured: `Table ${ROWS.toLocaleString('en-US')} × 20 from the worker: packed vs structured clone`, value: packed, baseline: clone, unit: 'ms', target: 1.0, direction: 'max' });
}

/** Median ms of `a` and of `b`, run alternately after one warm-up each; both must give ROWS. */
async function interleaved(a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> {
  for (const f of [a, b]) if ((await f()) !== ROWS) throw new Error('wrong row count');
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [f, out] of [[a, ta], [b, tb]] as const) {
      globalThis.gc?.();
      const t0 = performance.now();
      await f();
      out.push(performance.now() - t0);
    }
  }
  const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [med(ta), med(tb)];
}
