/**
 * Review → Find and replace, made safe, in Debian's Chromium at 1366×768 on the real messy workbook: the popover
 * takes the column of the cell the user is on, matches whole cells by default, and says how many cells in which
 * columns would change before anything changes ("Nam" inside names and emails too when the option is off; nothing
 * for "Năm"). Replacing "Nam" → "Male" in the gender column leaves names and emails untouched, the row details
 * show the edit (before → after), the Back / Import bar stays in the window, and one undo restores every cell.
 * Then, under the Errors filter, fixing the last error keeps the row in view and says there are no errors left;
 * last, the English wording of the count.
 * Screenshots in test-results/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSY_ROWS, writeMessyWorkbook } from '../fixtures/messy';
import { useAppSession } from './session';
import { connectAndContinue, openToReview } from './flow';

const NAME = 1;
const PHONE = 2;
const EMAIL = 3;
const GENDER = 4;
const HEADERS: Record<number, string> = { [NAME]: 'Họ và tên', [EMAIL]: 'Email', [GENDER]: 'Giới tính' };
/** Expected from the fixture itself: cells whose whole text is "nam" (any case), and cells that contain it. */
const wholeNam = MESSY_ROWS.filter((r) => r.table[GENDER].trim().toLowerCase() === 'nam');
const insideNam = (col: number) => MESSY_ROWS.filter((r) => r.table[col].toLowerCase().includes('nam')).length;
const namRow = MESSY_ROWS.find((r) => r.table[NAME] === 'Nguyễn Văn Nam')!;
const first = wholeNam[0];
const noIdentity = MESSY_ROWS.find((r) => r.expect.outcome === 'reject')!;

