/**
 * What the review grid's scroll canvas (gridCanvas.ts) draws, worked out without a canvas: which rows and columns
 * are in view at a scroll position and where, and how a cell's text is cut to fit its column. Pure, so it is
 * tested on its own; the canvas only paints what this says.
 */
import { GRID } from './gridRowPool';

/** Inside a cell: 8 px padding each side and the 1 px right border (app.css `.grid-cell`, border-box). */
export const CELL_PADDING = 8;
/** Width a cell's text may take before it is cut with an ellipsis. */
export const CELL_TEXT_WIDTH = GRID.colWidth - 2 * CELL_PADDING - 1;
/** The ellipsis CSS `text-overflow: ellipsis` draws. */
export const ELLIPSIS = '…';

/** The rows and columns in view and where the first of each is drawn on the canvas (px, may be negative). */
export interface CanvasWindow {
  /** Rows [first, last] of the view (last < first when there are none). */
  first: number;
  last: number;
  /** Column positions [colFrom, colTo). */
  colFrom: number;
  colTo: number;
  /** Canvas y of row `first`'s top edge (the canvas starts under the header). */
  y0: number;
  /** Canvas x of column `colFrom`'s left edge (the row numbers take the first GRID.numWidth px). */
  x0: number;
}

/**
 * The rows and columns a canvas of `width` × `height` px (the grid's window, header included) shows when the grid
 * is scrolled to `top`, `left`, with `count` rows and `ncols` columns.
 */
export function canvasWindow(top: number, left: number, width: number, height: number, count: number, ncols: number): CanvasWindow {
  const { rowHeight, headerHeight, numWidth, colWidth } = GRID;
  const bodyHeight = Math.max(0, height - headerHeight);
  const first = Math.max(0, Math.floor(top / rowHeight));
  const last = Math.min(count - 1, Math.floor((top + bodyHeight - 1) / rowHeight));
  const colFrom = ncols > 0 ? Math.max(0, Math.min(ncols - 1, Math.floor(left / colWidth))) : 0;
  const colTo = ncols > 0 ? Math.min(ncols, Math.floor((left + Math.max(0, width - numWidth) - 1) / colWidth) + 1) : 0;
  return { first, last, colFrom, colTo, y0: first * rowHeight - top, x0: numWidth + colFrom * colWidth - left };
}

/**
 * `text` as drawn in `maxWidth` px: whole when it fits, otherwise its longest start that fits with an ellipsis
 * after it (never splitting a surrogate pair), or the ellipsis alone. `measure` gives a string's width in px.
 */
export function fitText(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (text === '' || measure(text) <= maxWidth) return text;
  // Binary search on the length of the start kept: [lo] fits, [hi] does not.
  let lo = 0;
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (measure(text.slice(0, cut(text, mid)) + ELLIPSIS) <= maxWidth) lo = mid;
    else hi = mid;
  }
  const end = cut(text, lo);
  return end > 0 ? text.slice(0, end) + ELLIPSIS : ELLIPSIS;
}

/** `n`, moved back one if it would cut a surrogate pair in two. */
function cut(text: string, n: number): number {
  const c = text.charCodeAt(n - 1);
  return n > 0 && c >= 0xd800 && c <= 0xdbff ? n - 1 : n;
}

/**
 * Whether a string's width is the sum of its characters' widths: with kerning and ligatures off, as in the grid,
 * it is, except for characters that combine with or change the shape of their neighbours (combining marks, right-
 * to-left, wide and complex scripts, surrogate pairs, control characters).
 */
export function widthAddsUp(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x0300 && c <= 0x036f) || (c >= 0x0590 && c < 0x1e00) || c >= 0x2e80) return false;
  }
  return true;
}

/** A string's width as the sum of its characters' widths (`charWidth`); only when `widthAddsUp(text)`. */
export function summedWidth(text: string, charWidth: (ch: string) => number): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += charWidth(text[i]);
  return w;
}

/**
 * A bounded memo of fitted texts (one per font): rows scrolled past come back while the user scrolls up and down,
 * and measuring is most of a canvas frame's text cost. Cleared whole when full.
 */
export class FitCache {
  private map = new Map<string, string>();
  constructor(private readonly max = 20_000) {}

  /** `fit(text)` (the text as drawn), remembered for this text under this font key. */
  fit(key: string, text: string, fit: (text: string) => string): string {
    const k = `${key}\u0000${text}`;
    let v = this.map.get(k);
    if (v === undefined) {
      if (this.map.size >= this.max) this.map.clear();
      v = fit(text);
      this.map.set(k, v);
    }
    return v;
  }
}
