/**
 * The wizard shell and the Connection screen as an office worker reads them, at 1366×768 in Vietnamese and English,
 * light and dark (test-results/wording/*.png): a custom field's type in words (not "date" / "select") and no
 * field-code column; a funnel status says how many sub-statuses it has; "Continue without testing" is the secondary
 * button and "Save and test" the primary one; a disabled button stays visible in dark mode; counts read "1 sub-status",
 * never "(s)" or "1 rows"; while an import runs the time left is in words ("Còn khoảng 12 giây", not "0:12"); and the
 * offer to resume an interrupted import is as wide as the screen below it; Results says how long it took in words.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { writeMessyWorkbook } from '../fixtures/messy';
import { RESULTS_DIR } from './browser';
import { useAppSession } from './session';
import { connectAndContinue, openAndAcceptMapping, sendSlowly } from './flow';

type Lang = 'vi' | 'en';
const I18N_DIR = resolve(import.meta.dirname, '../../renderer/src/i18n');
const words = (lang: Lang) => JSON.parse(readFileSync(join(I18N_DIR, `${lang}.json`), 'utf8')) as { mapping: { attrKind: Record<string, string> } };

async function setLang(page: Page, lang: Lang) {
  await page.locator(`input[type="radio"][value="${lang}"]`).first().evaluate((e) => (e as HTMLInputElement).click());
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Contrast ratio (WCAG) between an element's background and the nearest opaque background behind it. */
function contrastWithBehind(el: Element): number {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const opaque = (e: Element | null): number[] => {
    for (let p = e; p; p = p.parentElement) {
      const c = rgb(getComputedStyle(p).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const lum = ([r, g, b]: number[]) => {
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const [a, b] = [lum(opaque(el)), lum(opaque(el.parentElement))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

describe('the wizard shell and the Connection screen in words', () => {
  const app = useAppSession('omi-wording-', { ownUserData: true });

  it('Connection: types in words, no code column, sub-statuses counted, testing is the main button, disabled buttons visible in dark', async () => {
    mkdirSync(join(RESULTS_DIR, 'wording'), { recursive: true });
    const { page } = app.ui;
    await page.getByTestId('test-connection').waitFor();
    // Not tested yet: going on is allowed, but "Save and test" is the filled button and "Continue without testing" is not.
    expect(await page.getByTestId('test-connection').getAttribute('data-variant')).toBe('filled');
    expect(await page.getByTestId('next').getAttribute('data-variant')).toBe('default');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(250);
      await app.ui.screenshot(`wording/01-connection-untested-vi-${scheme}`);
    }

    // An account with no token yet: "Save and test" waits for one, and in dark mode it still stands out from its card.
    await page.getByTestId('mode-account').click();
    await page.getByLabel('Địa chỉ API').fill(app.sandbox.url);
    const testButton = page.getByTestId('test-connection');
    expect(await testButton.isDisabled()).toBe(true);
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(250);
      await app.ui.screenshot(`wording/02-connection-disabled-test-${scheme}`);
      // Mantine's own dark disabled fill is the card's colour (ratio 1.0): the button was all but invisible.
      expect(await testButton.evaluate(contrastWithBehind), scheme).toBeGreaterThan(1.15);
    }
    await page.getByTestId('mode-sandbox').click();

    await page.getByTestId('test-connection').click();
    await page.getByTestId('connection-ok').waitFor();
    await page.getByTestId('funnels').waitFor();
    expect(await page.getByTestId('next').getAttribute('data-variant')).toBe('filled');
    expect(await page.getByTestId('test-connection').getAttribute('data-variant')).toBe('light');

    for (const lang of ['vi', 'en'] as const) {
      await setLang(page, lang);
      const kinds = words(lang).mapping.attrKind;
      const attributes = page.getByTestId('attributes');
      // Two columns, name and type; the sandbox's "date" and "select" fields in words, the select's choices listed.
      expect(await attributes.locator('thead th').count()).toBe(2);
      const typeCells = await attributes.locator('tbody td[data-kind]').allInnerTexts();
      expect(typeCells.map((c) => c.split('\n')[0].trim())).toEqual([kinds.date, kinds.choice]);
      expect(typeCells[1]).toContain('Facebook, Sự kiện');
      const table = await attributes.innerText();
      expect(table).not.toMatch(/\b(date|select)\b/);
      expect(table).not.toContain('ngay_sinh');
      // The field code is still there for whoever sets up the account: on hover.
      expect(await attributes.locator('tbody td[title]').first().getAttribute('title')).toContain('ngay_sinh');

      // "1. Mới" has one sub-status ("Chưa gọi"): said in words, singular in English, no bare "(1)".
      const badges = await page.getByTestId('funnel-status').allInnerTexts();
      expect(badges[0]).toBe(lang === 'vi' ? '1. Mới · 1 trạng thái con' : '1. Mới · 1 sub-status');
      expect(badges[1]).toBe('2. Đang chăm sóc');
      expect(await page.getByTestId('funnels').innerText()).toContain(lang === 'vi' ? 'số thứ tự' : 'its order');

      const screen = await page.locator('main').innerText();
      expect(screen).not.toMatch(/\(s\)|\b1 (rows|cells|columns|fields|sub-statuses)\b/);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForTimeout(250);
        await app.ui.screenshot(`wording/03-connection-tested-${lang}-${scheme}`);
      }
    }
    await page.getByTestId('funnel-status').first().hover();
    await page.getByText('1.1 Chưa gọi').waitFor();
    await app.ui.screenshot('wording/04-connection-substatus-hover-en-dark');
    await setLang(page, 'vi');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(app.ui.errors).toEqual([]);
  });

  it('an import under way gives its time left in words; the offer to resume it is as wide as the screen below', async () => {
    const { sandbox, tmp } = app;
    const workbook = join(tmp, 'Khách hàng tháng 6.xlsx');
    writeMessyWorkbook(workbook);
    const { page } = app.ui;
    await connectAndContinue(page);
    await openAndAcceptMapping(page, app.harness, workbook);

    await sandbox.faults({ latencyMs: 400 });
    await sendSlowly(page);
    await page.getByTestId('next').click();
    const progress = page.getByTestId('progress');
    await expect.poll(() => progress.innerText(), { timeout: 60_000 }).toMatch(/Còn khoảng \d+ (giây|phút)/);
    expect(await progress.innerText()).not.toMatch(/\d:\d\d/);
    await app.ui.screenshot('wording/05-import-time-left-vi-light');
    await page.getByTestId('cancel').click();
    await page.getByTestId('see-results').waitFor({ timeout: 60_000 });
    await sandbox.faults({ latencyMs: 0 });

    // The next start: the offer sits above the Connection screen, exactly as wide.
    await app.restartHarness();
    const next = app.ui.page;
    const offer = next.getByTestId('pending-import');
    await offer.waitFor();
    await next.getByTestId('test-connection').waitFor();
    for (const [lang, scheme] of [['vi', 'light'], ['en', 'dark']] as const) {
      await setLang(next, lang);
      await next.emulateMedia({ colorScheme: scheme });
      await next.waitForTimeout(250);
      const boxes = await next.evaluate(() => {
        const main = document.querySelector('main')!;
        const box = (e: Element) => { const r = e.getBoundingClientRect(); return { left: Math.round(r.left), width: Math.round(r.width) }; };
        return { offer: box(document.querySelector('[data-testid="pending-import"]')!), screen: box(main.children[main.children.length - 1]) };
      });
      expect(boxes.screen.width).toBeLessThan(1366 - 100);
      expect(boxes.offer).toEqual(boxes.screen);
      if (lang === 'en') expect(await offer.innerText()).not.toMatch(/\(s\)|\b1 rows\b/);
      await app.ui.screenshot(`wording/06-resume-offer-${lang}-${scheme}`);
    }

    // Taken up again, it finishes; Results says how long it took in words ("Hoàn tất trong 3 giây" or "< 1 giây", not "0:03").
    await setLang(next, 'vi');
    await next.emulateMedia({ colorScheme: 'light' });
    await offer.getByRole('button', { name: 'Nhập tiếp' }).click();
    await next.getByTestId('see-results').click({ timeout: 120_000 });
    const took = next.getByText(/^Hoàn tất trong /);
    await took.waitFor();
    expect(await took.innerText()).toMatch(/^Hoàn tất trong (< )?\d+ (giây|phút)/);
    expect(await took.innerText()).not.toMatch(/\d:\d\d/);
    await app.ui.screenshot('wording/07-results-duration-vi-light');
    expect(app.ui.errors).toEqual([]);
  });
});
