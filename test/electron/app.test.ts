/**
 * Tests that need a real Electron binary (Playwright's `_electron`). The binary is fetched on first start,
 * which build machines without internet cannot do: there these tests say so in one line and are skipped.
 */
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';

const electronDir = join(process.cwd(), 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
const available = binary !== null && existsSync(binary) && existsSync(join(process.cwd(), 'out', 'main', 'index.js'));

if (!available) {
  console.log('electron: the Electron binary (or the electron-vite build in out/) is not on this machine; window tests skipped');
}

describe.skipIf(!available)('the app window (real Electron)', () => {
  it('opens sandboxed, isolated and without Node in the renderer', async () => {
    const { _electron } = await import('playwright-core');
    const app = await _electron.launch({
      executablePath: binary!,
      args: ['.'],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0', XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'omi-e-')) },
    });
    try {
      const page = await app.firstWindow();
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as unknown as { omi: { request: unknown } }).omi.request)).toBe('function');
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0];
        const p = (w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
        return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
      });
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      const opened = await page.evaluate(() => (globalThis as unknown as { open(u: string): unknown }).open('https://example.com') === null);
      expect(opened).toBe(true);
    } finally {
      await app.close();
    }
  });
});
