/**
 * Ingest runs in the renderer's Web Worker: bundled for the browser (esbuild, platform browser, as Vite does), with
 * no Node Buffer or node: modules, it must load in a real Chromium worker and give exactly the Node answers for
 * workbooks, legacy-encoded names and Windows-1258 / UTF-16 text (the browser's own TextDecoder).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import { isUserError } from '../../shared/text';
import { writeFormatFixtures } from '../fixtures/formats';
import { writeMessyCsv, writeMessyWorkbook } from '../fixtures/messy';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'ingest-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function inNode(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(JSON.stringify(ingest(bytes, name)));
  } catch (e) {
    if (isUserError(e)) return { error: e.code, text: e.text };
    throw e;
  }
}

describe.skipIf(!existsSync(CHROMIUM))('shared/ingest in a browser Web Worker', () => {
  it('reads every fixture exactly as Node does', async () => {
    writeMessyWorkbook(join(dir, 'messy.xlsx'));
    writeMessyCsv(join(dir, 'messy-1258.csv'), { encoding: 'windows-1258' });
    const names = ['messy.xlsx', 'messy-1258.csv', ...writeFormatFixtures(dir).map((f) => f.file)];
    const files = names.map((name) => ({ name, bytes: Array.from(readFileSync(join(dir, name))) }));

    const out = await build({
      stdin: {
        contents: `import { ingest } from './shared/ingest';
          self.onmessage = (ev) => {
            const results = ev.data.map(({ name, bytes }) => {
              try { return JSON.parse(JSON.stringify(ingest(new Uint8Array(bytes), name))); }
              catch (e) { return e && e.code ? { error: e.code, text: e.text } : { crash: String(e && e.stack || e) }; }
            });
            self.postMessage({ results, hasBuffer: typeof Buffer !== 'undefined', hasProcess: typeof process !== 'undefined' });
          };`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent',
    });
    const code = out.outputFiles[0].text;
    expect(code).not.toMatch(/require\("(node:)?(fs|buffer|stream|path)"\)/);

    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><title>ingest worker</title>');
      const got = await page.evaluate(async ({ code, files }) => {
        const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        return await new Promise<{ results: unknown[]; hasBuffer: boolean; hasProcess: boolean }>((ok, fail) => {
          worker.onmessage = (ev) => ok(ev.data);
          worker.onerror = (ev) => fail(new Error(ev.message));
          worker.postMessage(files);
        });
      }, { code, files });
      expect(got.hasBuffer).toBe(false);
      expect(got.hasProcess).toBe(false);
      files.forEach((f, i) => expect(got.results[i], f.name).toEqual(inNode(new Uint8Array(f.bytes), f.name)));
    } finally {
      await browser.close();
    }
  });
});
