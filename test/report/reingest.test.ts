/**
 * A fixed error report imported again gets the file's own values back: the report put an apostrophe before
 * formula-like cells (= + - @) so Excel would not run them, and re-ingesting the report (xlsx or csv) with
 * restoreReportTable takes exactly those apostrophes off — and nothing from a file that is not a report.
 */
import { utils, write } from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import { prepareTable } from '../../shared/prepare/prepare';
import { buildErrorReport, ERROR_REPORT_COLUMNS, restoreReportTable, writeReport } from '../../shared/report';
import { buildPlan, fingerprintBytes } from '../../shared/upload/plan';
import type { ImportResult } from '../../shared/upload/types';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { clientFor, run } from '../upload/harness';
import { contactsWorkbook } from './contacts-file';

let sb: SandboxHandle;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb?.stop();
});

describe('a fixed error report imported again', () => {
  it('gives back the original cells, formula-like ones included, from xlsx and csv', async () => {
    const file = contactsWorkbook(30);
    const { table } = ingest(file.bytes, 'khach-hang.xlsx');
    const api = clientFor(sb);
    const catalog = buildTargetCatalog(await api.layoutList(), await api.funnelList());
    const mapping = autoMap(table, catalog);
    const prepared = prepareTable(table, mapping, catalog, { duplicatePolicy: 'keep-first' });
    const plan = buildPlan(prepared.rows, {
      fileName: 'khach-hang.xlsx', fileFingerprint: fingerprintBytes(file.bytes), mappingKey: 'k', mode: 'create',
      options: { chunkSize: 10, concurrency: 1, maxRetries: 2 },
    });
    // The token is refused from the first call: no row is sent, so every row is in the error report.
    await sb.faults({ tokenExpiresAfter: 0 });
    const result: ImportResult = await run(sb, plan).job.done;
    const sheet = buildErrorReport(table, prepared.rows, result);
    expect(sheet.rows).toHaveLength(table.rows.length);
    const own = table.columns.length;
    const original = new Map(table.rows.map((r) => [r.cells[0], r.cells]));
    // The file does hold formula-like cells in several columns (name, phone, note).
    expect(table.rows.flatMap((r) => r.cells).filter((c) => /^[=+\-@]/.test(c)).length).toBeGreaterThan(10);

    for (const [bytes, name] of [[writeReport(sheet, 'xlsx'), 'loi.xlsx'], [writeReport(sheet, 'csv'), 'loi.csv']] as const) {
      const again = ingest(bytes, name).table;
      // As read, the report's cells carry the apostrophes…
      expect(again.rows.some((r) => r.cells.slice(0, own).some((c) => c.startsWith("'"))), name).toBe(true);
      const { table: restored, restored: count } = restoreReportTable(again);
      // …and restored, every row's own cells are the file's, exactly.
      for (const r of restored.rows) expect(r.cells.slice(0, own), `${name} row ${r.rowNumber}`).toEqual(original.get(r.cells[0]));
      expect(count).toBe(table.rows.flatMap((r) => r.cells).filter((c) => /^[=+\-@]/.test(c)).length);
      expect(restored.notes.at(-1)?.en).toContain(`before ${count} cells`);
      // The importer's own columns are not touched.
      const status = again.columns.findIndex((c) => c.header === ERROR_REPORT_COLUMNS.status);
      expect(restored.rows.map((r) => r.cells[status])).toEqual(again.rows.map((r) => r.cells[status]));
    }
  });

  it('leaves a file that is not a report alone, apostrophes and all', () => {
    const aoa = [['Họ và tên', 'Ghi chú'], ['An', "'=1+1"], ['Bình', "'-- để nguyên"]];
    const ws = utils.aoa_to_sheet(aoa);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'Khách');
    const { table } = ingest(new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 'khach.xlsx');
    const out = restoreReportTable(table);
    expect(out.restored).toBe(0);
    expect(out.table.rows.map((r) => r.cells[1])).toEqual(["'=1+1", "'-- để nguyên"]);
  });
});
