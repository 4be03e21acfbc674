/**
 * Review & clean, in Debian's Chromium through the browser harness: keep the original value of one automatically
 * changed cell (it is no longer marked in the grid, the cleaned CSV has the value as typed, the cell says why it will
 * be left out), undo that, then open the duplicate groups, choose "merge" and see the merged contact the import will
 * send, with the value that came from the other row marked. Screenshots (1366×768, light and dark) in test-results/.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { MESSY_ROWS, writeMessyWorkbook } from '../fixtures/messy';
import { RESULTS_DIR } from './browser';
import { useAppSession } from './session';
import { connectAndContinue, openToReview } from './flow';

const PHONE = 2;
const EMAIL = 3;
/** Sheet row 7: an old 11-digit mobile the app converts (0166… → 036…). */
const oldMobile = MESSY_ROWS.find((r) => /old 11-digit mobile/.test(r.why))!;
/** Sheet row 15 repeats row 4. */
const dup = MESSY_ROWS.find((r) => r.expect.outcome === 'duplicate')!;
const SECOND_EMAIL = 'an.nguyen@company.vn';

describe('review: keep the original value, and preview duplicate groups', () => {
  const app = useAppSession('omi-review-e2e-', { ownUserData: true });

  it('keeps one cell as typed, undoes it, and shows the merged contact of a duplicate group', async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'Danh sách khách hàng.xlsx');
    writeMessyWorkbook(workbook);

    await connectAndContinue(page);
    await openToReview(page, harness, workbook);

    const grid = page.getByTestId('grid');
    const cell = (row: number, col: number) => grid.locator(`.grid-row[data-row="${row}"] .grid-cell[data-col="${col}"]`);
    const phone = cell(oldMobile.sheetRow, PHONE);
    await phone.waitFor();
    await expect.poll(() => phone.getAttribute('class')).toMatch(/cell-changed/);
    await expect.poll(() => phone.innerText()).toBe(oldMobile.expect.phones![0]);

    // The row details list the conversion; "Keep the original" keeps this cell as typed.
    await phone.click();
    const line = page.getByTestId('row-details').locator('[data-testid="change-line"][data-code="phone.2018-conversion"]');
    await line.waitFor();
    await line.scrollIntoViewIfNeeded();
    await ui.screenshot('review-0-change-actions');
    await line.getByTestId('keep-original').click();
    await expect.poll(() => phone.innerText()).toBe('01662345678');
    await expect.poll(() => phone.getAttribute('class')).not.toMatch(/cell-changed/);
    // OMI refuses the 11-digit number: the cell is flagged and the details say it will be left out.
    expect(await phone.getAttribute('class')).toMatch(/cell-warning/);
    // Hovering it says it was kept as typed, and which automatic fix is off there.
    await phone.hover();
    await expect.poll(() => page.getByTestId('grid-tooltip').innerText(), { timeout: 10_000 }).toContain('Giữ nguyên như trong tệp, không tự sửa:');
    const details = page.getByTestId('row-details');
    await details.getByText(/giữ nguyên giá trị gốc theo lựa chọn của bạn.*không được nhập/).waitFor();
    await details.getByTestId('kept-line').waitFor();
    await ui.screenshot('review-1-kept-original');

    // "Clean only": the cleaned CSV has the number as typed; the rest of the file still got its changes.
    const cleanPath = join(RESULTS_DIR, 'review-clean.csv');
    const readClean = () => {
      const wb = XLSX.read(readFileSync(cleanPath), { type: 'buffer', raw: true });
      return XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets[wb.SheetNames[0]], { raw: false, defval: '' });
    };
    const cleanRows = async () => {
      // A fresh file each time: the "saved" line from the previous export is still on screen.
      rmSync(cleanPath, { force: true });
      harness.nextSave(cleanPath);
      await page.getByRole('button', { name: 'Chỉ xuất tệp sạch' }).click();
      await page.getByRole('menuitem', { name: /CSV/ }).click();
      await expect.poll(() => (existsSync(cleanPath) ? readClean().length : -1), { timeout: 30_000 }).toBe(MESSY_ROWS.length);
      return readClean();
    };
    let rows = await cleanRows();
    expect(rows.find((r) => r['STT'] === oldMobile.table[0])?.['SĐT']).toBe('01662345678');
    const other = MESSY_ROWS.find((r) => r !== oldMobile && /11-digit/.test(r.why))!;
    expect(rows.find((r) => r['STT'] === other.table[0])?.['SĐT']).toBe(other.expect.phones![0]);

    // Undo: converted and marked again, in the grid and in the file.
    await page.getByRole('button', { name: 'Hoàn tác (Ctrl+Z)' }).click();
    await expect.poll(() => phone.innerText()).toBe(oldMobile.expect.phones![0]);
    await expect.poll(() => phone.getAttribute('class')).toMatch(/cell-changed/);
    rows = await cleanRows();
    expect(rows.find((r) => r['STT'] === oldMobile.table[0])?.['SĐT']).toBe(oldMobile.expect.phones![0]);

    // A change the value cannot be sent without (+84 and spaces): no "keep", an editor on the cell as typed instead.
    const intl = MESSY_ROWS.find((r) => r.table[PHONE].startsWith('+84'))!;
    await cell(intl.sheetRow, PHONE).click();
    const formatLine = page.getByTestId('row-details').locator('[data-testid="change-line"][data-code="phone.format"]');
    expect(await formatLine.getByTestId('keep-original').count()).toBe(0);
    await formatLine.getByTestId('edit-cell').click();
    const editor = page.getByTestId('cell-editor').getByRole('textbox');
    await expect.poll(() => editor.inputValue()).toBe(intl.table[PHONE]);
    expect(await editor.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('cell-editor').waitFor({ state: 'detached' });

    // The repeated row gets a second email (typed in the grid), so merging has something to take from it.
    const dupEmail = cell(dup.sheetRow, EMAIL);
    await dupEmail.scrollIntoViewIfNeeded();
    await dupEmail.click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(SECOND_EMAIL);
    await page.keyboard.press('Enter');
    await expect.poll(() => dupEmail.innerText()).toBe(SECOND_EMAIL);

    // Duplicate groups: choose "merge", open the group, see the merged contact with both emails.
    await page.getByRole('button', { name: /Nhóm trùng/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('dup-group').first().waitFor();
    await drawer.getByLabel('Xử lý dòng trùng').click();
    await page.getByRole('option', { name: 'Gộp các dòng trùng' }).click();
    const group = drawer.locator(`[data-testid="dup-group"]`).filter({ hasText: String(dup.sheetRow) }).first();
    await group.getByTestId('dup-expand').click();
    const preview = drawer.locator('[data-testid="dup-preview"][data-policy="merge"]');
    await preview.waitFor();
    expect(await preview.locator('[data-testid="dup-member"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-row'), e.getAttribute('data-outcome')])))
      .toEqual([[String(dup.expect.duplicateOf), 'merged'], [String(dup.sheetRow), 'skipped']]);
    const mergedEmails = preview.locator('[data-testid="dup-merged"][data-field="emails"]');
    await expect.poll(() => mergedEmails.innerText()).toContain(dup.expect.emails![0]);
    expect(await mergedEmails.innerText()).toContain(SECOND_EMAIL);
    expect(await mergedEmails.locator(`[data-testid="dup-from"][data-from="${dup.sheetRow}"]`).innerText()).toContain(SECOND_EMAIL);
    await preview.getByTestId('dup-reason').waitFor();
    await ui.screenshot('review-2-duplicates-merge');

    // Another policy: the preview follows.
    await drawer.getByLabel('Xử lý dòng trùng').click();
    await page.getByRole('option', { name: 'Giữ dòng đầu tiên' }).click();
    await drawer.locator('[data-testid="dup-preview"][data-policy="keep-first"]').waitFor();
    expect(await drawer.locator('[data-testid="dup-merged-head"]').count()).toBe(0);

    await page.emulateMedia({ colorScheme: 'dark' });
    await drawer.getByLabel('Xử lý dòng trùng').click();
    await page.getByRole('option', { name: 'Gộp các dòng trùng' }).click();
    await drawer.locator('[data-testid="dup-preview"][data-policy="merge"] [data-testid="dup-from"]').first().waitFor();
    await ui.screenshot('review-3-duplicates-merge-dark');

    // Jump to the group's rows in the grid.
    await group.getByTestId('dup-show').click();
    await page.getByTestId('group-filter').waitFor();
    await expect.poll(() => grid.locator('.grid-row[data-row]').count()).toBe(2);
    await ui.screenshot('review-4-group-in-grid-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    expect(ui.errors).toEqual([]);
  });
});
