/**
 * Reports from a real file through the real pipeline into a real sandbox: a generated xlsx is ingested, mapped,
 * prepared and imported (the token expires part-way, so some rows are never sent); the error report keeps the
 * file's columns, says what happened to each row in Vietnamese and English, neutralises formula-like cells,
 * and — fixed as a person would in Excel — imports again directly, landing every remaining row exactly once.
 */
import { read, utils, write } from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import type { Table } from '../../shared/ingest/types';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import type { TargetCatalog } from '../../shared/mapping/types';
import { flattenContact } from '../../shared/omi/flatten';
import { prepareTable } from '../../shared/prepare/prepare';
import { buildErrorReport, buildSuccessReport, ERROR_REPORT_COLUMNS, SUCCESS_REPORT_COLUMNS, writeReport } from '../../shared/report';
import { buildPlan, fingerprintBytes } from '../../shared/upload/plan';
import type { ImportResult } from '../../shared/upload/types';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { clientFor, run } from '../upload/harness';
import { contactsWorkbook } from './contacts-file';

let sb: SandboxHandle;
let catalog: TargetCatalog;
beforeAll(async () => {
  sb = await startSandbox();
  const api = clientFor(sb);
  catalog = buildTargetCatalog(await api.layoutList(), await api.funnelList());
});
afterAll(async () => {
  await sb?.stop();
});

async function importFile(bytes: Uint8Array, fileName: string, stopAfterCalls: number | null) {
  const { table } = ingest(bytes, fileName);
  const mapping = autoMap(table, catalog);
  const prepared = prepareTable(table, mapping, catalog, { duplicatePolicy: 'keep-first' });
  const plan = buildPlan(prepared.rows, {
    fileName, fileFingerprint: fingerprintBytes(bytes), mappingKey: mapping.map((m) => `${m.header}=${m.target}`).join('|'), mode: 'create',
    options: { chunkSize: 10, concurrency: 1, maxRetries: 5 },
  });
  await sb.faults({ tokenExpiresAfter: stopAfterCalls });
  const result = await run(sb, plan).job.done;
  return { table, mapping, prepared, plan, result };
}

function targets(table: Table): Record<string, string> {
  return Object.fromEntries(autoMap(table, catalog).map((m) => [m.header, m.target]));
}

