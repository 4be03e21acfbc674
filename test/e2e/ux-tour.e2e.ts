/**
 * A user's-eye walk of the whole wizard on a 1366×768 laptop: Connection (sandbox, a refused address, a wrong token)
 * → File (a file that is not a spreadsheet, then the messy workbook) → Mapping → Review (errors, a fix, filters,
 * find & replace, undo, duplicate groups) → Import (progress, pause, resume, cancel) → Results (report, re-import,
 * history). Every state is photographed in Vietnamese and English, light and dark (test-results/ux/*.png), and
 * checked in each: no raw translation key on screen, nothing wider than the window, the review grid's headers over
 * their columns, no console error. What a person should look at but a test cannot judge (cut-off text, text of the
 * other language, controls without a visible focus mark) is written to test-results/ux/findings.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MESSY_ROWS, writeMessyWorkbook } from '../fixtures/messy';
import { RESULTS_DIR } from './browser';
import { useAppSession } from './session';

const UX_DIR = join(RESULTS_DIR, 'ux');
const I18N_DIR = resolve(import.meta.dirname, '../../renderer/src/i18n');
/** Every translation key ("review.filter.errors"): one seen on screen means a t() call without a translation. */
const KEYS = flatKeys(JSON.parse(readFileSync(join(I18N_DIR, 'vi.json'), 'utf8')) as Record<string, unknown>);
const rejectRow = MESSY_ROWS.find((r) => r.expect.outcome === 'reject')!;
const dup = MESSY_ROWS.find((r) => r.expect.outcome === 'duplicate')!;

function flatKeys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flatKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

type Lang = 'vi' | 'en';
type Scheme = 'light' | 'dark';
/** Every state in Vietnamese light and English dark; the first look at each screen in all four. */
const TWO: [Lang, Scheme][] = [['vi', 'light'], ['en', 'dark']];
const ALL: [Lang, Scheme][] = [['vi', 'light'], ['vi', 'dark'], ['en', 'light'], ['en', 'dark']];

/** What the page shows that a person should look at: found in the page, judged in the review. */
interface Seen {
  /** Visible elements reaching past the window's right or bottom edge with no scrolling box around them. */
  outside: string[];
  /** Text cut off by its box (ellipsis or hidden overflow). */
  cut: string[];
  /** Visible text in the other language: Vietnamese words in the English UI, English-only phrases in the Vietnamese one. */
  otherLanguage: string[];
  /** Raw translation keys shown as text, in an aria-label, title or placeholder. */
  keys: string[];
  /** The page is wider than the window (a horizontal scroll bar on the whole app). */
  pageWider: boolean;
  /** Review grid columns whose header does not stand over its cells (header left ≠ first row's cell left). */
  gridMisaligned: string[];
}

