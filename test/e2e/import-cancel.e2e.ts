/**
 * An import that fails some rows and is then cancelled: every row is still accounted for, as the window hears it
 * and as the user sees it. Main sends the row outcomes with alike ones grouped as row numbers (the rows a cancel
 * left unsent, a chunk OMI refused); the live failure list counts each failed row, the Results screen's counts add
 * up to the valid rows, and the error report lists every failed, unsent and invalid row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Events } from '../../shared/ipc/contract';
import { ERROR_REPORT_COLUMNS } from '../../shared/report/columns';
import { expandGroups } from '../../shared/upload/compact-result';
import { writeMessyWorkbook } from '../fixtures/messy';
import { RESULTS_DIR } from './browser';
import { openAndAcceptMapping, sendSlowly } from './flow';
import { useAppSession } from './session';

/** Runs `act` with the window in English (through the header's language switch), then back in Vietnamese. */
async function inEnglish(page: Page, act: () => Promise<unknown>): Promise<void> {
  const set = (lang: string) => page.locator(`input[type="radio"][value="${lang}"]`).first().evaluate((e) => (e as HTMLInputElement).click());
  await set('en');
  try {
    await act();
  } finally {
    await set('vi');
  }
}

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
    const unsentGroups = batches.flatMap((b) => b.grouped ?? []).filter((g) => g.outcome === 'skipped' && g.code === 'cancelled');
    const unsentRows = unsentGroups.reduce((n, g) => n + g.rowNumbers.length, 0)
      + batches.flatMap((b) => b.outcomes).filter((o) => o.outcome === 'skipped' && o.code === 'cancelled').length;
    expect(unsentRows).toBeGreaterThan(valid / 4);

    // The screen after the cancel: the bar stops at the rows done, the unsent rows are "not sent", not skipped,
    // and the yellow panel offers to send them.
    const done = created + updated + skipped - unsentRows + failed;
    await expect.poll(() => page.getByTestId('progress').innerText()).toContain(`${done} / ${valid} dòng`);
    expect(await page.getByTestId('unsent').innerText()).toBe(`Chưa gửi (đã huỷ): ${unsentRows}`);
    expect(await page.getByTestId('progress').innerText()).toContain(`Bỏ qua: ${skipped - unsentRows}`);
    const panel = page.getByTestId('finished-panel');
    expect(await panel.getAttribute('data-kind')).toBe('unsent');
    expect(await panel.innerText()).toContain(`Đã huỷ: ${unsentRows} dòng chưa được gửi`);
    expect(await page.getByTestId('send-remaining').innerText()).toBe(`Gửi tiếp ${unsentRows} dòng còn lại`);

    // The live list counts every failed row (grouped ones too) and lists them with their reason.
    const failures = page.getByTestId('failures');
    await expect.poll(() => page.getByText(/Dòng không nhập được \(/).innerText()).toBe(`Dòng không nhập được (${failed})`);
    expect(await failures.locator('tr').count()).toBe(failed);
    expect(await failures.locator('tr td:nth-child(2)').first().innerText()).not.toBe('');
    await ui.screenshot('5d-import-cancelled');
    await inEnglish(page, async () => {
      expect(await panel.innerText()).toContain(`Import cancelled: ${unsentRows} rows were not sent`);
      expect(await page.getByTestId('send-remaining').innerText()).toBe(`Send the remaining ${unsentRows} rows`);
      await ui.screenshot('5d-import-cancelled-en');
    });

    // Results: the same counts; the report lists failed, unsent and invalid rows, each with its reason.
    await page.getByTestId('see-results').click();
    const count = async (id: string) => Number((await page.getByTestId(`count-${id}`).innerText()).replace(/\D/g, ''));
    expect([await count('created'), await count('skipped'), await count('unsent'), await count('failed')]).toEqual([created, skipped - unsentRows, unsentRows, failed]);
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

    // "Send the remaining rows" on Results: the same import continues from its journal; nothing is sent twice.
    const before = await sandbox.contacts();
    expect(before.length).toBeGreaterThanOrEqual(created);
    await expect.poll(() => page.getByTestId('send-remaining').innerText()).toBe(`Gửi tiếp ${unsentRows} dòng còn lại`);
    await ui.screenshot('6d-results-cancelled');
    await inEnglish(page, async () => {
      expect(await page.getByTestId('count-unsent').innerText()).toContain('Not sent (cancelled)'.toUpperCase());
      await ui.screenshot('6d-results-cancelled-en');
    });
    await page.getByTestId('send-remaining').click();
    await expect.poll(() => harness.events.filter((e) => e.event === 'import:done').length, { timeout: 60_000 }).toBe(2);
    const second = harness.events.filter((e) => e.event === 'import:done')[1].payload as Events['import:done'];
    expect(second.importId).toBe(result.importId);
    expect(second.cancelled).toBe(false);
    const c2 = second.counts;
    // Every valid row counted once: the rows the first run settled and the rows sent now.
    expect(c2.created + c2.updated + c2.skipped + c2.failed).toBe(valid);
    expect(c2.created).toBeGreaterThan(created);
    expect(c2.failed).toBeLessThanOrEqual(failed);
    await page.getByTestId('see-results').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('finished-panel').getAttribute('data-kind')).toBe(c2.failed > 0 ? 'failed' : 'done');
    if (c2.failed > 0) expect(await page.getByTestId('finished-panel').innerText()).toContain(`Xong: ${c2.failed} dòng chưa nhập được — xem Kết quả`);
    expect(await page.getByTestId('unsent').count()).toBe(0);
    await ui.screenshot('5e-import-remaining-sent');
    await page.getByTestId('see-results').click();
    expect([await count('created'), await count('updated'), await count('skipped'), await count('failed')]).toEqual([c2.created, c2.updated, c2.skipped, c2.failed]);
    expect(await page.getByTestId('count-unsent').count()).toBe(0);
    expect(await page.getByTestId('send-remaining').count()).toBe(0);
    expect(await page.getByTestId('run-label').innerText()).toMatch(/^Gửi tiếp lúc \d/);
    // The history: the continued run counts every row; the cancelled one says how many it left unsent.
    const runs = page.getByTestId('history').locator('tbody tr');
    await expect.poll(() => runs.count()).toBe(2);
    const cells = async (i: number) => (await runs.nth(i).locator('td').allInnerTexts()).slice(3).map((x) => Number(x.replace(/\D/g, '')));
    expect(await cells(0)).toEqual([c2.created, c2.updated, c2.skipped, c2.failed]);
    expect(await runs.nth(1).innerText()).toContain(`(đã huỷ; chưa gửi: ${unsentRows})`);
    expect(await cells(1)).toEqual([created, updated, skipped - unsentRows, failed]);
    await ui.screenshot('6e-results-remaining-sent');
    await inEnglish(page, () => ui.screenshot('6e-results-remaining-sent-en'));

    // Then the failed rows once more, with OMI answering: the sandbox holds every valid row exactly once.
    if (c2.failed > 0) {
      await page.getByTestId('reimport').click();
      await expect.poll(() => harness.events.filter((e) => e.event === 'import:done').length, { timeout: 60_000 }).toBe(3);
      await page.getByTestId('see-results').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('finished-panel').getAttribute('data-kind')).toBe('done');
      await page.getByTestId('see-results').click();
      // The summary is this re-import's alone, and says so.
      expect(await page.getByTestId('run-label').innerText()).toMatch(/^Lần nhập lại lúc \d/);
      expect(await page.getByText('Các số dưới đây chỉ tính lần nhập lại này').count()).toBe(1);
      expect(await count('created')).toBe(c2.failed);
      await ui.screenshot('6f-results-reimported');
    }
    const contacts = await sandbox.contacts();
    const refIds = contacts.map((c) => c.ref_id);
    expect(new Set(refIds).size).toBe(refIds.length);
    expect(contacts).toHaveLength(valid);
    expect(ui.errors).toEqual([]);
  });
});