describe('error report', () => {
  let first: Awaited<ReturnType<typeof importFile>>;
  let xlsx: Uint8Array;
  const file = contactsWorkbook(60);

  it('lists invalid and never-sent rows in the file\'s own columns, with status and reasons in both languages', async () => {
    // The first 3 calls look for an earlier import (searches), then 2 chunks of 10 go through; the token then expires.
    first = await importFile(file.bytes, 'khach-hang.xlsx', 5);
    expect(first.result.stopped?.code).toBe('credentials');
    expect(first.result.counts.created).toBe(20);
    const sheet = buildErrorReport(first.table, first.prepared.rows, first.result);
    expect(sheet.header).toEqual([...first.table.columns.map((c) => c.header), ...Object.values(ERROR_REPORT_COLUMNS)]);
    const notSent = first.result.outcomes.filter((o) => o.outcome === 'skipped');
    expect(sheet.rows).toHaveLength(file.invalid + notSent.length);
    const status = sheet.header.indexOf(ERROR_REPORT_COLUMNS.status);
    const byStatus = (s: string) => sheet.rows.filter((r) => r[status].startsWith(s));
    expect(byStatus('Dữ liệu sai')).toHaveLength(file.invalid);
    expect(byStatus('Chưa nhập')).toHaveLength(notSent.length);
    for (const r of byStatus('Dữ liệu sai')) {
      expect(r[status + 1]).not.toBe('');
      expect(r[status + 2]).toMatch(/[a-z]/);
    }
    // The token was refused: the reason says what to do, where, and that nothing is imported twice.
    for (const r of byStatus('Chưa nhập')) {
      expect(r[status + 2]).toMatch(/access token.*Paste the access token again on the Connection screen, then resume the import \(with omi-import: set the --token-env variable again and run with --resume\)/);
      expect(r[status + 1]).toMatch(/Hãy dán lại mã truy cập ở màn hình Kết nối rồi tiếp tục lần nhập \(với omi-import: đặt lại biến môi trường của --token-env rồi chạy với --resume\)/);
      expect(r[status + 1]).not.toMatch(/HTTP|401/);
    }
    // The file's own cells, untouched (the cleaned values are listed as changes, not written over the cells).
    const tableRow = first.table.rows.find((r) => r.cells[0] === sheet.rows[0][0])!;
    expect(sheet.rows[0].slice(0, first.table.columns.length)).toEqual(tableRow.cells);
    expect(sheet.rows.some((r) => r[status + 3].includes('→'))).toBe(true);
  });

  it('xlsx and csv: header on the first row, added columns map to ignore, formula-like cells neutralised', () => {
    const sheet = buildErrorReport(first.table, first.prepared.rows, first.result);
    xlsx = writeReport(sheet, 'xlsx');
    const csv = writeReport(sheet, 'csv');
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const before = targets(first.table);
    for (const [bytes, name] of [[xlsx, 'loi.xlsx'], [csv, 'loi.csv']] as const) {
      const { table } = ingest(bytes, name);
      expect(table.headerRow).toBe(1);
      expect(table.columns.map((c) => c.header)).toEqual(sheet.header);
      expect(table.rows).toHaveLength(sheet.rows.length);
      const after = targets(table);
      for (const h of first.table.columns.map((c) => c.header)) expect(after[h], h).toBe(before[h]);
      for (const h of Object.values(ERROR_REPORT_COLUMNS)) expect(after[h], h).toBe('ignore');
      const cells = table.rows.flatMap((r) => r.cells);
      expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
      expect(cells).toContain("'@ghi chú không tên");
    }
  });

  it('fixed in Excel and imported again directly: every remaining row lands once', async () => {
    // A person fills in a name for each invalid row and saves the workbook.
    const wb = read(xlsx, { type: 'array' });
    const ws = wb.Sheets[wb.SheetNames[0]];
    const aoa = utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
    const nameCol = aoa[0].indexOf('Họ và tên');
    for (const row of aoa.slice(1)) if (row[nameCol] === '') row[nameCol] = `Khách Bổ Sung ${row[0]}`;
    const fixedWs = utils.aoa_to_sheet(aoa);
    const fixedWb = utils.book_new();
    utils.book_append_sheet(fixedWb, fixedWs, wb.SheetNames[0]);
    const fixed = new Uint8Array(write(fixedWb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);

    const second = await importFile(fixed, 'loi-da-sua.xlsx', null);
    expect(second.prepared.counts.invalid).toBe(0);
    expect(second.result.counts).toMatchObject({ failed: 0, skipped: 0, created: aoa.length - 1 });
    const contacts = (await sb.contacts()).map(flattenContact);
    expect(contacts).toHaveLength(60);
    expect(new Set(contacts.map((c) => c.emails[0] ?? c.fullName)).size).toBe(60);

    const success = buildSuccessReport(second.table, second.prepared.rows, second.result as ImportResult);
    expect(success.rows).toHaveLength(aoa.length - 1);
    const refCol = success.header.indexOf(SUCCESS_REPORT_COLUMNS.refId);
    const stored = new Set(contacts.map((c) => c.refId));
    for (const r of success.rows) expect(stored.has(r[refCol])).toBe(true);
    expect(success.rows.every((r) => r[success.header.indexOf(SUCCESS_REPORT_COLUMNS.refIdGenerated)] === 'Có / Yes')).toBe(true);
  });

  it('rows OMI failed on its side: the report says nothing is wrong with them and to import them again, OMI\'s codes after it', async () => {
    await sb.reset();
    await sb.faults({ statusCodeRate: 1 });
    const file = contactsWorkbook(5);
    const r = await importFile(file.bytes, 'khach-hang-loi-may-chu.xlsx', null);
    await sb.faults({ statusCodeRate: 0 });
    const sheet = buildErrorReport(r.table, r.prepared.rows, r.result);
    const status = sheet.header.indexOf(ERROR_REPORT_COLUMNS.status);
    const failed = sheet.rows.filter((row) => row[status].startsWith('Lỗi khi nhập'));
    expect(failed).toHaveLength(5 - file.invalid);
    for (const row of failed) {
      expect(row[status + 1]).toMatch(/^OMI gặp sự cố khi nhận dòng này .*Dữ liệu của dòng không có gì sai: hãy nhập lại các dòng thất bại.* \(Chi tiết kỹ thuật: HTTP 200, status_code 5000: simulated failure/);
      expect(row[status + 2]).toMatch(/^OMI had a problem on its side .*import the failed rows again.* \(Technical details: HTTP 200, status_code 5000/);
    }
  });
});
