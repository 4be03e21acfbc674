/**
 * Steps of the wizard that several browser tests walk the same way, written once.
 */
import type { Page } from 'playwright-core';
import type { Harness } from '../harness/server';

/** On the Connection screen: tests the sandbox connection (the account's fields and funnels load) and goes on. */
export async function connectAndContinue(page: Page): Promise<void> {
  await page.getByTestId('test-connection').click();
  await page.getByTestId('connection-ok').waitFor();
  await page.getByTestId('next').click();
}

/** From the File screen: opens `workbook` through the (test-answered) file dialog and goes on to the Mapping screen. */
export async function openToMapping(page: Page, harness: Harness, workbook: string): Promise<void> {
  harness.nextOpen(workbook);
  await page.getByTestId('open-dialog').click();
  await page.getByTestId('row-count').waitFor();
  await page.getByTestId('next').click();
  await page.getByTestId('mapping-table').waitFor();
}

/** From the File screen: opens `workbook`, accepts the suggested mapping and waits for the Review grid's first row. */
export async function openToReview(page: Page, harness: Harness, workbook: string): Promise<void> {
  await openToMapping(page, harness, workbook);
  await page.getByTestId('next').click();
  await page.locator('[data-testid="grid"] .grid-row[data-row]').first().waitFor();
}

/**
 * From the File screen: opens `workbook` through the (test-answered) file dialog, accepts the suggested mapping,
 * and leaves the Review screen for Import. Returns how many rows Review counted as valid.
 */
export async function openAndAcceptMapping(page: Page, harness: Harness, workbook: string): Promise<number> {
  await openToReview(page, harness, workbook);
  const valid = Number((await page.getByTestId('review-counts').locator('text=/hợp lệ/').innerText()).replace(/\D/g, ''));
  await page.getByTestId('next').click();
  return valid;
}

/** On the Import screen: small chunks, one at a time (so a test can act while the import is under way). */
export async function sendSlowly(page: Page, chunkSize = 2): Promise<void> {
  await page.getByText('Nâng cao').click();
  await page.getByLabel('Số dòng mỗi lần gửi').fill(String(chunkSize));
  await page.getByLabel('Số lần gửi song song').fill('1');
}
