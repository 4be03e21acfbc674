/**
 * What the File and Mapping screens left over, seen in Debian's Chromium through the browser harness: a file that
 * failed to open leaves "Recent files" (a good one stays); the "not a spreadsheet" error and the drop zone name the
 * same formats (the ones the reader opens); the template-name box has a visible label; inputs and selects get the
 * 2 px focus ring on every screen (here the duplicate policy select in the Review drawer); the duplicate groups
 * drawer in both languages and schemes (screenshots).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedFormats } from '../../shared/ingest/formats';
import { writeMessyWorkbook } from '../fixtures/messy';
import { connectAndContinue } from './flow';
import { useAppSession } from './session';

describe('File screen leftovers, the template label, focus rings', () => {
  const app = useAppSession('omi-file-leftovers-e2e-');

  it('drops a file that failed to open from Recent files, and names the same formats everywhere', async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const good = join(tmp, 'Danh sách khách hàng.xlsx');
    writeMessyWorkbook(good);
    const bad = join(tmp, 'Báo cáo quý.pdf');
    writeFileSync(bad, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

    await connectAndContinue(page);
    const dropzone = page.getByTestId('dropzone');
    expect(await page.getByTestId('formats').innerText()).toBe(acceptedFormats.vi);
    const recent = page.getByText('Tệp gần đây').locator('..');

    harness.nextOpen(good);
    await page.getByTestId('open-dialog').click();
    await page.getByTestId('row-count').waitFor();
    await expect.poll(() => recent.innerText()).toContain('Danh sách khách hàng.xlsx');

    harness.nextOpen(bad);
    await page.getByTestId('open-dialog').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Báo cáo quý.pdf' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain(acceptedFormats.vi);
    expect(await recent.innerText()).not.toContain('Báo cáo quý.pdf');
    expect(await recent.innerText()).toContain('Danh sách khách hàng.xlsx');
    // Going back to the screen (the list read again from the main process) does not bring it back.
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await page.getByTestId('next').click();
    await dropzone.waitFor();
    await expect.poll(() => recent.innerText()).toContain('Danh sách khách hàng.xlsx');
    expect(await recent.innerText()).not.toContain('Báo cáo quý.pdf');
    await ui.screenshot('file-leftovers-1-unopenable-vi');

    await page.getByText('English', { exact: true }).click();
    expect(await page.getByTestId('formats').innerText()).toBe(acceptedFormats.en);
    await ui.screenshot('file-leftovers-2-unopenable-en');
    await page.getByText('Tiếng Việt', { exact: true }).click();

    // Open the good file again: the Mapping screen's template-name box is labelled on screen, not only by a placeholder.
    await page.getByText('Danh sách khách hàng.xlsx').click();
    await page.getByTestId('row-count').waitFor();
    await page.getByTestId('next').click();
    await page.getByTestId('mapping-table').waitFor();
    const name = page.getByLabel('Tên mẫu ghép cột');
    expect(await name.getAttribute('placeholder')).toBe('VD: Danh sách hội chợ');
    expect(await page.locator('label', { hasText: 'Tên mẫu ghép cột' }).isVisible()).toBe(true);
    await ui.screenshot('file-leftovers-3-template-label-vi');

    // Review: the duplicate groups drawer, and the ring on its select (the ring is no longer File/Mapping only).
    await page.getByTestId('next').click();
    await page.locator('[data-testid="grid"] .grid-row[data-row]').first().waitFor();
    await page.getByRole('button', { name: /Nhóm trùng/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('dup-title').first().waitFor();
    expect(await drawer.getByTestId('dup-title').allInnerTexts()).toEqual(['Cùng số điện thoại 0912 345 678 và email an.nguyen@gmail.com']);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5000 });
    await ui.screenshot('file-leftovers-4-dup-groups-vi');
    const policy = drawer.getByLabel('Xử lý dòng trùng');
    await policy.focus();
    const ring = await policy.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: s.outlineWidth };
    });
    expect(ring).toEqual({ style: 'solid', width: '2px' });
    await ui.screenshot('file-leftovers-5-select-ring-vi');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    // English, dark: the same group in words.
    await page.getByText('English', { exact: true }).click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: /Duplicate groups/ }).click();
    await expect.poll(() => page.getByRole('dialog').getByTestId('dup-title').allInnerTexts()).toEqual(['Same phone 0912 345 678 and email an.nguyen@gmail.com']);
    // The drawer slides in: photograph it once it has stopped.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5000 });
    await ui.screenshot('file-leftovers-6-dup-groups-en-dark');
  });
});
