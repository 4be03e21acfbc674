/**
 * The File and Mapping screens as an office worker meets them on a 1366×768 laptop, in Vietnamese and English,
 * light and dark (screenshots test-results/look-*.png): every control reached with Tab shows a visible focus ring
 * (inputs included, not only a border turning teal), the file's first rows can be scrolled from the keyboard, what
 * was converted from an old encoding is said once (with its switch), the row count says it counts data rows, and
 * the Mapping screen's buttons are on screen without scrolling and a custom field says in words what it takes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MESSY_ROWS, writeMessyWorkbook } from '../fixtures/messy';
import { useAppSession } from './session';
import { connectAndContinue } from './flow';

/** What has focus after one more Tab, and whether it is drawn with a ring (an outline at least 2 px wide). */
async function tab(page: Page): Promise<{ name: string; ring: boolean }> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    const labelled = el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.labels?.[0]?.textContent?.trim() : undefined;
    const name = el.getAttribute('aria-label') || labelled || el.textContent?.trim() || el.getAttribute('placeholder') || el.tagName;
    return { name: name.slice(0, 60), ring: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
  });
}

/** Tabs from the current focus until `until` has focus (at most `max` presses); every stop is returned. */
async function tabUntil(page: Page, until: RegExp, max = 60): Promise<{ name: string; ring: boolean }[]> {
  const stops: { name: string; ring: boolean }[] = [];
  for (let i = 0; i < max; i++) {
    const s = await tab(page);
    stops.push(s);
    if (until.test(s.name)) return stops;
  }
  throw new Error(`Tab never reached ${until}: ${stops.map((s) => s.name).join(' → ')}`);
}

describe('File and Mapping screens at 1366×768', () => {
  const app = useAppSession('omi-look-e2e-');

  it('reaches every control by keyboard with a visible ring, and says each thing once', async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'Danh sách khách hàng.xlsx');
    writeMessyWorkbook(workbook);
    await connectAndContinue(page);
    const rows = MESSY_ROWS.length;
    // Opened once: the File screen keeps showing it when the user comes back from Mapping.
    harness.nextOpen(workbook);
    await page.getByTestId('open-dialog').click();

    for (const lang of ['vi', 'en'] as const) {
      const vi = lang === 'vi';
      await page.getByText(vi ? 'Tiếng Việt' : 'English', { exact: true }).click();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const count = page.getByTestId('row-count');
        await expect.poll(() => count.innerText()).toBe(vi ? `${rows} dòng dữ liệu` : `${rows} data rows`);

        // The conversions are listed once, with their switches, and named with their cells.
        const conversions = page.getByTestId('conversions');
        expect(await conversions.innerText()).toContain(vi ? 'VNI (2 ô)' : 'VNI (2 cells)');
        // … and what to do about them.
        expect(await conversions.innerText()).toContain(vi ? 'hãy tắt chuyển đổi cho cột đó' : 'turn its conversion off');
        const notes = await page.getByTestId('read-notes').innerText();
        expect(notes).not.toMatch(vi ? /Cột "Họ và tên"/ : /Column "Họ và tên"/);
        expect(notes).toMatch(vi ? /dòng trống/ : /empty row/);
        await ui.screenshot(`look-file-${lang}-${scheme}`);

        // By keyboard from "Choose file": the sheet, the header row, the picker, the switches, the first rows.
        await page.getByTestId('open-dialog').focus();
        const fileStops = await tabUntil(page, vi ? /^Các dòng đầu của tệp$/ : /^First rows of the file$/);
        const fileNames = fileStops.map((s) => s.name);
        for (const want of vi ? [/^Trang tính/, /^Dòng tiêu đề/, /Chọn dòng tiêu đề/, /Chuyển bảng mã cho cột Họ và tên/] : [/^Sheet/, /^Header row/, /Pick the header row/, /Convert the encoding of column Họ và tên/]) {
          expect(fileNames.some((n) => want.test(n)), `${want} in ${fileNames.join(' → ')}`).toBe(true);
        }
        expect(fileStops.filter((s) => !s.ring), `stops without a focus ring in ${fileNames.join(' → ')}`).toEqual([]);
        // The first rows scroll from the keyboard (to the columns past the right edge).
        const viewport = page.getByRole('region', { name: vi ? 'Các dòng đầu của tệp' : 'First rows of the file' });
        for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
        await expect.poll(() => viewport.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
        await ui.screenshot(`look-file-focus-${lang}-${scheme}`);

        // Mapping: every column's target (and the phone / email kind) reached with a ring; the buttons on screen.
        await page.getByTestId('next').click();
        await page.getByTestId('mapping-table').waitFor();
        await ui.screenshot(`look-mapping-${lang}-${scheme}`);
        // A custom field says what it takes in words, not as its layout type ("date").
        const birth = page.locator('[data-testid="mapping-table"] tr[data-column="Ngày sinh"]');
        await expect.poll(() => birth.innerText()).toContain(vi ? 'Ngày (ngày/tháng/năm)' : 'Date (day/month/year)');
        expect(await birth.locator('td').last().innerText()).not.toMatch(/\bdate\b/);
        const next = page.getByTestId('next');
        const box = (await next.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(768);
        await page.getByRole('button', { name: vi ? 'Lưu thành mẫu' : 'Save as template' }).focus();
        const mapStops = await tabUntil(page, vi ? /cho cột Ngày sinh$/ : /for column Ngày sinh$/);
        expect(mapStops.filter((s) => /cho cột|for column/.test(s.name)).length).toBeGreaterThanOrEqual(11);
        expect(mapStops.filter((s) => !s.ring), 'stops without a focus ring').toEqual([]);
        await ui.screenshot(`look-mapping-focus-${lang}-${scheme}`);
        await page.getByRole('button', { name: vi ? 'Quay lại' : 'Back', exact: true }).click();
      }
    }
  });
});
