/**
 * The mapping screen's target picker: at rest a plain field showing the chosen target (the searchable list is
 * mounted only when a row's picker is opened), reachable and usable from the keyboard alone — Tab to it, type to
 * search, Enter to choose; Enter or a click opens the whole grouped list.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMessyWorkbook } from '../fixtures/messy';
import { useAppSession } from './session';
import { connectAndContinue, openToMapping } from './flow';

describe('the mapping target picker', () => {
  const app = useAppSession('omi-picker-');

  it('shows each chosen target without a list, and changes one from the keyboard and by clicking', async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'Khách hàng.xlsx');
    writeMessyWorkbook(workbook);
    // The account's custom fields and funnels join the list once the connection has been tested.
    await connectAndContinue(page);
    await openToMapping(page, harness, workbook);

    // At rest: every row shows its target, and no option list is in the page.
    const phone = page.getByTestId('target-2');
    await expect.poll(() => phone.inputValue(), { timeout: 30_000 }).toBe('Số điện thoại');
    expect(await page.getByRole('listbox').count()).toBe(0);

    // Keyboard: Tab from the previous field lands on it; typing searches; Enter chooses.
    const previous = page.getByTestId('target-1');
    await previous.focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('target-2');
    await page.keyboard.type('Ghi ch');
    const list = page.getByRole('listbox');
    await list.waitFor();
    await expect.poll(() => list.getByRole('option').allInnerTexts()).toEqual(['Ghi chú']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => phone.inputValue()).toBe('Ghi chú');
    // Leaving the field puts it back at rest, showing the new choice.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
    expect(await phone.inputValue()).toBe('Ghi chú');
    await ui.screenshot('3b-mapping-picker-keyboard');

    // Enter on a resting field opens the whole grouped list; a click on an option chooses it.
    await phone.focus();
    await page.keyboard.press('Enter');
    await list.waitFor();
    expect(await list.innerText()).toMatch(/Thông tin liên hệ[\s\S]*Trường tuỳ chỉnh[\s\S]*Phễu trạng thái/);
    await ui.screenshot('3c-mapping-picker-open');
    await list.getByRole('option', { name: 'Số điện thoại', exact: true }).click();
    await expect.poll(() => phone.inputValue()).toBe('Số điện thoại');
    expect(ui.errors).toEqual([]);
  });
});
