/**
 * The cleaning core runs in the renderer's Web Worker: bundled for the browser (esbuild, platform browser, as Vite
 * does) it must load in real Chromium and give the same answers as in Node — libphonenumber-js's "max" metadata
 * included.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cleanPhones } from '../../shared/clean/phone';
import { cleanEmails } from '../../shared/clean/email';
import { cleanName } from '../../shared/clean/name';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLES = ['0912 345 678 / 0987.654.321', '+84 168 912 3456', '04 3826 1234', '+65 9123 4567', '12345', '0283823456'];

describe.skipIf(!existsSync(CHROMIUM))('shared/clean in a browser bundle', () => {
  it('loads in Chromium and cleans exactly as in Node', async () => {
    const out = await build({
      stdin: {
        contents: `import { cleanPhones } from './shared/clean/phone'; import { cleanEmails } from './shared/clean/email';
          import { cleanName } from './shared/clean/name'; globalThis.clean = { cleanPhones, cleanEmails, cleanName };`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent',
    });
    const code = out.outputFiles[0].text;
    expect(code).not.toMatch(/require\("node:/);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!doctype html><title>bundle</title>');
      await page.addScriptTag({ content: code });
      const got = await page.evaluate((samples) => {
        const c = (globalThis as unknown as { clean: { cleanPhones: (s: string) => unknown; cleanEmails: (s: string) => unknown; cleanName: (s: string) => unknown } }).clean;
        return { phones: samples.map((s) => c.cleanPhones(s)), email: c.cleanEmails(' Lan@Gmial.com '), name: c.cleanName('NGUYỄN thị ánh') };
      }, SAMPLES);
      expect(errors).toEqual([]);
      expect(got.phones).toEqual(SAMPLES.map((s) => cleanPhones(s)));
      expect(got.email).toEqual(cleanEmails(' Lan@Gmial.com '));
      expect(got.name).toEqual(cleanName('NGUYỄN thị ánh'));
      expect((got.phones[1] as { value: string[] }).value).toEqual(['0389123456']);
    } finally {
      await browser.close();
    }
  });
});
