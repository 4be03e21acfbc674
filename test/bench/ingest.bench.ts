/**
 * Ingest speed and memory.
 * - 100,000 rows × 20 columns as xlsx: `ingest` against a naive `XLSX.read` + `sheet_to_json({ header: 1 })` of the
 *   same bytes (target ≤ 1.0×: dense mode and skipping HTML/formatting work pay for the cleaning).
 * - the same data as CSV: `ingest` against bare papaparse (decode + `Papa.parse`), target ≤ 1.2×.
 * - 1,000,000 rows × 20 columns as CSV: peak RSS of a child process that ingests it, against the 1.5 GB target;
 *   the same rows as a Windows-1258 CSV through the chunked reader of every encoding (readDelimitedBytes).
 * Timings are interleaved (baseline, ingest, baseline, …) so load from other processes hits both alike.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { DEFAULT_LIMITS, ingest } from '../../shared/ingest';
import { Deadline } from '../../shared/ingest/errors';
import { resolveLimits } from '../../shared/ingest/limits';
import { buildTable } from '../../shared/ingest/table/build';
import { readDelimitedBytes } from '../../shared/ingest/text/stream';
import { encodeWindows1258 } from '../fixtures/encode';
import { report } from './report';
import { writeLines } from '../fixtures/write-lines';

const COLUMNS = [
  'STT', 'Họ và tên', 'SĐT', 'Email', 'Giới tính', 'Ngày sinh', 'Địa chỉ', 'Quận/Huyện', 'Tỉnh/Thành', 'Công ty',
  'Chức vụ', 'Nhóm', 'Nguồn khách hàng', 'Ghi chú', 'Mã KH', 'Zalo', 'Website', 'Mã số thuế', 'Nhân viên phụ trách', 'Ngày tạo',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hòa', 'Hùng', 'Khánh', 'Lan', 'Linh'];
const CITY = ['Hà Nội', 'TP.HCM', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Huế'];

/** Row i of the benchmark table: numbers where Excel users put numbers (STT, some phones, dates as serials). */
function row(i: number, asText: boolean): (string | number)[] {
  const name = `${FAMILY[i % 12]} ${i % 2 ? 'Văn' : 'Thị'} ${GIVEN[i % 14]}`;
  const phone = `09${String(10_000_000 + i).padStart(8, '0')}`;
  const serial = 25_000 + (i % 12_000);
  const date = asText ? XLSX.SSF.format('dd/mm/yyyy', serial) : serial;
  return [
    i + 1, name, i % 3 === 0 && !asText ? Number(phone) : phone, `khach${i}@gmail.com`, i % 2 ? 'Nam' : 'Nữ', date,
    `${i % 300} Lê Lợi`, `Quận ${i % 12}`, CITY[i % 6], `Công ty TNHH ${i % 500}`, 'Nhân viên', i % 4 ? 'VIP' : 'Khách mới',
    i % 2 ? 'Facebook' : 'Sự kiện', i % 10 ? '' : 'Gọi lại sau', `KH${100000 + i}`, phone, `https://kh${i}.vn`,
    String(3_000_000_000 + i), 'Lan', date,
  ];
}

const dir = join(process.cwd(), '.bench');
mkdirSync(dir, { recursive: true });

function csvLine(cells: (string | number)[]): string {
  return cells.map((c) => (typeof c === 'string' && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c))).join(',') + '\r\n';
}

/** Writes the CSV unless this exact file (same generator version in its name) is already there. */
function writeCsv(path: string, rows: number): void {
  if (existsSync(path)) return;
  writeLines(path, '\ufeff' + csvLine(COLUMNS), rows, (i) => csvLine(row(i, true)));
}

