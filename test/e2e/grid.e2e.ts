/**
 * The review grid in Debian's Chromium on a 400-row workbook: the keyboard takes the active cell to the last row
 * and the last column (only the columns in view are drawn, and the grid follows), an edit far down and to the
 * right lands, and the grid's one tooltip gives the reasons of a cell — on hover, and for the active cell when
 * moving by keyboard (also as the cell's accessible description) — and hides while the grid scrolls. Column
 * headers and row numbers have the same tooltip (no `title`), by mouse and by keyboard (arrow up to the header row,
 * arrow left to the row numbers).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { generateCleanRows, MESSY_HEADERS, MESSY_ROWS, writeMessyWorkbook } from '../fixtures/messy';
import { useAppSession } from './session';
import { openToReview } from './flow';

const ROWS = 400;
const PHONE = 2;
const JOB = MESSY_HEADERS.indexOf('Chức vụ');
const LAST = MESSY_HEADERS.length - 1;
/** The rows the generator writes for ROWS (seeded): the file's content, to check the grid against. */
const generated = generateCleanRows(ROWS);
const lastRow = generated[ROWS - 1];
/** A row whose phone was written as a number (leading 0 lost): the app puts the 0 back and says so. */
const numberPhone = generated.find((r) => typeof r.cells[PHONE] === 'number')!;
/** A row the app finds to be the same contact as an earlier one (its row number says which). */
const dup = MESSY_ROWS.find((r) => r.expect.outcome === 'duplicate')!;
/** Longer than OMI's 255 characters for a job title: an error on that cell. */
const LONG_JOB = 'Trưởng phòng kinh doanh khu vực miền Nam '.repeat(8).trim();