/** Runs in the page: see `Seen`. Data areas (the grid, tables of the file's values, inputs) are left out of the language check. */
function inspect(args: { lang: Lang; keys: string[] }): Seen {
  const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
  const W = window.innerWidth;
  const H = window.innerHeight;
  const describeEl = (el: Element) => {
    const id = el.closest('[data-testid]')?.getAttribute('data-testid');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    return `${el.tagName.toLowerCase()}${id ? `@${id}` : ''}: ${text}`;
  };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0;
  };
  const clippedByAncestor = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const cs = getComputedStyle(p);
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.position === 'fixed') return true;
    }
    return false;
  };
  const seen: Seen = { outside: [], cut: [], otherLanguage: [], keys: [], pageWider: document.documentElement.scrollWidth > W + 1, gridMisaligned: [] };
  const keySet = new Set(args.keys);
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if ((r.right > W + 1 || r.bottom > H + 1) && r.left < W && !clippedByAncestor(el) && getComputedStyle(el).position !== 'fixed') {
      // Below the fold is fine where the page scrolls; reaching past the right edge never is.
      if (r.right > W + 1) seen.outside.push(describeEl(el));
    }
    for (const attr of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute(attr);
      if (v && keySet.has(v.trim())) seen.keys.push(`${attr}="${v}" on ${describeEl(el)}`);
    }
    const cs = getComputedStyle(el);
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (ownText && (cs.textOverflow === 'ellipsis' || cs.overflow === 'hidden' || cs.overflowX === 'hidden') && el.scrollWidth > el.clientWidth + 1 && !el.closest('[data-testid="grid"]')) {
      seen.cut.push(describeEl(el));
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
    const el = n.parentElement;
    if (!text || !el || !visible(el)) continue;
    if (keySet.has(text)) seen.keys.push(describeEl(el));
    // The file's own values (grid, preview and sample tables, dropdown options of columns) are in its language.
    if (el.closest('[data-testid="grid"], table, code, [role="option"], [data-testid="conversions"], [data-testid="row-details"], [data-data]')) continue;
    if (args.lang === 'en' && vietnamese.test(text) && !/^(Tiếng Việt)$/.test(text)) seen.otherLanguage.push(describeEl(el));
    if (args.lang === 'vi' && !vietnamese.test(text) && /^[A-Za-z][a-z]+( [a-z]+){1,}[.!?]?$/.test(text)) seen.otherLanguage.push(describeEl(el));
  }
  const firstRow = document.querySelector('[data-testid="grid"] .grid-row[data-row]');
  if (firstRow) {
    for (const head of Array.from(document.querySelectorAll<HTMLElement>('[data-testid="grid"] .grid-head-cell[data-head]'))) {
      const cell = firstRow.querySelector(`.grid-cell[data-col="${head.dataset.head}"]`);
      if (!cell) continue;
      const h = head.getBoundingClientRect();
      const c = cell.getBoundingClientRect();
      if (Math.abs(h.left - c.left) > 1 || Math.abs(h.width - c.width) > 1) {
        seen.gridMisaligned.push(`column ${head.dataset.head} "${head.innerText.split('\n')[0]}": header ${Math.round(h.left)}+${Math.round(h.width)}, cells ${Math.round(c.left)}+${Math.round(c.width)}`);
      }
    }
  }
  const uniq = (a: string[]) => [...new Set(a)].slice(0, 30);
  return { outside: uniq(seen.outside), cut: uniq(seen.cut), otherLanguage: uniq(seen.otherLanguage), keys: uniq(seen.keys), pageWider: seen.pageWider, gridMisaligned: seen.gridMisaligned };
}

/** Tabs through the screen (at most `stops` times) and lists the controls whose focus cannot be seen. */
async function focusWalk(page: Page, stops = 40): Promise<{ reached: string[]; noRing: string[] }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached: string[] = [];
  const noRing: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? (el.textContent ?? '').trim().slice(0, 40) ?? '';
      const name = `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${label || (el as HTMLInputElement).value || el.getAttribute('placeholder') || ''}"`;
      // A focus mark: an outline, a ring (box-shadow), or the same on the label/wrapper Mantine draws around inputs.
      const marked = (e: Element | null) => {
        if (!e) return false;
        const cs = getComputedStyle(e);
        return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow !== 'none' && cs.boxShadow !== '');
      };
      const ring = marked(el) || marked(el.parentElement) || (el.id !== '' && marked(document.querySelector(`label[for="${el.id}"]`)));
      // Mantine's inputs and selects mark focus by their border colour instead of a ring (not measured here).
      const border = /^(input|textarea|select)$/i.test(el.tagName);
      return { name, ring: ring || border };
    });
    if (!f) continue;
    if (reached.includes(f.name) && reached[0] === f.name) break;
    reached.push(f.name);
    if (!f.ring) noRing.push(f.name);
  }
  return { reached, noRing };
}