/** Writes the CSV as Windows-1258 (Excel's "CSV" on Vietnamese Windows: tone marks as separate bytes). */
function write1258Csv(path: string, rows: number): void {
  if (existsSync(path)) return;
  const known = new Map<string, Uint8Array>();
  // Cells repeat (names, cities, titles): each distinct non-ASCII text is encoded once.
  const encode = (line: string): Uint8Array => {
    const parts = line.split(',').map((cell) => {
      if (!/[\u0080-\uffff]/.test(cell)) return Uint8Array.from(cell, (ch) => ch.charCodeAt(0));
      let b = known.get(cell);
      if (!b) known.set(cell, (b = encodeWindows1258(cell)));
      return b;
    });
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, -1));
    let at = 0;
    parts.forEach((p, i) => {
      if (i > 0) out[at++] = 0x2c;
      out.set(p, at);
      at += p.length;
    });
    return out;
  };
  const fd = openSync(path, 'w');
  try {
    const batch: Uint8Array[] = [encode(csvLine(COLUMNS))];
    for (let i = 0; i < rows; i++) {
      batch.push(encode(csvLine(row(i, true))));
      if (batch.length === 20_000 || i === rows - 1) {
        writeSync(fd, Buffer.concat(batch));
        batch.length = 0;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Child mode: read one file and print the peak RSS in MB. `ingest` is what the app and the CLI do; `stream` is the
 * chunked reader of every encoding (readDelimitedBytes) + buildTable (ingest reads UTF-8 the same way already).
 */
if (process.argv[2] === '--child-memory') {
  const [file, mode] = process.argv.slice(3);
  // A Buffer is a Uint8Array: no copy of the 200 MB file (as the CLI should read it too).
  const bytes = readFileSync(file);
  const rows = mode === 'stream'
    ? buildTable(readDelimitedBytes(bytes, 'million', 'csv', DEFAULT_LIMITS.maxRows).sheet, {
      fileName: 'million.csv',
      limits: resolveLimits({}),
      deadline: new Deadline('million.csv', DEFAULT_LIMITS.maxMillis),
    }).rows.length
    : ingest(bytes, 'million.csv').table.rows.length;
  if (rows !== 1_000_000) throw new Error(`expected 1,000,000 rows, got ${rows}`);
  process.stdout.write(`PEAK_RSS_MB ${process.resourceUsage().maxRSS / 1024}\n`);
  process.exit(0);
}

function interleaved(runs: number, a: () => unknown, b: () => unknown, warmUp = true): [number, number] {
  if (warmUp) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    globalThis.gc?.();
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [med(ta), med(tb)];
}

const ROWS = 100_000;
// INGEST_BENCH_ONLY=csv skips the (slow) xlsx comparison when iterating on the text path.
const onlyCsv = process.env.INGEST_BENCH_ONLY === 'csv';
/** ingest vs XLSX.read + sheet_to_json on the same xlsx bytes. */
function benchXlsx(): void {
  // Built inside so that none of it is still on the heap when the CSV runs are timed.
  const aoa: (string | number)[][] = [COLUMNS, ...Array.from({ length: ROWS }, (_, i) => row(i, false))];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  for (let r = 1; r <= ROWS; r++) {
    ws[XLSX.utils.encode_cell({ r, c: 5 })].z = 'dd/mm/yyyy';
    ws[XLSX.utils.encode_cell({ r, c: 19 })].z = 'dd/mm/yyyy';
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Khách hàng');
  const xlsxPath = join(dir, 'ingest-100k.xlsx');
  writeFileSync(xlsxPath, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer));
  const xlsxBytes = new Uint8Array(readFileSync(xlsxPath));

  const [naiveXlsx, ingestXlsx] = interleaved(
    3,
    () => {
      const book = XLSX.read(xlsxBytes, { type: 'array' });
      return XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1 });
    },
    () => ingest(xlsxBytes, 'ingest-100k.xlsx'),
    false, // each run takes seconds: JIT warm-up is noise next to it
  );
  report({
    name: 'ingest-xlsx',
    measured: `ingest of a ${ROWS.toLocaleString('en-US')}-row × 20-column xlsx vs XLSX.read + sheet_to_json({header:1})`,
    value: ingestXlsx,
    baseline: naiveXlsx,
    unit: 'ms',
    target: 1.0,
    direction: 'max',
  });
}
if (!onlyCsv) benchXlsx();

const csvPath = join(dir, 'ingest-100k-v1.csv');
writeCsv(csvPath, ROWS);
const csvBytes = new Uint8Array(readFileSync(csvPath));
const [bareCsv, ingestCsv] = interleaved(
  5,
  () => Papa.parse<string[]>(new TextDecoder().decode(csvBytes)),
  () => ingest(csvBytes, 'ingest-100k.csv'),
);
report({
  name: 'ingest-csv',
  measured: `ingest of the same ${ROWS.toLocaleString('en-US')} rows as UTF-8 CSV vs decode + Papa.parse`,
  value: ingestCsv,
  baseline: bareCsv,
  unit: 'ms',
  target: 1.2,
  direction: 'max',
});

/** Peak RSS (MB) of a child process reading `file` (see --child-memory). */
function peakOf(file: string, mode: 'ingest' | 'stream'): number {
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', fileURLToPath(import.meta.url), '--child-memory', file, mode], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const peak = /PEAK_RSS_MB ([\d.]+)/.exec(child.stdout ?? '');
  if (!peak) throw new Error(`memory child failed: ${child.status} ${child.stderr?.slice(-2000)}`);
  return Number(peak[1]);
}

const millionPath = join(dir, 'ingest-1m-v1.csv');
writeCsv(millionPath, 1_000_000);
report({
  name: 'ingest-csv-1m-memory',
  measured: 'peak RSS ingesting a 1,000,000-row × 20-column CSV (child process) vs the 1.5 GB target',
  value: peakOf(millionPath, 'ingest'),
  baseline: 1536,
  unit: 'MB',
  target: 1.0,
  direction: 'max',
});

// INGEST_BENCH_1258=0 skips the Windows-1258 million (writing it the first time takes a while). Ingest reads it
// chunk by chunk like UTF-8 (decoded whole, as before 2026-11-30, it peaked at 2,173 MB).
if (process.env.INGEST_BENCH_1258 !== '0') {
  const million1258 = join(dir, 'ingest-1m-1258-v1.csv');
  write1258Csv(million1258, 1_000_000);
  report({
    name: 'ingest-csv-1m-1258-memory',
    measured: 'peak RSS ingesting the same 1,000,000 rows as a Windows-1258 CSV (child process) vs the 1.5 GB target',
    value: peakOf(million1258, 'ingest'),
    baseline: 1536,
    unit: 'MB',
    target: 1.0,
    direction: 'max',
  });
}