describe('review grid: far cells by keyboard, and the reasons tooltip', () => {
  const app = useAppSession('omi-grid-e2e-', { ownUserData: true });

  it('reaches, edits and explains cells far down and to the right', async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'Khách hàng 400.xlsx');
    writeMessyWorkbook(workbook, { rows: ROWS });

    await page.getByTestId('next').click();
    await openToReview(page, harness, workbook);

    const grid = page.getByTestId('grid');
    const tip = page.getByTestId('grid-tooltip');
    const cell = (sheetRow: number, col: number) => grid.locator(`.grid-row[data-row="${sheetRow}"] .grid-cell[data-col="${col}"]`);
    const inView = async (l: Locator) => {
      const [g, c] = [await grid.boundingBox(), await l.boundingBox()];
      return !!g && !!c && c.x >= g.x && c.x + c.width <= g.x + g.width + 1 && c.y >= g.y && c.y + c.height <= g.y + g.height + 1;
    };

    // Hover a cell the app changed: the tooltip gives before → after and why, in Vietnamese.
    const phone = cell(numberPhone.sheetRow, PHONE);
    await phone.scrollIntoViewIfNeeded();
    await expect.poll(() => phone.getAttribute('class')).toMatch(/cell-changed/);
    expect(await phone.getAttribute('title')).toBeNull();
    await phone.hover();
    await tip.waitFor({ state: 'visible' });
    const changeText = await tip.innerText();
    expect(changeText).toContain('Ứng dụng đã sửa');
    expect(changeText).toContain(numberPhone.table[PHONE]);
    expect(changeText).toContain(numberPhone.expect.phones![0]);
    // Scrolling hides it (it is not drawn on scroll frames).
    await page.mouse.wheel(0, 300);
    await tip.waitFor({ state: 'hidden' });

    // Scrolling reuses the same row and cell elements (none added or removed), and every row drawn afterwards
    // shows its own row of the file.
    const added = await grid.evaluate(async (g) => {
      let nodes = 0;
      const watch = new MutationObserver((list) => { for (const m of list) nodes += m.addedNodes.length + m.removedNodes.length; });
      watch.observe(g.querySelector('.grid-body')!, { childList: true, subtree: true });
      g.scrollTop = 0;
      g.scrollLeft = 0;
      for (let i = 0; i < 40; i++) {
        g.scrollTop += 150;
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => setTimeout(r, 1000));
      watch.disconnect();
      return nodes;
    });
    expect(added).toBe(0);
    const drawn = await grid.locator('.grid-row[data-row]').evaluateAll((rows, job) => rows.map((r) => {
      const c = r.querySelector(`.grid-cell[data-col="${job}"]`);
      return [Number(r.getAttribute('data-row')), c?.textContent ?? null, c?.className ?? ''] as const;
    }), JOB);
    expect(drawn.length).toBeGreaterThan(5);
    for (const [sheetRow, text, className] of drawn) {
      const source = generated.find((r) => r.sheetRow === sheetRow)!;
      if (!/cell-changed/.test(className)) expect(text).toBe(source.table[JOB]);
    }
    expect(Math.min(...drawn.map(([n]) => n))).toBeGreaterThan(generated[150].sheetRow);

    // Keyboard: the first cell, then End → the last row and far right → the last column, each scrolled into view.
    await grid.evaluate((g) => { g.scrollTop = 0; g.scrollLeft = 0; });
    const first = cell(generated[0].sheetRow, 1);
    await first.click();
    await page.keyboard.press('End');
    for (let i = 1; i < LAST; i++) await page.keyboard.press('ArrowRight');
    const farRight = cell(lastRow.sheetRow, LAST);
    await expect.poll(() => farRight.getAttribute('class')).toMatch(/cell-active/);
    await expect.poll(() => inView(farRight)).toBe(true);
    expect(await farRight.innerText()).toBe(lastRow.table[LAST]);
    // Only the columns in view are drawn: the first column of that row is not in the page.
    expect(await cell(lastRow.sheetRow, 0).count()).toBe(0);
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(ROWS + 1));
    expect(await farRight.getAttribute('aria-colindex')).toBe(String(LAST + 2));

    // Back to the job title, edit it with a value OMI refuses (too long): the cell becomes an error.
    for (let i = LAST; i > JOB; i--) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const editor = grid.locator('input.grid-editor');
    await editor.waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(LONG_JOB);
    await page.keyboard.press('Enter');
    const job = cell(lastRow.sheetRow, JOB);
    await expect.poll(() => job.getAttribute('class'), { timeout: 30_000 }).toMatch(/cell-error/);
    expect(await job.innerText()).toBe(LONG_JOB);

    // Hovering the error cell shows the reason (scrolled into view first: a hover's own scroll cancels its delay).
    await job.scrollIntoViewIfNeeded();
    await job.hover();
    await tip.waitFor({ state: 'visible' });
    await expect.poll(() => tip.innerText()).toMatch(/Lỗi[\s\S]*Quá dài: \d+ ký tự, tối đa 255/);
    await ui.screenshot('grid-1-error-tooltip');

    // By keyboard: leaving the cell hides it, coming back shows it; the active cell is described by it.
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden' });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.innerText()).toMatch(/Quá dài/);
    const activeId = await grid.getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    const active = page.locator(`[id="${activeId}"]`);
    expect(await active.getAttribute('data-col')).toBe(String(JOB));
    expect(await active.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    await ui.screenshot('grid-2-keyboard-tooltip');

    // In English, the same reasons in English. The tooltip open while the language changes closes rather than
    // keep its Vietnamese words under an English screen.
    expect(await tip.isVisible()).toBe(true);
    await page.getByText('English', { exact: true }).click();
    await tip.waitFor({ state: 'hidden' });
    await job.hover();
    await tip.waitFor({ state: 'visible' });
    await expect.poll(() => tip.innerText()).toMatch(/Error[\s\S]*Too long: \d+ characters, at most 255/);

    // Home goes back to the first row (in view), Tab to the next column, Page Down a page further; Escape leaves
    // an edit without changing the cell.
    await grid.focus();
    await page.keyboard.press('Home');
    const top = cell(generated[0].sheetRow, JOB);
    await expect.poll(() => top.getAttribute('class')).toMatch(/cell-active/);
    await expect.poll(() => inView(top)).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => cell(generated[0].sheetRow, JOB + 1).getAttribute('class')).toMatch(/cell-active/);
    await page.keyboard.press('PageDown');
    const activeRow = grid.locator('.grid-row:has(.cell-active)');
    await expect.poll(async () => Number(await activeRow.getAttribute('data-row'))).toBeGreaterThan(generated[0].sheetRow + 4);
    const paged = cell(Number(await activeRow.getAttribute('data-row')), JOB + 1);
    const before = await paged.innerText();
    await page.keyboard.press('F2');
    await editor.waitFor();
    await page.keyboard.insertText(' đã sửa');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await paged.innerText()).toBe(before);
    await expect.poll(() => inView(paged)).toBe(true);

    expect(ui.errors).toEqual([]);
  });

  it('explains column headers and row numbers in the grid\'s tooltip, by mouse and by keyboard', async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'Danh sách khách hàng.xlsx');
    writeMessyWorkbook(workbook);
    // The first test left the app in English on the Review screen.
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('button', { name: /Tệp/ }).first().click();
    await openToReview(page, harness, workbook);

    const grid = page.getByTestId('grid');
    const tip = page.getByTestId('grid-tooltip');
    const dupRow = grid.locator(`.grid-row[data-row="${dup.sheetRow}"]`);
    await dupRow.waitFor();
    const index = await dupRow.getAttribute('data-index');
    const dupNumber = grid.locator(`.grid-gutter-num[data-index="${index}"]`);
    const nameHead = grid.locator('[data-head="1"]');
    const activeEl = async () => page.locator(`[id="${await grid.getAttribute('aria-activedescendant')}"]`);

    // No native tooltips left on the header or the row numbers.
    expect(await grid.locator('[title]').count()).toBe(0);

    // Hover: the column header says which OMI field the column goes to; a duplicate's number says which row it repeats.
    await nameHead.hover();
    await tip.waitFor({ state: 'visible' });
    expect(await tip.innerText()).toContain(`${MESSY_HEADERS[1]} → `);
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden' });
    // Scrolled into view first: scrolling hides the tooltip, and a hover's own scroll would cancel its delay.
    await dupNumber.scrollIntoViewIfNeeded();
    await dupNumber.hover();
    await tip.waitFor({ state: 'visible' });
    expect(await tip.innerText()).toBe(`trùng với dòng ${dup.expect.duplicateOf}`);
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden' });

    // Keyboard: left of the first cell is the row's number, the active cell for screen readers too (its row header).
    await dupRow.locator('.grid-cell[data-pos="1"]').click();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.innerText()).toBe(`trùng với dòng ${dup.expect.duplicateOf}`);
    await expect.poll(async () => (await activeEl()).getAttribute('role')).toBe('rowheader');
    expect(await (await activeEl()).textContent()).toBe(String(dup.sheetRow));
    expect(await dupNumber.getAttribute('class')).toMatch(/cell-active/);
    await ui.screenshot('grid-3-row-number-tooltip');

    // Up from the first row is the header row: the column's header and its target, also in English.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await activeEl()).getAttribute('data-head')).toBe('1');
    expect(await (await activeEl()).getAttribute('role')).toBe('columnheader');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.innerText()).toContain(`${MESSY_HEADERS[1]} → `);
    expect(await nameHead.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    await ui.screenshot('grid-4-header-tooltip');
    // Enter does not edit a header; down goes back to the first row.
    await page.keyboard.press('Enter');
    expect(await grid.locator('input.grid-editor').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await activeEl()).getAttribute('data-pos')).toBe('1');

    expect(ui.errors).toEqual([]);
  });
});
