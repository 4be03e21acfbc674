/**
 * Dropping a second file while the first, big one is still being read whole, in Debian's Chromium through the
 * browser harness: the second file is handled at once (the first read is abandoned, never waited for), and nothing
 * of the first file (its sheet, columns, mapping, rows, undo history) shows up with the second one. Then a file
 * mapped by hand and edited in the grid, followed by another: the next one starts with its own suggested mapping,
 * its own rows, no edits and nothing to undo.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSY_ROWS, writeMessyWorkbook } from '../fixtures/messy';
import { writeLines } from '../fixtures/write-lines';
import { useAppSession } from './session';
import { connectAndContinue, openToMapping } from './flow';
import { dropFile } from './measure';

/** Big enough that reading it whole keeps the worker busy for seconds (shared with perf.e2e.ts's cache). */
const BIG_ROWS = 100_000;
const SMALL_HEADERS = ['Tên khách', 'Di động', 'Thư điện tử'];
const SMALL_ROWS = [
  ['Lê Thị Hoa', '0987654321', 'hoa.le@gmail.com'],
  ['Trần Minh Đức', '0912000111', 'duc.tran@gmail.com'],
  ['Phan Văn Khải', '0903222333', 'khai.phan@yahoo.com'],
];

/** The generated big workbook, kept between runs like perf.e2e.ts's (same folder and name). */
function bigWorkbook(): string {
  const dir = join(tmpdir(), 'omi-importer-e2e-files');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `khach-hang-${BIG_ROWS}.xlsx`);
  if (!existsSync(file)) {
    const part = `${file}.part-${process.pid}`;
    writeMessyWorkbook(part, { rows: BIG_ROWS, bookType: 'xlsx' });
    renameSync(part, file);
  }
  return file;
}

