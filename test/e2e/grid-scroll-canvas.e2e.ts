/**
 * The review grid while it keeps scrolling, in Debian's Chromium on a 3,000-row workbook: the rows are painted on
 * the grid's canvas (the DOM rows hidden) and, once scrolling stops, the DOM rows come back at the final position
 * with the right rows of the file. The canvas paints what the DOM shows — the cell backgrounds of marked cells,
 * text where a cell has text, the row numbers — checked pixel by pixel against the DOM cells' places and computed
 * colours, in light and dark mode; screenshots taken mid-scroll. Moving by keyboard never shows the canvas.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateCleanRows, MESSY_HEADERS, writeMessyWorkbook } from '../fixtures/messy';
import { useAppSession } from './session';
import { openToReview } from './flow';

const ROWS = 3000;
const generated = generateCleanRows(ROWS);
const NAME = MESSY_HEADERS.indexOf('Họ và tên');
const JOB = MESSY_HEADERS.indexOf('Chức vụ');
/** Longer than OMI's 255 characters for a job title: an error on that cell (so an error cell is painted too). */
const LONG_JOB = 'Trưởng phòng kinh doanh khu vực miền Nam '.repeat(8).trim();

/** Which of the canvas and the DOM rows are shown now. */
function shown(page: Page) {
  return page.evaluate(() => ({
    canvas: getComputedStyle(document.querySelector('.grid-canvas-box')!).visibility === 'visible',
    rows: getComputedStyle(document.querySelector('.grid-rows > div')!).visibility === 'visible',
  }));
}

/**
 * Scrolls the grid `frames` frames of `step` px (negative: up) and records, each frame, whether the canvas and the
 * DOM rows were shown.
 */
function fling(page: Page, frames: number, step: number) {
  return page.evaluate(async ({ frames, step }) => {
    const grid = document.querySelector<HTMLElement>('[data-testid="grid"]')!;
    const box = document.querySelector<HTMLElement>('.grid-canvas-box')!;
    const rows = document.querySelector<HTMLElement>('.grid-rows > div')!;
    const seen: { canvas: boolean; rows: boolean }[] = [];
    for (let i = 0; i < frames; i++) {
      grid.scrollTop += step;
      await new Promise((r) => requestAnimationFrame(r));
      seen.push({ canvas: getComputedStyle(box).visibility === 'visible', rows: getComputedStyle(rows).visibility === 'visible' });
    }
    return seen;
  }, { frames, step });
}

/**
 * Compares the (last painted) canvas with the DOM rows now shown at the same scroll position: for every cell and
 * row number in view, the canvas pixel in its blank corner has the cell's background (blended over the grid's), and
 * the canvas has ink across the text's line exactly where the DOM cell has text. Returns what was compared.
 */
