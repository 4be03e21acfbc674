/**
 * An import interrupted part-way is offered at the next start and finishes without sending any row twice:
 * start importing the messy workbook into a slow sandbox, cancel it, restart the harness (the main-process
 * handlers) on the same data folder and a fresh browser, accept the offer, and count the contacts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { writeMessyWorkbook } from '../fixtures/messy';
import { buildRenderer } from '../harness/build';
import { startHarness, type Harness } from '../harness/server';
import { openBrowser, type BrowserSession } from './browser';
import { openAndAcceptMapping, sendSlowly } from './flow';

describe('an interrupted import', () => {
  let sandbox: SandboxHandle;
  let rendererDir: string;
  let tmp: string;
  const open: { harness?: Harness; ui?: BrowserSession }[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'omi-resume-'));
    [rendererDir, sandbox] = await Promise.all([buildRenderer(), startSandbox()]);
  });

  afterAll(async () => {
    for (const o of open) {
      await o.ui?.close();
      await o.harness?.close();
    }
    await sandbox?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function start() {
    const harness = await startHarness({ rendererDir, sandbox: { url: sandbox.url, token: sandbox.token }, userDataDir: join(tmp, 'userData') });
    const ui = await openBrowser(harness.url);
    open.push({ harness, ui });
    return { harness, ui };
  }

  it('is offered at the next start and completes without duplicates', async () => {
    const workbook = join(tmp, 'Khách hàng tháng 5.xlsx');
    writeMessyWorkbook(workbook);
    const first = await start();
    const page = first.ui.page;

    await page.getByTestId('test-connection').click();
    await page.getByTestId('connection-ok').waitFor();
    await page.getByTestId('next').click();
    const valid = await openAndAcceptMapping(page, first.harness, workbook);

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
    await first.ui.close();
    await first.harness.close();
    open.length = 0;
    await sandbox.faults({ latencyMs: 0 });
    const second = await start();
    const offer = second.ui.page.getByTestId('pending-import');
    await offer.waitFor();
    expect(await offer.innerText()).toContain('Khách hàng tháng 5.xlsx');
    await second.ui.screenshot('9-resume-offer');
    await offer.getByRole('button', { name: 'Nhập tiếp' }).click();
    await second.ui.page.getByTestId('see-results').waitFor({ timeout: 120_000 });
    await second.ui.screenshot('9b-resumed-done');

    expect(await sandbox.contacts()).toHaveLength(valid);
    await expect.poll(() => second.ui.page.getByTestId('pending-import').count()).toBe(0);
    expect(second.ui.errors).toEqual([]);
  });
});
