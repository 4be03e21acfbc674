/**
 * The whole wizard in Debian's Chromium, through the browser harness (the built renderer + the real main-process
 * handlers) into a real omi-sandbox: load the messy workbook, accept the mapping, fix an error in the grid,
 * import, watch the progress, export the error report and read it back. Screenshots of each screen go to
 * test-results/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { MESSY_ROWS, writeMessyWorkbook } from '../fixtures/messy';
import { RESULTS_DIR } from './browser';
import { useAppSession } from './session';
import { flattenContact } from '../../shared/omi/flatten';
import { ERROR_REPORT_COLUMNS } from '../../shared/report/columns';

const FIXED_PHONE = '0903 111 222';
const rejectRow = MESSY_ROWS.find((r) => r.expect.outcome === 'reject')!;

describe('the import wizard, end to end', () => {
  const app = useAppSession('omi-e2e-', { sandbox: { args: ['--seed-random', '7'] } });

  it('takes the messy workbook from file to OMI and reports what did not make it', async () => {
    const { ui, sandbox, harness, tmp } = app;
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
    // The name column mixes three old encodings: the banner names each with its cells, not only the commonest.
    const nameBanner = await page.getByTestId('conversions').getByText(/Cột "Họ và tên"/).innerText();
    for (const e of ['VNI (', 'TCVN3 (ABC) (', '(Windows-1252) (']) expect(nameBanner).toContain(e);
    await ui.screenshot('2-file');
    await page.getByTestId('next').click();

    // 3 — Mapping: accept the suggestions.
    await page.getByTestId('mapping-table').waitFor();
    await expect.poll(() => page.getByTestId('target-2').inputValue(), { timeout: 30_000 }).toMatch(/điện thoại/i);
    await ui.screenshot('3-mapping');
    await page.getByLabel('Tên mẫu ghép cột').fill('Danh sách KH');
    await page.getByRole('button', { name: 'Lưu thành mẫu' }).click();
    await page.getByText('Đang dùng mẫu "Danh sách KH".').waitFor();
    await page.getByTestId('next').click();

    // 4 — Review: the row with no name, phone or email is an error; typing a phone into it fixes it.
    const grid = page.getByTestId('grid');
    await grid.locator('.grid-row[data-row]').first().waitFor();
    const invalidBadge = page.getByTestId('review-counts').locator('text=/dòng lỗi/');
    const invalidBefore = Number((await invalidBadge.innerText()).replace(/\D/g, ''));
    expect(invalidBefore).toBeGreaterThanOrEqual(1);
    await ui.screenshot('4-review');

    // By keyboard: select the row's name cell, move right to the phone, Enter to edit, type, Enter to save.
    const nameCell = grid.locator(`.grid-row[data-row="${rejectRow.sheetRow}"] .grid-cell[data-col="1"]`);
    await nameCell.scrollIntoViewIfNeeded();
    await nameCell.click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.type(FIXED_PHONE);
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number((await invalidBadge.innerText()).replace(/\D/g, '')), { timeout: 30_000 }).toBe(invalidBefore - 1);
    await ui.screenshot('4b-review-fixed');

    // "Clean only": the cleaned table as CSV, every row, the automatic changes applied, the edit kept.
    const cleanPath = join(RESULTS_DIR, 'clean.csv');
    harness.nextSave(cleanPath);
    await page.getByRole('button', { name: 'Chỉ xuất tệp sạch' }).click();
    await page.getByRole('menuitem', { name: /CSV/ }).click();
    await page.getByTestId('clean-saved').waitFor();
    const clean = XLSX.read(readFileSync(cleanPath), { type: 'buffer', raw: true });
    const cleanRows = XLSX.utils.sheet_to_json<Record<string, string>>(clean.Sheets[clean.SheetNames[0]], { raw: false, defval: '' });
    expect(cleanRows).toHaveLength(MESSY_ROWS.length);
    expect(cleanRows.find((r) => r['STT'] === rejectRow.table[0])?.['SĐT']).toBe(FIXED_PHONE.replace(/\s/g, ''));
    const plusRow = MESSY_ROWS.find((r) => r.table[2].startsWith('+84'))!;
    expect(cleanRows.find((r) => r['STT'] === plusRow.table[0])?.['SĐT']).toBe(plusRow.expect.phones![0]);
    const validRows = Number((await page.getByTestId('review-counts').locator('text=/hợp lệ/').innerText()).replace(/\D/g, ''));
    await page.getByTestId('next').click();

    // 5 — Import: the sandbox refuses about half of the calls (non-9999 status) and retries are off, so some rows
    // fail while the others land; small chunks and a little latency make the progress visible.
    await sandbox.faults({ latencyMs: 150, statusCodeRate: 0.5 });
    await page.getByText('Nâng cao').click();
    await page.getByLabel('Số dòng mỗi lần gửi').fill('2');
    await page.getByLabel('Số lần gửi song song').fill('1');
    await page.getByLabel('Số lần thử lại').fill('0');
    await page.getByTestId('next').click();
    await page.getByTestId('progress').waitFor();
    await expect.poll(() => page.getByTestId('progress').innerText(), { timeout: 60_000 }).toMatch(/[1-9]\d* \/ \d+ dòng/);
    await ui.screenshot('5-import');
    await page.getByTestId('see-results').waitFor({ timeout: 120_000 });
    await page.getByTestId('failures').waitFor();
    await ui.screenshot('5b-import-done');
    await page.getByTestId('see-results').click();
    await sandbox.faults({ latencyMs: 0, statusCodeRate: 0 });

    // 6 — Results: created + failed = the valid rows; the sandbox holds exactly the created ones.
    const count = async (id: string) => Number((await page.getByTestId(`count-${id}`).innerText()).replace(/\D/g, ''));
    const created = await count('created');
    const failed = await count('failed');
    expect(failed).toBeGreaterThan(0);
    expect(created + failed).toBe(validRows);
    await page.getByTestId('failure-chart').waitFor();
    await ui.screenshot('6-results');
    // A row can fail after its contact was created (e.g. its custom fields could not be written): never more
    // contacts than valid rows, never fewer than those reported created.
    const landed = (await sandbox.contacts()).length;
    expect(landed).toBeGreaterThanOrEqual(created);
    expect(landed).toBeLessThanOrEqual(validRows);

    // The error report: exactly the failed rows, in the file's own columns, with status and reasons in both languages.
    const reportPath = join(RESULTS_DIR, 'error-report.xlsx');
    harness.nextSave(reportPath);
    await page.getByTestId('export-report').click();
    await page.getByTestId('export-xlsx').click();
    await page.getByTestId('report-saved').waitFor();
    const report = XLSX.read(readFileSync(reportPath));
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(report.Sheets[report.SheetNames[0]], { raw: false, defval: '' });
    expect(rows).toHaveLength(failed);
    const names = new Set(MESSY_ROWS.map((r) => r.table[1]));
    for (const row of rows) {
      expect(row[ERROR_REPORT_COLUMNS.status]).toMatch(/Lỗi khi nhập/);
      expect(row[ERROR_REPORT_COLUMNS.reason]).not.toBe('');
      expect(row[ERROR_REPORT_COLUMNS.reasonEn]).not.toBe('');
      expect(names.has(row['Họ và tên']) || row['SĐT'] === FIXED_PHONE).toBe(true);
    }

    // Re-importing the failed rows with the faults gone lands every valid row, the fixed one included.
    await page.getByTestId('reimport').click();
    await page.getByTestId('see-results').click({ timeout: 120_000 });
    expect(await count('created')).toBe(failed);
    expect(await count('failed')).toBe(0);
    const contacts = (await sandbox.contacts()).map(flattenContact);
    expect(contacts).toHaveLength(validRows);
    expect(contacts.some((c) => (c.phones ?? []).some((p) => p.replace(/\D/g, '') === FIXED_PHONE.replace(/\D/g, '')))).toBe(true);
    await page.getByTestId('history').waitFor();
    expect(await page.getByTestId('history').locator('tbody tr').count()).toBe(2);

    // Dark mode follows the OS, and the whole app switches to English.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Import results').waitFor();
    await ui.screenshot('7-results-dark-en');
    await page.getByRole('button', { name: /Review/ }).first().click();
    await page.getByTestId('grid').waitFor();
    await ui.screenshot('7b-review-dark-en');

    // Opening a file with the same headers again proposes the saved mapping template.
    await page.getByRole('button', { name: /File/ }).first().click();
    harness.nextOpen(workbook);
    await page.getByTestId('open-dialog').click();
    await page.getByTestId('row-count').waitFor();
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByTestId('template-proposal').innerText(), { timeout: 30_000 }).toContain('Danh sách KH');
    await ui.screenshot('8-mapping-template-dark-en');

    expect(ui.errors).toEqual([]);
  });
});
