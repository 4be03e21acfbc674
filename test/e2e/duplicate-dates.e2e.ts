/**
 * Dates in the duplicate-group preview, in Debian's Chromium through the browser harness: a birth date (a date
 * attribute of the account) is listed day first, as the grid shows the same cell (12/04/1985), never as the
 * YYYY-MM-DD sent to OMI — for each row and for the merged contact, in Vietnamese and in English; and a choice
 * attribute by its option's label (Facebook), not the code sent (facebook). The repeated contact is one group, titled
 * in words in each language.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSY_ROWS, writeMessyWorkbook } from '../fixtures/messy';
import { useAppSession } from './session';
import { connectAndContinue, openToReview } from './flow';

/** Sheet row 15 repeats row 4, whose birth date is an Excel date cell. */
const dup = MESSY_ROWS.find((r) => r.expect.outcome === 'duplicate')!;
const first = MESSY_ROWS.find((r) => r.sheetRow === dup.expect.duplicateOf)!;
const BIRTH = 10;
const FIELD = 'dynamic:ngay_sinh';
/** A choice attribute: sent as its option's code (facebook), read as its label (Facebook). */
const SOURCE = 'dynamic:nguon_khach';

describe('duplicate preview: dates as the user reads them', () => {
  const app = useAppSession('omi-dup-dates-e2e-');

  it('lists the birth date day first, like the grid, in both languages', async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'Danh sách khách hàng.xlsx');
    writeMessyWorkbook(workbook);
    const sent = first.expect.birthDate!;
    const typed = first.table[BIRTH];
    expect(sent).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await connectAndContinue(page);
    await openToReview(page, harness, workbook);
    const grid = page.getByTestId('grid');
    const gridCell = grid.locator(`.grid-row[data-row="${first.sheetRow}"] .grid-cell[data-col="${BIRTH}"]`);
    // The columns are virtualized: scroll to the last one (the birth date).
    await grid.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await gridCell.waitFor({ state: 'attached' });
    // The grid shows the cell as the file has it.
    expect(await gridCell.textContent()).toBe(typed);

    // The repeated contact is one group (not one per shared value), titled in words, never `phone:0912345678`.
    const titles = (drawer: ReturnType<typeof page.getByRole>) => drawer.getByTestId('dup-title').allInnerTexts();
    const openGroup = async (groupsButton: RegExp, title: string) => {
      await page.getByRole('button', { name: groupsButton }).click();
      const drawer = page.getByRole('dialog');
      await expect.poll(() => titles(drawer)).toEqual([title]);
      expect(await drawer.getByTestId('dup-group').first().innerText()).toContain(`${first.sheetRow}, ${dup.sheetRow}`);
      const group = drawer.locator('[data-testid="dup-group"]').filter({ hasText: String(dup.sheetRow) }).first();
      const expand = group.getByTestId('dup-expand');
      await expand.waitFor();
      // The drawer remembers the group it had open.
      if (await expand.getAttribute('aria-expanded') !== 'true') await expand.click();
      return drawer;
    };
    const memberCells = (drawer: ReturnType<typeof page.getByRole>) =>
      drawer.locator(`[data-testid="dup-preview"] [data-testid="dup-field"][data-field="${FIELD}"] td`).allInnerTexts();

    // Vietnamese, keep the first row: row 4's birth date as in the grid.
    let drawer = await openGroup(/Nhóm trùng/, 'Cùng số điện thoại 0912 345 678 và email an.nguyen@gmail.com');
    await drawer.locator('[data-testid="dup-preview"][data-policy="keep-first"]').waitFor();
    await expect.poll(() => memberCells(drawer)).toContain(typed);
    expect((await memberCells(drawer)).join('|')).not.toContain(sent);

    // Merge: the merged contact too.
    await drawer.getByLabel('Xử lý dòng trùng').click();
    await page.getByRole('option', { name: 'Gộp các dòng trùng' }).click();
    await drawer.locator('[data-testid="dup-preview"][data-policy="merge"]').waitFor();
    const merged = drawer.locator(`[data-testid="dup-merged"][data-field="${FIELD}"]`);
    await expect.poll(() => merged.innerText()).toBe(typed);
    const source = drawer.locator(`[data-testid="dup-merged"][data-field="${SOURCE}"]`);
    expect(first.expect.source).toBe('Facebook');
    expect(await source.innerText()).toBe(first.expect.source);
    await ui.screenshot('dup-dates-1-merge-vi');

    // English: the same day-first date (as the grid shows it there too).
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('English', { exact: true }).click();
    expect(await gridCell.textContent()).toBe(typed);
    drawer = await openGroup(/Duplicate groups/, 'Same phone 0912 345 678 and email an.nguyen@gmail.com');
    await drawer.locator('[data-testid="dup-preview"][data-policy="merge"]').waitFor();
    await expect.poll(() => merged.innerText()).toBe(typed);
    expect((await memberCells(drawer)).join('|')).toContain(typed);
    expect((await memberCells(drawer)).join('|')).not.toContain(sent);
    await ui.screenshot('dup-dates-2-merge-en');
  });
});
