/**
 * A custom field OMI refuses is named as the user chose it on the Mapping screen — "Ngày giao hàng (custom field)",
 * not its code `ngay_giao` — in the row's reason, so in the Results list and chart and in the error report. End to
 * end against a real sandbox: a real workbook, the account's catalog read from the sandbox, the plan built as the
 * app's import worker and omi-import build it (customFieldLabels; the worker's own test checks it does), the upload
 * engine. The refusal is the one a user meets when the app mapped with its cached catalog (mapping works offline)
 * and the account's admin has since made a text field a date.
 * A plan saved before plans carried the names (a resumed import) still names the field, by its code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import { importPlanSchema } from '../../shared/ipc/contract';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import type { LayoutAttribute } from '../../shared/omi/types';
import { prepareTable } from '../../shared/prepare/prepare';
import { buildErrorReport } from '../../shared/report/error-report';
import { buildPlan, customFieldLabels } from '../../shared/upload/plan';
import type { ImportPlan, ImportResult } from '../../shared/upload/types';
import { sandboxPerFile } from '../support/sandbox-per-file';
import { DELIVERY_SEED, writeDeliveryWorkbook } from './fixtures/deliveries';
import { clientFor, run } from './harness';

const sb = sandboxPerFile({ seed: DELIVERY_SEED });
const dir = mkdtempSync(join(tmpdir(), 'omi-refused-field-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The workbook's rows; row 3's delivery date is words, which a date field refuses. */
const ROWS = [
  ['Nguyễn Văn An', '0912345678', '15/03/2024', '3'],
  ['Trần Thị Bình', '0913222333', 'giao trong tuần', '2'],
  ['Lê Văn Cường', '0904555666', '01/04/2024', '5'],
] as const;

/**
 * The file as the app reads and maps it, with the catalog it cached while "Ngày giao hàng" was a text field: the
 * account's own layout as the sandbox serves it, that one field's type as it was then.
 */
async function mappedFile(): Promise<{ table: ReturnType<typeof ingest>['table']; catalog: ReturnType<typeof buildTargetCatalog> }> {
  const path = join(dir, 'Đơn giao tháng 3.xlsx');
  writeDeliveryWorkbook(path, ROWS.map((r) => [...r]));
  const { table } = ingest(new Uint8Array(readFileSync(path)), 'Đơn giao tháng 3.xlsx');
  const api = clientFor(sb);
  const layout = await api.layoutList();
  const cached: LayoutAttribute[] = layout.map((a) => (a.fieldCode === 'ngay_giao' ? { ...a, fieldType: 'text' } : a));
  return { table, catalog: buildTargetCatalog(cached, await api.funnelList()) };
}

/** Reads the file, maps it, prepares it and builds the plan the way the app's import worker does (names from the catalog). */
async function appPlan(): Promise<{ plan: ImportPlan; table: ReturnType<typeof ingest>['table']; prepared: ReturnType<typeof prepareTable> }> {
  const { table, catalog } = await mappedFile();
  const mappings = autoMap(table, catalog);
  expect(mappings.map((m) => m.target)).toEqual(['fullName', 'phones', 'dynamic:ngay_giao', 'dynamic:so_thung']);
  const prepared = prepareTable(table, mappings, catalog, { duplicatePolicy: 'keep-first', defaultCountry: 'VN' });
  expect(prepared.counts.valid).toBe(ROWS.length);
  const plan = buildPlan(prepared.rows, {
    fileName: table.fileName, fileFingerprint: 'fp-deliveries', mappingKey: 'deliveries', mode: 'create',
    options: { chunkSize: 10, concurrency: 1, maxRetries: 2 }, fieldLabels: customFieldLabels(mappings, catalog),
  });
  return { plan, table, prepared };
}

function failedRow(result: ImportResult) {
  const failed = result.outcomes.filter((o) => o.outcome === 'failed');
  expect(failed.map((o) => o.rowNumber)).toEqual([3]);
  return failed[0];
}

describe('a refused custom field is named as the user knows it', () => {
  it('the row\'s reason and the error report say "Ngày giao hàng", never the code; the server\'s words stay in the detail', async () => {
    const { plan, table, prepared } = await appPlan();
    expect(plan.fieldLabels).toEqual({ ngay_giao: { vi: 'Ngày giao hàng', en: 'Ngày giao hàng' }, so_thung: { vi: 'Số thùng', en: 'Số thùng' } });
    // The app hands the plan to its main process as JSON checked by this schema: the names go through.
    const sent = importPlanSchema.parse(JSON.parse(JSON.stringify(plan))) as ImportPlan;
    expect(sent.fieldLabels).toEqual(plan.fieldLabels);

    const result = await run(sb, sent).job.done;
    expect(await sb.contacts()).toHaveLength(ROWS.length);
    const o = failedRow(result);
    expect(o.code).toBe('attributes');
    expect(o.reason!.vi).toMatch(/^Đã tạo liên hệ, nhưng chưa lưu được các trường riêng của dòng này\. OMI không nhận giá trị ở trường "Ngày giao hàng \(trường riêng\)" của dòng này\./);
    expect(o.reason!.en).toMatch(/OMI did not accept the value in the "Ngày giao hàng \(custom field\)" field of this row\. Correct that value in the file/);
    expect(`${o.reason!.vi} ${o.reason!.en}`).not.toContain('ngay_giao');
    expect(o.reason!.detail).toMatch(/otherDynamicUpdates\[0\]\.values\[0\]\.data "giao trong tuần" is not a date/);

    // The error report: the row in the file's own columns, then its reasons, naming the field the same way.
    const report = buildErrorReport(table, prepared.rows, result);
    const line = report.rows.find((r) => r[0] === ROWS[1][0]);
    expect(line?.join(' | ')).toContain('"Ngày giao hàng (trường riêng)"');
    expect(line?.join(' | ')).toContain('"Ngày giao hàng (custom field)"');
  });

  it('a plan saved before plans carried the names (a resumed import): the field is named by its code, as then', async () => {
    const { plan } = await appPlan();
    const saved: ImportPlan = JSON.parse(JSON.stringify(plan)) as ImportPlan;
    delete saved.fieldLabels;
    const result = await run(sb, importPlanSchema.parse(saved) as ImportPlan).job.done;
    const o = failedRow(result);
    expect(o.reason!.en).toMatch(/the value in the "ngay_giao \(custom field\)" field of this row/);
    expect(o.reason!.vi).toMatch(/trường "ngay_giao \(trường riêng\)"/);
  });
});
