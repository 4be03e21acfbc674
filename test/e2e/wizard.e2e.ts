/**
 * The whole wizard in Debian's Chromium, through the browser harness (the built renderer + the real main-process
 * handlers) into a real omi-sandbox: load the messy workbook, accept the mapping, fix an error in the grid,
 * import, watch the progress, export the error report and read it back. Screenshots of each screen go to
 * test-results/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { MESSY_ROWS, writeMessyWorkbook } from '../fixtures/messy';
import { buildRenderer } from '../harness/build';
import { startHarness, type Harness } from '../harness/server';
import { openBrowser, type BrowserSession } from './browser';
import { flattenContact } from '../../shared/omi/flatten';

const FIXED_PHONE = '0903 111 222';
const rejectRow = MESSY_ROWS.find((r) => r.expect.outcome === 'reject')!;

describe('the import wizard, end to end', () => {
  let sandbox: SandboxHandle;
  let harness: Harness;
  let ui: BrowserSession;
  let tmp: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'omi-e2e-'));
    const [dir, sb] = await Promise.all([buildRenderer(), startSandbox()]);
    sandbox = sb;
    harness = await startHarness({ rendererDir: dir, sandbox: { url: sandbox.url, token: sandbox.token } });
    ui = await openBrowser(harness.url);
  });

  afterAll(async () => {
    await ui?.close();
    await harness?.close();
    await sandbox?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('takes the messy workbook from file to OMI and reports what did not make it', async () => {
    const { page } = ui;
    const workbook = join(tmp, 'Danh sách khách hàng.xlsx');
    writeMessyWorkbook(workbook);

    // 1 — Connection: the sandbox is the default on first start; testing it shows the account's fields and funnels.
    await page.getByTestId('test-connection').click();
    await page.getByTestId('connection-ok').waitFor();
    await page.getByTestId('funnels').waitFor();
    await ui.screenshot('1-connection');
    await page.getByTestId('next').click();

    // 2 — File: the dialog answers with the workbook; the contact sheet and its header row are found.
    harness.nextOpen(workbook);
    await page.getByTestId('open-dialog').click();
    await page.getByTestId('row-count').waitFor();
    await expect.poll(() => page.getByTestId('sheet').inputValue(), { timeout: 30_000 }).toMatch(/^Khách hàng/);
    await ui.screenshot('2-file');
    await page.getByTestId('next').click();

    // 3 — Mapping: accept the suggestions.
    await page.getByTestId('mapping-table').waitFor();
    await expect.poll(() => page.getByTestId('target-2').inputValue(), { timeout: 30_000 }).toMatch(/điện thoại/i);
    await ui.screenshot('3-mapping');
    await page.getByTestId('next').click();

    // 4 — Review: the row with no name, phone or email is an error; typing a phone into it fixes it.
    const grid = page.getByTestId('grid');
    await grid.locator('.grid-row[data-row]').first().waitFor();
    const invalidBadge = page.getByTestId('review-counts').locator('text=/dòng lỗi/');
    const invalidBefore = Number((await invalidBadge.innerText()).replace(/\D/g, ''));
    expect(invalidBefore).toBeGreaterThanOrEqual(1);
    await ui.screenshot('4-review');

    const phoneCell = grid.locator(`.grid-row[data-row="${rejectRow.sheetRow}"] .grid-cell[data-col="2"]`);
    await phoneCell.scrollIntoViewIfNeeded();
    await phoneCell.dblclick();
    await page.keyboard.type(FIXED_PHONE);
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number((await invalidBadge.innerText()).replace(/\D/g, '')), { timeout: 30_000 }).toBe(invalidBefore - 1);
    await ui.screenshot('4b-review-fixed');
    const validRows = Number((await page.getByTestId('review-counts').locator('text=/hợp lệ/').innerText()).replace(/\D/g, ''));
    await page.getByTestId('next').click();

    // 5 — Import: slow the sandbox down so the progress can be seen, send small chunks.
    await sandbox.faults({ latencyMs: 300 });
    await page.getByText('Nâng cao').click();
    await page.getByLabel('Số dòng mỗi lần gửi').fill('2');
    await page.getByLabel('Số lần gửi song song').fill('1');
    await page.getByTestId('next').click();
    await page.getByTestId('progress').waitFor();
    await expect.poll(() => page.getByTestId('progress').innerText(), { timeout: 30_000 }).toMatch(/[1-9]\d* \/ \d+ dòng/);
    await ui.screenshot('5-import');

    // 6 — Results: counts match what the sandbox holds; the error report lists the rows that did not go in.
    await page.getByTestId('count-created').waitFor({ timeout: 60_000 });
    await sandbox.faults({ latencyMs: 0 });
    const created = Number((await page.getByTestId('count-created').innerText()).replace(/\D/g, ''));
    expect(created).toBe(validRows);
    const contacts = (await sandbox.contacts()).map(flattenContact);
    expect(contacts).toHaveLength(validRows);
    expect(contacts.some((c) => (c.phones ?? []).some((p) => p.replace(/\D/g, '') === FIXED_PHONE.replace(/\D/g, '')))).toBe(true);
    await ui.screenshot('6-results');

    const reportPath = join(tmp, 'report.xlsx');
    harness.nextSave(reportPath);
    await page.getByTestId('export-report').click();
    await page.getByTestId('export-xlsx').click();
    await page.getByTestId('report-saved').waitFor();
    const report = XLSX.read(readFileSync(reportPath));
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(report.Sheets[report.SheetNames[0]]);
    const text = JSON.stringify(rows);
    const duplicate = MESSY_ROWS.find((r) => r.expect.outcome === 'duplicate')!;
    // The duplicate row is reported with its sheet row number; the fixed row is not (it was imported).
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(text).toContain(String(duplicate.sheetRow));
    expect(text).not.toContain(FIXED_PHONE.replace(/\s/g, ''));

    expect(ui.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
