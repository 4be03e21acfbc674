/**
 * Debian's Chromium driven by playwright-core: headless, no sandbox (containers), background networking off,
 * a fresh profile per launch, a 1366×768 window (the users' laptops).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots and perf.json; OMI_RESULTS_DIR gives a run its own folder (runs side by side never overwrite each other's). */
export const RESULTS_DIR = resolve(process.env.OMI_RESULTS_DIR ?? resolve(import.meta.dirname, '../../test-results'));

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (a test may assert none). */
  errors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openBrowser(url: string, opts: { colorScheme?: 'light' | 'dark'; locale?: string } = {}): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`apt-get install -y chromium\` (see .ci/run).`);
  // launch() gives every browser a fresh temporary profile of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme: opts.colorScheme ?? 'light', locale: opts.locale ?? 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    browser, context, page, errors,
    async screenshot(name) {
      const path = join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await browser.close();
    },
  };
}