describe('a user\'s-eye tour of the wizard', () => {
  const app = useAppSession('omi-ux-tour-', { ownUserData: true });
  const findings: Record<string, unknown> = {};

  /** Sets the language through the header switch without a pointer press (an open popover or menu stays open). */
  async function setLang(page: Page, lang: Lang) {
    await page.locator(`input[type="radio"][value="${lang}"]`).first().evaluate((e) => (e as HTMLInputElement).click());
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  /**
   * Photographs the current state in each language and colour scheme (or those given), checks it, and records
   * what needs a person's eye. Leaves the page in Vietnamese, light.
   */
  async function capture(name: string, variants: [Lang, Scheme][] = TWO) {
    const { page } = app.ui;
    for (const [lang, scheme] of variants) {
      await setLang(page, lang);
      await page.emulateMedia({ colorScheme: scheme });
      // Mantine's colour and indicator transitions take ~200 ms.
      await page.waitForTimeout(250);
      const seen = await page.evaluate(inspect, { lang, keys: KEYS });
      const id = `${name}-${lang}-${scheme}`;
      await app.ui.screenshot(`ux/${id}`);
      findings[id] = seen;
      save();
      expect(seen.keys, `${id}: raw translation keys`).toEqual([]);
      expect(seen.pageWider, `${id}: the page is wider than 1366 px`).toBe(false);
      expect(seen.gridMisaligned, `${id}: review grid headers not over their columns`).toEqual([]);
    }
    await setLang(page, 'vi');
    await page.emulateMedia({ colorScheme: 'light' });
  }

  async function focus(name: string) {
    findings[`focus:${name}`] = await focusWalk(app.ui.page);
    save();
  }

  /** Written after every state, so a failing walk still leaves what it saw. */
  function save() {
    writeFileSync(join(UX_DIR, 'findings.json'), JSON.stringify(findings, null, 1));
  }

  it('walks every screen and state, in both languages and both colour schemes', async () => {
    mkdirSync(UX_DIR, { recursive: true });
    const { sandbox, harness, tmp } = app;
    const { page } = app.ui;
    const workbook = join(tmp, 'Danh sách khách hàng T5.xlsx');
    writeMessyWorkbook(workbook);
    const notASheet = join(tmp, 'anh-chup-man-hinh.xlsx');
    // A real PNG header and chunk (binary, with zero bytes), as a screenshot renamed by hand would start.
    writeFileSync(notASheet, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(64, 0), Buffer.from('IEND')]));

    // 1 — Connection.
    await page.getByTestId('test-connection').waitFor();
    await capture('01-connection-first-start', ALL);
    await focus('connection');
    await page.getByTestId('mode-account').click();
    await page.getByLabel('Địa chỉ API').fill('http://crm.example.vn');
    await page.getByText(/phải bắt đầu bằng https:\/\//).waitFor();
    await capture('02-connection-http-refused');
    await page.getByLabel('Địa chỉ API').fill(sandbox.url);
    // Coming from the sandbox, no account token is stored yet: the field asks for one and testing waits for it.
    expect(await page.getByText('Đã lưu một mã truy cập').count()).toBe(0);
    expect(await page.getByTestId('test-connection').isDisabled()).toBe(true);
    await page.getByLabel('Mã truy cập (token)').fill('not-the-token');
    await page.getByTestId('test-connection').click();
    await page.getByRole('alert').first().waitFor();
    // The sentence says what to do here, not "in the Connection step" (this is it).
    expect(await page.getByRole('alert').first().innerText()).toContain('Hãy dán lại mã');
    await capture('03-connection-wrong-token');
    await page.getByTestId('mode-sandbox').click();
    await page.getByTestId('test-connection').click();
    await page.getByTestId('connection-ok').waitFor();
    await page.getByTestId('funnels').waitFor();
    await capture('04-connection-tested', ALL);
    // An address where nothing answers (port 9): what the user is told. (The sandbox's saved fields and funnels
    // belong to another address, so none are shown.)
    await page.getByTestId('mode-account').click();
    await page.getByLabel('Địa chỉ API').fill('http://127.0.0.1:9');
    await page.getByLabel('Mã truy cập (token)').fill('some-token');
    await page.getByTestId('test-connection').click();
    await page.getByRole('alert').first().waitFor();
    // A test is a read nothing retries: the sentence names the address to check, not "it will be retried".
    const unreachable = await page.getByRole('alert').first().innerText();
    expect(unreachable).toContain('http://127.0.0.1:9');
    expect(unreachable).toContain('kiểm tra địa chỉ API');
    await capture('04b-connection-unreachable');
    await page.getByTestId('mode-sandbox').click();
    await page.getByTestId('test-connection').click();
    await page.getByTestId('connection-ok').waitFor();
    await page.getByTestId('next').click();

    // 2 — File: a picture renamed .xlsx, then the messy workbook.
    await page.getByTestId('open-dialog').waitFor();
    await capture('05-file-empty', ALL);
    await focus('file');
    harness.nextOpen(notASheet);
    await page.getByTestId('open-dialog').click();
    await page.getByRole('alert').or(page.getByTestId('row-count')).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    findings['06-not-a-spreadsheet-answer'] = await page.locator('main').innerText();
    await capture('06-file-not-a-spreadsheet');
    harness.nextOpen(workbook);
    await page.getByTestId('open-dialog').click();
    await page.getByTestId('row-count').waitFor();
    await capture('07-file-loaded', ALL);
    await page.getByTestId('next').click();

    // 3 — Mapping.
    await page.getByTestId('mapping-table').waitFor();
    await expect.poll(() => page.getByTestId('target-2').inputValue(), { timeout: 30_000 }).toMatch(/điện thoại/i);
    await capture('08-mapping', ALL);
    await focus('mapping');
    await page.getByTestId('target-2').click();
    await page.getByRole('listbox').waitFor();
    await capture('09-mapping-picker-open', [['vi', 'light'], ['en', 'dark']]);
    await page.keyboard.press('Escape');
    await page.getByTestId('next').click();

    // 4 — Review.
    const grid = page.getByTestId('grid');
    await grid.locator('.grid-row[data-row]').first().waitFor();
    await capture('10-review', ALL);
    await page.getByTestId('filters').getByText(/^Lỗi/).click();
    await expect.poll(() => grid.locator('.grid-row[data-row]').count()).toBeGreaterThan(0);
    await capture('11-review-errors-only');
    const nameCell = grid.locator(`.grid-row[data-row="${rejectRow.sheetRow}"] .grid-cell[data-col="1"]`);
    await nameCell.click();
    await page.getByTestId('row-details').waitFor();
    await capture('12-review-row-details');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.type('0903 111 222');
    await capture('13-review-editing', [['vi', 'light'], ['en', 'dark']]);
    await page.keyboard.press('Enter');
    await capture('14-review-fixed');
    await page.getByTestId('filters').getByText('Tất cả').click();
    await page.getByRole('button', { name: 'Tìm và thay' }).click();
    await page.getByLabel('Tìm', { exact: true }).fill('Nam');
    await page.getByLabel('Thay bằng').fill('Male');
    // The column follows the cell last used (a phone cell here): look in every column, whole cells only (the default).
    await page.getByTestId('find-replace-panel').getByLabel('Trong cột', { exact: true }).first().click();
    await page.getByTestId('find-replace-panel').getByRole('option', { name: 'Mọi cột' }).click();
    await expect.poll(() => page.getByTestId('replace-count').innerText(), { timeout: 30_000 }).toMatch(/^Sẽ thay \d+ ô/);
    await capture('15-review-find-replace');
    await page.getByTestId('replace-apply').click();
    await capture('16-review-replaced', [['vi', 'light'], ['en', 'dark']]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Hoàn tác (Ctrl+Z)' }).click();
    await capture('17-review-undone', [['vi', 'light'], ['en', 'light']]);
    const warnCell = grid.locator('.grid-cell.cell-warning, .grid-cell.cell-error').first();
    await warnCell.hover();
    await page.getByTestId('grid-tooltip').waitFor({ timeout: 10_000 }).catch(() => undefined);
    await capture('18-review-hover-reason', [['vi', 'light'], ['en', 'dark']]);
    // Hovered again after switching to English: the reason should be in English too.
    await setLang(page, 'en');
    await page.mouse.move(5, 5);
    await grid.locator('.grid-cell.cell-warning').nth(1).hover();
    await page.getByTestId('grid-tooltip').waitFor({ timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    findings['18b-tooltip-en'] = await page.getByTestId('grid-tooltip').innerText().catch(() => '(no tooltip)');
    await app.ui.screenshot('ux/18b-review-hover-reason-en-light');
    await setLang(page, 'vi');
    await page.getByRole('button', { name: /Nhóm trùng/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('dup-group').first().waitFor();
    await drawer.locator('[data-testid="dup-group"]').filter({ hasText: String(dup.sheetRow) }).first().getByTestId('dup-expand').click();
    await capture('19-review-duplicate-groups');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Chỉ xuất tệp sạch' }).click();
    await capture('20-review-clean-only-menu', [['vi', 'light'], ['en', 'light']]);
    await page.keyboard.press('Escape');
    await focus('review');
    await page.getByTestId('next').click();

    // 5 — Import: a slow account that refuses some calls, no retries; progress, pause, resume, cancel.
    await page.getByTestId('mode').waitFor();
    await page.getByText('Nâng cao').click();
    await page.getByLabel('Số dòng mỗi lần gửi').fill('1');
    await page.getByLabel('Số lần gửi song song').fill('1');
    await page.getByLabel('Số lần thử lại').fill('0');
    await capture('21-import-settings', ALL);
    await focus('import');
    await sandbox.faults({ latencyMs: 200, statusCodeRate: 0.5 });
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByTestId('progress').innerText(), { timeout: 60_000 }).toMatch(/[1-9]\d* \/ \d+ dòng/);
    await app.ui.screenshot('ux/22-import-running-vi-light');
    await page.getByTestId('pause').click();
    await page.getByTestId('resume').waitFor({ timeout: 30_000 });
    await capture('23-import-paused');
    await page.getByTestId('resume').click();
    await page.getByTestId('see-results').waitFor({ timeout: 120_000 });
    await capture('24-import-done-with-failures');
    // The re-import below is slow enough to be cancelled part-way.
    await sandbox.faults({ latencyMs: 500, statusCodeRate: 0 });
    await page.getByTestId('see-results').click();

    // 6 — Results: the failures, the report, re-importing the failed rows (cancelled part-way), the history.
    await page.getByTestId('failure-chart').waitFor();
    await capture('25-results-with-failures', ALL);
    await focus('results');
    const reportPath = join(UX_DIR, 'error-report.xlsx');
    harness.nextSave(reportPath);
    await page.getByTestId('export-report').click();
    await capture('26-results-export-menu', [['vi', 'light'], ['en', 'light']]);
    await page.getByTestId('export-xlsx').click();
    await page.getByTestId('report-saved').waitFor();
    await capture('27-results-report-saved', [['vi', 'light'], ['en', 'dark']]);
    await page.getByTestId('reimport').click();
    await expect.poll(() => page.getByTestId('progress').innerText(), { timeout: 60_000 }).toMatch(/[1-9]\d* \/ \d+ dòng/);
    await app.ui.screenshot('ux/28-reimport-running-vi-light');
    await page.getByTestId('cancel').click();
    await page.getByTestId('see-results').waitFor({ timeout: 60_000 });
    await capture('29-reimport-cancelled');
    await sandbox.faults({ latencyMs: 0 });
    // What a user who cancelled by mistake finds on the Import step.
    await page.locator('.mantine-Stepper-step').nth(4).click();
    await page.waitForTimeout(500);
    findings['29-import-step-after-cancel'] = await page.locator('main').innerText();
    await page.getByTestId('see-results').click();
    await page.getByTestId('history').waitFor();
    await capture('30-results-cancelled');
    await page.getByTestId('history').scrollIntoViewIfNeeded();
    await capture('31-results-history', [['vi', 'light'], ['en', 'dark']]);

    save();
    expect(app.ui.errors).toEqual([]);
  });
});
