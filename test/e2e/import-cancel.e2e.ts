/**
 * An import that fails some rows and is then cancelled: every row is still accounted for, as the window hears it
 * and as the user sees it. Main sends the row outcomes with alike ones grouped as row numbers (the rows a cancel
 * left unsent, a chunk OMI refused); the live failure list counts each failed row, the Results screen's counts add
 * up to the valid rows, and the error report lists every failed, unsent and invalid row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Events } from '../../shared/ipc/contract';
import { ERROR_REPORT_COLUMNS } from '../../shared/report/columns';
import { expandGroups } from '../../shared/upload/compact-result';
import { writeMessyWorkbook } from '../fixtures/messy';
import { RESULTS_DIR } from './browser';
import { openAndAcceptMapping, sendSlowly } from './flow';
import { useAppSession } from './session';

describe('an import with failures, cancelled part-way', () => {
  const app = useAppSession('omi-cancel-');

  it('accounts for every row: live failures, the results\' counts and the error report', async () => {
    const { ui, harness, sandbox, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'Khách hàng 600.xlsx');
    writeMessyWorkbook(workbook, { rows: 600 });
    await page.getByTestId('next').click();
    const valid = await openAndAcceptMapping(page, harness, workbook);

    // OMI refuses most calls (a refused chunk is tried again, then row by row), so rows fail as they go; slow
    // enough that the cancel comes with most rows still unsent.
    await sandbox.faults({ latencyMs: 40, statusCodeRate: 0.85 });
    await sendSlowly(page, 5);
    await page.getByLabel('Số lần thử lại').fill('0');
    await page.getByTestId('next').click();
    const progress = () => harness.events.filter((e) => e.event === 'import:progress').map((e) => e.payload as Events['import:progress']);
    await expect.poll(() => progress().some((p) => p.failed >= 5 && p.created > 0), { timeout: 60_000 }).toBe(true);
    await page.getByTestId('throughput-chart').waitFor({ timeout: 30_000 });
    await page.getByTestId('cancel').click();
    await page.getByTestId('see-results').waitFor({ timeout: 60_000 });
    await sandbox.faults({ latencyMs: 0, statusCodeRate: 0 });
    const result = harness.events.find((e) => e.event === 'import:done')!.payload as Events['import:done'];
    expect(result.cancelled).toBe(true);
    const { created, updated, skipped, failed } = result.counts;
    expect(failed).toBeGreaterThanOrEqual(5);
    expect(skipped).toBeGreaterThan(valid / 3);
    expect(created + updated + skipped + failed).toBe(valid);

    // What main sent as rows: each valid row exactly once; the unsent ones as row numbers, not one object each.
    const batches = harness.events.filter((e) => e.event === 'import:rows').map((e) => e.payload as Events['import:rows']);
    const rows = batches.flatMap((b) => expandGroups(b.outcomes, b.grouped));
    expect(rows).toHaveLength(valid);
    expect(new Set(rows.map((o) => o.rowNumber)).size).toBe(valid);
    expect(rows.filter((o) => o.outcome === 'failed')).toHaveLength(failed);
    const unsent = batches.flatMap((b) => b.grouped ?? []).filter((g) => g.outcome === 'skipped' && g.code === 'cancelled');
    expect(unsent.reduce((n, g) => n + g.rowNumbers.length, 0)).toBeGreaterThan(valid / 4);

    // The live list counts every failed row (grouped ones too) and lists them with their reason.
    const failures = page.getByTestId('failures');
    await expect.poll(() => page.getByText(/Dòng không nhập được \(/).innerText()).toBe(`Dòng không nhập được (${failed})`);
    expect(await failures.locator('tr').count()).toBe(failed);
    expect(await failures.locator('tr td:nth-child(2)').first().innerText()).not.toBe('');
    await ui.screenshot('5d-import-cancelled');

    // Results: the same counts; the report lists failed, unsent and invalid rows, each with its reason.
    await page.getByTestId('see-results').click();
    const count = async (id: string) => Number((await page.getByTestId(`count-${id}`).innerText()).replace(/\D/g, ''));
    expect([await count('created'), await count('skipped'), await count('failed')]).toEqual([created, skipped, failed]);
    const invalid = await count('invalid');
    await expect.poll(() => page.getByTestId('reimport').innerText()).toContain(String(failed));
    const reportPath = join(RESULTS_DIR, 'cancel-error-report.csv');
    harness.nextSave(reportPath);
    await page.getByTestId('export-report').click();
    await page.getByTestId('export-csv').click();
    await page.getByTestId('report-saved').waitFor();
    const report = XLSX.read(readFileSync(reportPath), { type: 'buffer' });
    const lines = XLSX.utils.sheet_to_json<Record<string, string>>(report.Sheets[report.SheetNames[0]], { raw: false, defval: '' });
    const status = (re: RegExp) => lines.filter((l) => re.test(l[ERROR_REPORT_COLUMNS.status])).length;
    expect(status(/Lỗi khi nhập/)).toBe(failed);
    expect(status(/Chưa nhập/)).toBe(skipped);
    expect(lines).toHaveLength(failed + skipped + invalid);
    for (const l of lines) expect(l[ERROR_REPORT_COLUMNS.reasonEn]).not.toBe('');
    expect(ui.errors).toEqual([]);
  });
});