describe('review: find & replace says what it will change and changes only whole cells', () => {
  const app = useAppSession('omi-find-replace-e2e-');

  it('previews the count per column, replaces "Nam" in the gender column only, undoes it; a fixed last error stays in view', async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'Danh sách khách hàng.xlsx');
    writeMessyWorkbook(workbook);
    expect(wholeNam.length).toBeGreaterThan(2);
    expect(insideNam(NAME)).toBeGreaterThan(0);
    expect(insideNam(EMAIL)).toBeGreaterThan(0);

    await connectAndContinue(page);
    await openToReview(page, harness, workbook);

    const grid = page.getByTestId('grid');
    const cell = (row: number, col: number) => grid.locator(`.grid-row[data-row="${row}"] .grid-cell[data-col="${col}"]`);
    await cell(namRow.sheetRow, NAME).waitFor();
    const nameBefore = await cell(namRow.sheetRow, NAME).innerText();
    const emailBefore = await cell(namRow.sheetRow, EMAIL).innerText();
    expect(nameBefore).toBe('Nguyễn Văn Nam');
    expect(emailBefore.toLowerCase()).toContain('nam');
    const genders = async () => Promise.all(wholeNam.filter((r) => r.sheetRow <= 12).map((r) => cell(r.sheetRow, GENDER).innerText()));
    const gendersBefore = await genders();

    // The user is on a gender cell: the popover looks in that column, whole cells only.
    await cell(first.sheetRow, GENDER).click();
    await page.getByTestId('find-replace').click();
    const panel = page.getByTestId('find-replace-panel');
    await panel.waitFor();
    expect(await panel.getByLabel('Trong cột', { exact: true }).first().inputValue()).toBe('Giới tính');
    expect(await panel.getByRole('checkbox', { name: 'Chỉ khớp cả ô' }).isChecked()).toBe(true);
    await panel.getByRole('textbox', { name: 'Tìm', exact: true }).fill('Nam');
    await panel.getByRole('textbox', { name: 'Thay bằng' }).fill('Male');
    const count = panel.getByTestId('replace-count');
    const apply = panel.getByTestId('replace-apply');
    const n = wholeNam.length;
    await expect.poll(() => count.innerText()).toBe(`Sẽ thay ${n} ô trong 1 cột: Giới tính (${n}).`);
    expect(await apply.innerText()).toBe(`Thay ${n} ô`);

    // In every column, inside cells: the preview shows the names and emails it would damage, before anything changes.
    await panel.getByLabel('Trong cột', { exact: true }).first().click();
    await panel.getByRole('option', { name: 'Mọi cột' }).click();
    await expect.poll(() => count.innerText()).toBe(`Sẽ thay ${n} ô trong 1 cột: Giới tính (${n}).`);
    await panel.getByRole('checkbox', { name: 'Chỉ khớp cả ô' }).uncheck();
    const cols = [NAME, EMAIL, GENDER].map((c) => ({ c, k: insideNam(c) }));
    const total = cols.reduce((a, x) => a + x.k, 0);
    await expect.poll(() => count.innerText()).toBe(`Sẽ thay ${total} ô trong 3 cột: ${cols.map((x) => `${HEADERS[x.c]} (${x.k})`).join(', ')}.`);
    expect(await apply.innerText()).toBe(`Thay ${total} ô`);
    await ui.screenshot('find-replace-0-inside-cells-preview');
    expect(await cell(namRow.sheetRow, NAME).innerText()).toBe(nameBefore);

    // Diacritics count: "Năm" matches nothing, and nothing can be replaced.
    await panel.getByRole('textbox', { name: 'Tìm', exact: true }).fill('Năm');
    await expect.poll(() => count.innerText()).toBe('Không có ô nào khớp, sẽ không thay gì.');
    expect(await apply.isDisabled()).toBe(true);

    // Back to whole cells in the gender column, and replace.
    await panel.getByRole('textbox', { name: 'Tìm', exact: true }).fill('Nam');
    await panel.getByRole('checkbox', { name: 'Chỉ khớp cả ô' }).check();
    await panel.getByLabel('Trong cột', { exact: true }).first().click();
    await panel.getByRole('option', { name: 'Giới tính' }).click();
    await expect.poll(() => count.innerText()).toBe(`Sẽ thay ${n} ô trong 1 cột: Giới tính (${n}).`);
    await ui.screenshot('find-replace-1-whole-cell-preview');
    await apply.click();
    await panel.waitFor({ state: 'hidden' });

    await expect.poll(() => page.getByTestId('touched').innerText()).toBe(`Đã sửa ${n} ô. Nhấn Ctrl+Z nếu muốn hoàn tác.`);
    await expect.poll(genders).toEqual(gendersBefore.map(() => 'Male'));
    expect(await cell(first.sheetRow, GENDER).getAttribute('class')).toMatch(/cell-edited/);
    expect(await cell(namRow.sheetRow, NAME).innerText()).toBe(nameBefore);
    expect(await cell(namRow.sheetRow, EMAIL).innerText()).toBe(emailBefore);
    // The row details follow: the active row's gender was edited, Nam → Male.
    const edited = page.getByTestId('row-details').locator(`[data-testid="edited-line"][data-column="${GENDER}"]`);
    await expect.poll(() => edited.innerText()).toMatch(new RegExp(`Giới tính: ${first.table[GENDER]}\\s*→\\s*Male`));
    // The message line did not push the Back / Import bar out of the 768-px window.
    const next = await page.getByTestId('next').boundingBox();
    expect(next).not.toBeNull();
    expect(next!.y).toBeGreaterThanOrEqual(0);
    expect(next!.y + next!.height).toBeLessThanOrEqual(768);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
    await ui.screenshot('find-replace-2-replaced');

    // One undo restores every replaced cell.
    await page.getByRole('button', { name: 'Hoàn tác (Ctrl+Z)' }).click();
    await expect.poll(genders).toEqual(gendersBefore);
    expect(await cell(first.sheetRow, GENDER).getAttribute('class')).not.toMatch(/cell-edited/);

    // Errors filter: fix the one row with an error; it stays in view, and the screen says the import can go on.
    await page.getByTestId('filters').getByText('Lỗi (1)').click();
    const phone = cell(noIdentity.sheetRow, PHONE);
    await phone.waitFor();
    await phone.click();
    await page.keyboard.press('Enter');
    await grid.locator('input.grid-editor').waitFor();
    await page.keyboard.insertText('0903 111 222');
    await page.keyboard.press('Enter');
    const done = page.getByTestId('no-errors-left');
    await done.waitFor();
    expect(await done.innerText()).toContain('Không còn lỗi — bạn có thể nhập ngay.');
    expect(await phone.innerText()).toBe('0903 111 222');
    expect(await page.getByText('Không có dòng nào theo bộ lọc này.').count()).toBe(0);
    const valid = MESSY_ROWS.filter((r) => r.expect.outcome === 'import').length + 1;
    expect(await done.getByRole('button', { name: `Nhập ${valid} dòng hợp lệ` }).isEnabled()).toBe(true);
    await ui.screenshot('find-replace-3-no-errors-left');
    await done.getByRole('button', { name: 'Xem mọi dòng' }).click();
    await done.waitFor({ state: 'hidden' });

    // In English: the count's plural forms, and the cell the user is on (a phone cell) gives the column: no match there.
    await page.getByText('English', { exact: true }).click();
    await page.getByTestId('find-replace').click();
    await panel.waitFor();
    expect(await panel.getByLabel('In column', { exact: true }).first().inputValue()).toBe('SĐT');
    await panel.getByRole('textbox', { name: 'Find', exact: true }).fill('Nam');
    await expect.poll(() => count.innerText()).toBe('No cell matches, so nothing will be replaced.');
    expect(await apply.isDisabled()).toBe(true);
    await panel.getByLabel('In column', { exact: true }).first().click();
    await panel.getByRole('option', { name: 'All columns' }).click();
    await expect.poll(() => count.innerText()).toBe(`Will replace ${n} cells in 1 column: Giới tính (${n}).`);
    expect(await apply.innerText()).toBe(`Replace ${n} cells`);
    await ui.screenshot('find-replace-4-en');
    expect(ui.errors).toEqual([]);
  });
});