function compareCanvasWithDom(page: Page) {
  return page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('[data-testid="grid"]')!;
    const canvas = document.querySelector<HTMLCanvasElement>('.grid-canvas')!;
    const ctx = canvas.getContext('2d')!;
    const c = canvas.getBoundingClientRect();
    const dpr = canvas.width / c.width;
    const rgba = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number).concat([1]).slice(0, 4);
    const body = rgba(getComputedStyle(grid).backgroundColor);
    const over = (fg: number[]) => [0, 1, 2].map((k) => fg[k] * fg[3] + body[k] * (1 - fg[3]));
    const pixel = (x: number, y: number) => Array.from(ctx.getImageData(Math.round((x - c.left) * dpr), Math.round((y - c.top) * dpr), 1, 1).data);
    const far = (a: number[], b: number[], d: number) => [0, 1, 2].some((k) => Math.abs(a[k] - b[k]) > d);
    const bad: string[] = [];
    let cells = 0;
    const marks = new Set<string>();
    let texts = 0;
    const els = [...document.querySelectorAll<HTMLElement>('.grid-row[data-row] .grid-cell:not([hidden]), .grid-gutter-num[data-index]')];
    for (const el of els) {
      const r = el.getBoundingClientRect();
      // Only what is wholly on the canvas, clear of the sticky row numbers.
      const gutter = el.classList.contains('grid-gutter-num');
      if (r.top < c.top || r.bottom > c.bottom || r.right > c.right || (!gutter && r.left < c.left + 72)) continue;
      cells++;
      const bg = over(rgba(getComputedStyle(el).backgroundColor));
      for (const m of el.className.match(/cell-(error|warning|changed|edited)/g) ?? []) marks.add(m);
      // A blank spot: right of the text (a short value), or just under the text's line in the padding-free middle.
      const corner = pixel(r.left + (gutter ? 6 : r.width - 4), r.top + 3);
      if (!el.className.includes('cell-kept') && !el.className.includes('status-')) {
        if (far(corner, bg, 6)) bad.push(`${el.className} r${el.closest('[data-index]')?.getAttribute('data-index')}: background ${corner} ≠ ${bg.map(Math.round)}`);
      }
      // Ink: any pixel along the middle line of the text area far from the cell's background.
      let ink = false;
      for (let x = r.left + 8; x < r.right - 8 && !ink; x += 1) ink = far(pixel(x, r.top + r.height / 2), bg, 60);
      const hasText = (el.textContent ?? '').trim() !== '';
      if (hasText) texts++;
      if (ink !== hasText) bad.push(`${el.className} "${el.textContent}": ink ${ink}`);
    }
    return { cells, marks: [...marks], texts, bad };
  });
}

