import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canvasWindow, CELL_TEXT_WIDTH, ELLIPSIS, FitCache, fitText, summedWidth, widthAddsUp } from './gridCanvasLayout';
import { GRID } from './gridRowPool';

/** A monospace stand-in for measureText: 7 px a UTF-16 unit, the ellipsis 9 px. */
const mono = (s: string) => [...s].reduce((w, ch) => w + (ch === ELLIPSIS ? 9 : 7 * ch.length), 0);

describe('canvasWindow', () => {
  const { rowHeight, headerHeight, numWidth, colWidth } = GRID;

  it('at the top shows the rows and columns that fit under the header, from the canvas origin', () => {
    // 1366 px wide, 375 px tall: 335 px of body = 11 rows and a sliver of the 12th; 1294 px of columns = 7.2 columns.
    const w = canvasWindow(0, 0, 1366, 375, 200_000, 10);
    expect(w).toEqual({ first: 0, last: 11, colFrom: 0, colTo: 8, y0: 0, x0: numWidth });
  });

  it('part-way down and to the right starts with the row and column cut by the edges', () => {
    const top = 1000 * rowHeight + 17;
    const left = 2 * colWidth + 50;
    const w = canvasWindow(top, left, 800, 400, 200_000, 10);
    expect(w.first).toBe(1000);
    expect(w.y0).toBe(-17);
    expect(w.colFrom).toBe(2);
    expect(w.x0).toBe(numWidth - 50);
    // The last row and column drawn reach the bottom / right edge.
    expect((w.last + 1) * rowHeight - top).toBeGreaterThanOrEqual(400 - headerHeight);
    expect(w.x0 + (w.colTo - w.colFrom) * colWidth).toBeGreaterThanOrEqual(800);
  });

  it('never goes past the last row or column, and shows nothing for an empty view', () => {
    expect(canvasWindow(0, 0, 1366, 700, 3, 2)).toMatchObject({ first: 0, last: 2, colFrom: 0, colTo: 2 });
    const none = canvasWindow(0, 0, 1366, 700, 0, 0);
    expect(none.last).toBeLessThan(none.first);
    expect(none.colTo).toBe(0);
  });

  it('covers exactly the rows that meet the body (property)', () => {
    fc.assert(fc.property(fc.nat(6_000_000), fc.integer({ min: 41, max: 2000 }), fc.integer({ min: 1, max: 200_000 }), (top, height, count) => {
      const w = canvasWindow(top, 0, 1000, height, count, 5);
      const body = height - headerHeight;
      for (const i of [w.first - 1, w.first, w.last, w.last + 1]) {
        const meets = i >= 0 && i < count && i * rowHeight < top + body && (i + 1) * rowHeight > top;
        expect(i >= w.first && i <= w.last).toBe(meets);
      }
    }));
  });
});

describe('fitText', () => {
  it('keeps text that fits whole', () => {
    expect(fitText('Lê Văn Mạnh', CELL_TEXT_WIDTH, mono)).toBe('Lê Văn Mạnh');
    expect(fitText('', 10, mono)).toBe('');
  });

  it('cuts text that does not fit to the longest start that fits with the ellipsis', () => {
    const text = 'giang.tran10038@company.com.vn';
    const out = fitText(text, CELL_TEXT_WIDTH, mono);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    const kept = out.slice(0, -1);
    expect(text.startsWith(kept)).toBe(true);
    expect(mono(out)).toBeLessThanOrEqual(CELL_TEXT_WIDTH);
    // One more character would not fit.
    expect(mono(text.slice(0, kept.length + 1) + ELLIPSIS)).toBeGreaterThan(CELL_TEXT_WIDTH);
  });

  it('never splits a surrogate pair, and gives the ellipsis alone when nothing else fits', () => {
    const out = fitText('😀😀😀😀😀', 30, mono);
    expect(out).toBe('😀' + ELLIPSIS);
    expect(fitText('abcdef', 10, mono)).toBe(ELLIPSIS);
  });

  it('fits any text in the width and keeps the longest start (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 9, max: 300 }), (text, max) => {
      const out = fitText(text, max, mono);
      if (out === text) { expect(mono(text)).toBeLessThanOrEqual(max); return; }
      expect(out.endsWith(ELLIPSIS)).toBe(true);
      const kept = out.slice(0, -1);
      expect(text.startsWith(kept)).toBe(true);
      expect(mono(out)).toBeLessThanOrEqual(max);
    }));
  });
});

describe('FitCache', () => {
  it('fits a text once per font and gives the same answer after', () => {
    const cache = new FitCache(10);
    let calls = 0;
    const fit = (s: string) => { calls++; return fitText(s, 100, mono); };
    const a = cache.fit('13px a', 'x'.repeat(40), fit);
    expect(a).toBe(fitText('x'.repeat(40), 100, mono));
    expect(cache.fit('13px a', 'x'.repeat(40), fit)).toBe(a);
    expect(calls).toBe(1);
    cache.fit('italic 13px a', 'x'.repeat(40), fit);
    expect(calls).toBe(2);
  });

  it('forgets everything when full, and still answers', () => {
    const cache = new FitCache(3);
    let calls = 0;
    const fit = (s: string) => { calls++; return s; };
    for (const t of ['a', 'b', 'c', 'd']) cache.fit('f', t, fit);
    expect(cache.fit('f', 'a', fit)).toBe('a');
    expect(calls).toBe(5);
  });
});

describe('summedWidth / widthAddsUp', () => {
  const w = (ch: string) => (ch === 'W' ? 12 : 7);
  it('adds up the widths of Latin and Vietnamese (precomposed) text, not of combining or wide scripts', () => {
    expect(widthAddsUp('Nguyễn Văn Mạnh, 12 Lê Lợi')).toBe(true);
    expect(summedWidth('WaW', w)).toBe(31);
    expect(widthAddsUp('Nguye\u0302\u0303n')).toBe(false);
    expect(widthAddsUp('李小龍')).toBe(false);
    expect(widthAddsUp('An 😀')).toBe(false);
    expect(widthAddsUp('a\tb')).toBe(false);
    expect(widthAddsUp('مرحبا')).toBe(false);
  });
});