describe('a second file dropped while the first is being read', () => {
  const app = useAppSession('omi-second-file-e2e-');

  it('shows the second file at once, and nothing of the first', { timeout: 300_000 }, async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const big = bigWorkbook();
    const small = join(tmp, 'khach-moi.csv');
    writeLines(small, '\uFEFF' + SMALL_HEADERS.join(',') + '\r\n', SMALL_ROWS.length, (i) => SMALL_ROWS[i].join(',') + '\r\n');
    const fileUrl = (path: string) => `${harness.url}__test/file?path=${encodeURIComponent(path)}`;
    const wholeReads = () => page.evaluate(() => performance.getEntriesByName('omi:whole-read').map((m) => (m as PerformanceMark).detail as string));

    await connectAndContinue(page);

    // The big file: its first rows are shown, then the Mapping screen starts reading it whole.
    await dropFile(page, fileUrl(big), 'khach-hang-lon.xlsx');
    await expect.poll(() => page.getByTestId('row-count').innerText(), { timeout: 120_000 }).toMatch(/đang đếm/);
    await page.locator('[data-testid="next"]:not([disabled])').click();
    await page.getByTestId('mapping-table').waitFor({ timeout: 120_000 });
    await page.getByTestId('reading-whole').waitFor();
    // The big file's mapping (more columns than the small file has).
    expect(await page.locator('[data-testid="mapping-table"] tr[data-column]').count()).toBeGreaterThan(SMALL_HEADERS.length);

    // Back to the File screen while it is still being read, and the small file dropped instead.
    await page.getByRole('button', { name: 'Quay lại', exact: true }).click();
    await page.getByTestId('dropzone').waitFor();
    await dropFile(page, fileUrl(small), 'khach-moi.csv');
    await expect.poll(() => page.getByTestId('row-count').innerText(), { timeout: 60_000 }).toBe(`${SMALL_ROWS.length} dòng dữ liệu`);
    // The big file's whole read never came back before the small file was shown (it was abandoned, not waited for).
    expect(await wholeReads()).not.toContain('khach-hang-lon.xlsx');
    // Its own details: its text encoding, in words.
    expect(await page.getByTestId('text-encoding').innerText()).toBe('Bảng mã: Unicode (UTF-8)');
    await ui.screenshot('second-file-1-file');

    // Its mapping: the small file's three columns only.
    await page.locator('[data-testid="next"]:not([disabled])').click();
    await page.getByTestId('mapping-table').waitFor();
    await expect.poll(() => page.locator('[data-testid="mapping-table"] tr[data-column]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-column'))))
      .toEqual(SMALL_HEADERS);
    await expect.poll(() => page.getByText(/khach-moi\.csv/).count()).toBeGreaterThan(0);
    expect(await page.getByText(/khach-hang-lon/).count()).toBe(0);
    expect(await page.getByTestId('reading-whole').count()).toBe(0);
    await ui.screenshot('second-file-2-mapping');

    // Its rows, and no history of the big file to undo.
    await page.getByTestId('next').click();
    const grid = page.getByTestId('grid');
    await grid.locator('.grid-row[data-row]').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => grid.locator('.grid-row[data-row]').count()).toBe(SMALL_ROWS.length);
    expect(await page.getByRole('button', { name: 'Hoàn tác (Ctrl+Z)' }).isDisabled()).toBe(true);
    expect(await grid.innerText()).toContain(SMALL_ROWS[1][0]);
    // And still nothing from the big file's read, now that the small one has been checked.
    expect(await wholeReads()).not.toContain('khach-hang-lon.xlsx');
    expect(ui.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });

  it('starts the next file clean after one was mapped by hand and edited in the grid', { timeout: 180_000 }, async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const first = join(tmp, 'Danh sách khách hàng.xlsx');
    writeMessyWorkbook(first);
    const second = join(tmp, 'khach-moi-2.csv');
    writeLines(second, '\uFEFF' + SMALL_HEADERS.join(',') + '\r\n', SMALL_ROWS.length, (i) => SMALL_ROWS[i].join(',') + '\r\n');
    const back = () => page.getByRole('button', { name: 'Quay lại', exact: true }).click();
    const undo = page.getByRole('button', { name: 'Hoàn tác (Ctrl+Z)' });

    // The first file: its 'Ghi chú' column mapped by hand to the job title, one name typed over in the grid.
    await page.getByRole('button', { name: /Tệp/ }).first().click();
    await openToMapping(page, harness, first);
    const noteTarget = page.locator('[data-testid="mapping-table"] tr[data-column="Ghi chú"] [role="combobox"]');
    const choose = async (column: string, search: string) => {
      const target = page.locator(`[data-testid="mapping-table"] tr[data-column="${column}"] [role="combobox"]`);
      await target.focus();
      await page.keyboard.type(search);
      await page.getByRole('listbox').getByRole('option').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await expect.poll(() => target.inputValue()).toContain(search);
    };
    await choose('Chức vụ', 'Bỏ qua');
    await choose('Ghi chú', 'Chức vụ');
    expect(await noteTarget.inputValue()).toMatch(/^Chức vụ/);
    await page.getByTestId('next').click();
    const grid = page.getByTestId('grid');
    const row = MESSY_ROWS[0];
    const nameCell = grid.locator(`.grid-row[data-row="${row.sheetRow}"] .grid-cell[data-col="1"]`);
    await nameCell.click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Tên Đã Sửa');
    await page.keyboard.press('Enter');
    await expect.poll(() => nameCell.innerText()).toBe('Tên Đã Sửa');
    await expect.poll(() => undo.isDisabled()).toBe(false);

    // Back to the File screen, and the second file opened from the dialog.
    await back();
    await page.getByTestId('mapping-table').waitFor({ timeout: 60_000 });
    await back();
    harness.nextOpen(second);
    await page.getByTestId('open-dialog').click();
    await expect.poll(() => page.getByTestId('row-count').innerText()).toBe(`${SMALL_ROWS.length} dòng dữ liệu`);

    // Its own suggested mapping (nothing chosen by hand), its own rows, nothing edited and nothing to undo.
    await page.getByTestId('next').click();
    await page.getByTestId('mapping-table').waitFor();
    await expect.poll(() => page.locator('[data-testid="mapping-table"] tr[data-column]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-column'))))
      .toEqual(SMALL_HEADERS);
    expect(await page.getByTestId('mapping-table').innerText()).not.toMatch(/Đã chọn/);
    await page.getByTestId('next').click();
    await expect.poll(() => grid.locator('.grid-row[data-row]').count(), { timeout: 60_000 }).toBe(SMALL_ROWS.length);
    expect(await grid.innerText()).not.toContain('Tên Đã Sửa');
    expect(await grid.locator('.cell-edited').count()).toBe(0);
    expect(await undo.isDisabled()).toBe(true);
    await ui.screenshot('second-file-3-review-clean');
  });
});