describe('review grid: painted on a canvas while it keeps scrolling', () => {
  const app = useAppSession('omi-grid-canvas-e2e-');

  it('paints the rows on the canvas while scrolling and shows the DOM rows where it stopped', async () => {
    const { ui, harness, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'Khách hàng 3000.xlsx');
    writeMessyWorkbook(workbook, { rows: ROWS });
    await page.getByTestId('next').click();
    await openToReview(page, harness, workbook);
    const grid = page.getByTestId('grid');
    // An error in the second row (edited to a job title too long for OMI), to be painted with the others.
    const job = grid.locator(`.grid-row[data-index="1"] .grid-cell[data-col="${JOB}"]`);
    await job.dblclick();
    const editor = grid.locator('input.grid-editor');
    await editor.fill(LONG_JOB);
    await editor.press('Enter');
    await expect.poll(() => job.getAttribute('class'), { timeout: 30_000 }).toMatch(/cell-error/);
    await grid.evaluate((g) => { g.scrollTop = 0; g.scrollLeft = 0; });

    // A fast scroll down: after its first frame, the frames show the canvas and hide the DOM rows (all of them but
    // on a machine so busy that a frame came more than the settling time after the one before).
    const seen = await fling(page, 40, 200);
    expect(seen.slice(2).filter((s) => s.canvas && !s.rows).length).toBeGreaterThanOrEqual(34);
    expect(seen.every((s) => s.canvas !== s.rows)).toBe(true);
    // Stopped: the DOM rows come back (the canvas goes), drawn where the grid stopped, each its own row of the file.
    await expect.poll(() => shown(page)).toEqual({ canvas: false, rows: true });
    const top = await grid.evaluate((g) => g.scrollTop);
    expect(top).toBe(40 * 200);
    const drawn = await grid.locator('.grid-row[data-row]').evaluateAll((rows, col) => rows.map((r) => {
      const c = r.querySelector(`.grid-cell[data-col="${col}"]`);
      return [Number(r.getAttribute('data-index')), Number(r.getAttribute('data-row')), c?.textContent ?? null, c?.className ?? ''] as const;
    }), NAME);
    const firstInView = Math.floor(top / 30);
    expect(drawn.some(([index]) => index === firstInView)).toBe(true);
    for (const [, sheetRow, text, className] of drawn) {
      const source = generated.find((r) => r.sheetRow === sheetRow);
      expect(source, `row ${sheetRow}`).toBeDefined();
      if (!/cell-changed/.test(className)) expect(text).toBe(source!.table[NAME]);
    }

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Back up to the top (the file's messy rows: errors, warnings, changed cells), then compare the canvas's
      // last frame with the DOM rows drawn at the same place.
      await grid.evaluate((g) => { g.scrollTop = 4000; });
      await expect.poll(() => shown(page)).toEqual({ canvas: false, rows: true });
      await fling(page, 21, -200);
      await expect.poll(() => shown(page)).toEqual({ canvas: false, rows: true });
      expect(await grid.evaluate((g) => g.scrollTop)).toBe(0);
      const compared = await compareCanvasWithDom(page);
      expect(compared.bad).toEqual([]);
      expect(compared.cells).toBeGreaterThan(40);
      // The changed phones and the error are among them.
      expect(compared.marks).toEqual(expect.arrayContaining(['cell-changed', 'cell-error']));
      expect(compared.texts).toBeGreaterThan(30);

      // A screenshot mid-scroll (the page keeps scrolling, slowly, until told to stop; at most 10 s of frames).
      await page.evaluate(() => {
        const w = window as unknown as { __stopScroll: boolean };
        w.__stopScroll = false;
        const grid = document.querySelector<HTMLElement>('[data-testid="grid"]')!;
        // Counts the canvas being shown or hidden (a style change of its box).
        const ww = window as unknown as { __switches: number; __switchWatch?: MutationObserver };
        ww.__switches = 0;
        ww.__switchWatch?.disconnect();
        ww.__switchWatch = new MutationObserver(() => { ww.__switches++; });
        ww.__switchWatch.observe(document.querySelector('.grid-canvas-box')!, { attributes: true, attributeFilter: ['style'] });
        let frames = 0;
        const tick = () => {
          if (w.__stopScroll || frames++ > 900) return;
          grid.scrollTop += 3;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      // Taken again (at most 3 times) if the canvas went away in between (a frame late on a busy machine).
      const switches = () => page.evaluate(() => (window as unknown as { __switches: number }).__switches);
      let midScroll = false;
      for (let attempt = 0; attempt < 3 && !midScroll; attempt++) {
        await expect.poll(() => shown(page)).toEqual({ canvas: true, rows: false });
        const before = await switches();
        await ui.screenshot(`grid-canvas-mid-scroll-${scheme}`);
        midScroll = (await switches()) === before && (await shown(page)).canvas;
      }
      expect(midScroll).toBe(true);
      await page.evaluate(() => { (window as unknown as { __stopScroll: boolean }).__stopScroll = true; });
      await expect.poll(() => shown(page)).toEqual({ canvas: false, rows: true });
      await ui.screenshot(`grid-canvas-settled-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Moving by keyboard scrolls with the DOM rows and the active cell: the canvas is never shown.
    await grid.evaluate((g) => { g.scrollTop = 0; });
    await expect.poll(() => shown(page)).toEqual({ canvas: false, rows: true });
    await grid.locator(`.grid-row[data-index="0"] .grid-cell[data-pos="1"]`).click();
    await page.evaluate(() => {
      const w = window as unknown as { __canvasSeen: number; __stopWatch: boolean };
      w.__canvasSeen = 0;
      w.__stopWatch = false;
      const box = document.querySelector<HTMLElement>('.grid-canvas-box')!;
      let frames = 0;
      const tick = () => {
        if (w.__stopWatch || frames++ > 1200) return;
        if (getComputedStyle(box).visibility === 'visible') w.__canvasSeen++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    const canvasSeen = await page.evaluate(() => {
      const w = window as unknown as { __canvasSeen: number; __stopWatch: boolean };
      w.__stopWatch = true;
      return w.__canvasSeen;
    });
    expect(canvasSeen).toBe(0);
    expect(await grid.evaluate((g) => g.scrollTop)).toBeGreaterThan(0);
    const activeId = await grid.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${activeId}"]`).isVisible()).toBe(true);
    expect(ui.errors).toEqual([]);
  });
});
