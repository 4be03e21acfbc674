/**
 * An import interrupted part-way is offered at the next start and finishes without sending any row twice:
 * start importing the messy workbook into a slow sandbox, cancel it, restart the harness (the main-process
 * handlers) on the same data folder and a fresh browser, accept the offer, and count the contacts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMessyWorkbook } from '../fixtures/messy';
import { useAppSession } from './session';
import { connectAndContinue, openAndAcceptMapping, sendSlowly } from './flow';

describe('an interrupted import', () => {
  const app = useAppSession('omi-resume-', { ownUserData: true });

  it('is offered at the next start and completes without duplicates', async () => {
    const { sandbox, tmp } = app;
    const workbook = join(tmp, 'Khách hàng tháng 5.xlsx');
    writeMessyWorkbook(workbook);
    const page = app.ui.page;

    await connectAndContinue(page);
    const valid = await openAndAcceptMapping(page, app.harness, workbook);

    await sandbox.faults({ latencyMs: 400 });
    await sendSlowly(page);
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByTestId('progress').innerText(), { timeout: 60_000 }).toMatch(/[1-9]\d* \/ \d+ dòng/);
    // Closing the window while it runs asks first (beforeunload); the user stays.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    await page.getByTestId('cancel').click();
    await page.getByTestId('see-results').waitFor({ timeout: 60_000 });
    const landedBefore = (await sandbox.contacts()).length;
    expect(landedBefore).toBeGreaterThan(0);
    expect(landedBefore).toBeLessThan(valid);

    // "Next start": new main-process handlers on the same data folder, a new window.
    await sandbox.faults({ latencyMs: 0 });
    await app.restartHarness();
    const second = app.ui;
    const offer = second.page.getByTestId('pending-import');
    await offer.waitFor();
    expect(await offer.innerText()).toContain('Khách hàng tháng 5.xlsx');
    await second.screenshot('9-resume-offer');
    await offer.getByRole('button', { name: 'Nhập tiếp' }).click();
    await second.page.getByTestId('see-results').waitFor({ timeout: 120_000 });
    await second.screenshot('9b-resumed-done');

    expect(await sandbox.contacts()).toHaveLength(valid);
    await expect.poll(() => second.page.getByTestId('pending-import').count()).toBe(0);
    expect(second.errors).toEqual([]);
  });
});
