/**
 * The Import screen between the last progress event (bar full, "done") and the result: main is still settling
 * the import (journal, history), so the screen must not offer to start the same rows again, and says it is
 * finishing. The harness holds import:done back so that moment can be looked at; released, the result shows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMessyWorkbook } from '../fixtures/messy';
import { useAppSession } from './session';
import { openAndAcceptMapping } from './flow';

describe('an import that is finishing', () => {
  const app = useAppSession('omi-finishing-');

  it('offers no Start between the last progress and the result, says it is finishing, and asks before closing', async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'Khách hàng.xlsx');
    writeMessyWorkbook(workbook);
    await page.getByTestId('next').click();
    const valid = await openAndAcceptMapping(page, harness, workbook);
    const start = page.getByTestId('next');
    await expect.poll(() => start.innerText()).toContain(`Bắt đầu nhập ${valid} dòng`);

    const release = harness.hold('import:done');
    await start.click();
    // The last progress event arrived: every row settled, the bar full, the state "done".
    await expect.poll(() => page.getByTestId('progress').innerText(), { timeout: 60_000 }).toContain(`${valid} / ${valid} dòng`);
    await expect.poll(() => page.getByTestId('import-state').innerText()).toBe('Hoàn tất');
    await page.getByTestId('finishing').waitFor();
    expect(await page.getByTestId('finishing').innerText()).toContain('Đang hoàn tất: đang ghi báo cáo');
    expect(await page.getByTestId('next').count()).toBe(0);
    expect(await page.getByTestId('mode').count()).toBe(0);
    expect(await page.getByTestId('see-results').count()).toBe(0);
    await expect.poll(() => harness.events.some((e) => e.event === 'import:done')).toBe(true);
    await ui.screenshot('5c-import-finishing');
    // Closing the window now still asks first: the report is not written yet.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');

    // The result arrives: "see results", still no Start.
    release();
    await page.getByTestId('see-results').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('finishing').count()).toBe(0);
    expect(await page.getByTestId('next').count()).toBe(0);
    expect(ui.errors).toEqual([]);
  });
});
