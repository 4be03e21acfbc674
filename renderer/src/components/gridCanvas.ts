/**
 * The review grid's rows painted on one <canvas> while the grid keeps scrolling. A scroll frame of the DOM row
 * pool (gridRowPool.ts) costs layout, text shaping, paint and a compositor commit of every row that moves in —
 * ~14 ms of main thread a frame on the office laptops' two cores — where one canvas pass over the rows in view is a
 * few fills and fillText calls. The pool stays the grid (clicks, the active cell, the editor, tooltips, screen
 * readers): ReviewGrid hides it while scroll events keep coming and shows it again, drawn at the final position,
 * once they stop. So the canvas paints exactly what the pool shows: the same font, row height, column widths,
 * colours (read from the CSS of probe cells, so light and dark mode follow app.css) and ellipsis.
 */
import { cellView, type CellView } from './gridCells';
import { GRID, type PoolView } from './gridRowPool';
import { canvasWindow, CELL_PADDING, CELL_TEXT_WIDTH, FitCache, fitText, summedWidth, widthAddsUp, type CanvasWindow } from './gridCanvasLayout';

type Mark = CellView['mark'];
const MARKS: Mark[] = ['', 'error', 'warning', 'edited', 'kept', 'changed'];

/** How one kind of cell looks (from app.css): background (or null), text colour and font. */
interface CellLook { background: string | null; color: string; font: string; baseline: number }

/** The colours and fonts of one theme, read once per colour scheme (and when the grid's font changes). */
interface Theme {
  scheme: string;
  body: string;
  border: string;
  dimmed: string;
  gutterFont: string;
  gutterBaseline: number;
  invalid: string;
  duplicate: string;
  keptOutline: string;
  keptPattern: CanvasPattern | null;
  active: string;
  activeBlurred: string;
  /** Looks by `${mark}|${ignored ? 1 : 0}`. */
  looks: Map<string, CellLook>;
}

const TRANSPARENT = /^(transparent|rgba\(0, 0, 0, 0\))$/;

/** The canvas of one grid, drawn from the same PoolView as its row pool. */
export class GridCanvas {
  private readonly ctx: CanvasRenderingContext2D;
  private theme: Theme | null = null;
  private readonly fits = new FitCache();
  /** Width of each character drawn so far, per font (see `fitted`). */
  private readonly charWidths = new Map<string, Map<string, number>>();
  private size = { width: 0, height: 0, dpr: 0 };
  private readonly dark = window.matchMedia('(prefers-color-scheme: dark)');

  /**
   * `canvas` sits in `grid` (the scroller: sticky under the header, over the rows). Probe cells are put in the grid
   * for a moment, now and when the colour scheme changes, to read their computed style.
   */
  constructor(private readonly canvas: HTMLCanvasElement, private readonly grid: HTMLElement) {
    this.ctx = canvas.getContext('2d', { alpha: false })!;
    this.readTheme();
  }

  /**
   * Paints the rows and columns in view at this scroll position and window size (`width` × `height`: the grid's
   * client area, header included) and returns which they are.
   */
  draw(view: PoolView, top: number, left: number, width: number, height: number): CanvasWindow {
    const { rowHeight, headerHeight, numWidth, colWidth } = GRID;
    const bodyHeight = Math.max(0, height - headerHeight);
    this.fit(width, bodyHeight);
    const theme = this.readTheme();
    const ctx = this.ctx;
    const win = canvasWindow(top, left, width, height, view.count, view.columns.length);
    ctx.fillStyle = theme.body;
    ctx.fillRect(0, 0, width, bodyHeight);
    ctx.textBaseline = 'alphabetic';

    // The cells, column by column within each row; the row numbers are painted over their left edge after.
    const rowsRight = Math.min(width, numWidth + view.columns.length * colWidth - left);
    const focused = this.grid.matches(':focus-within');
    for (let i = win.first, y = win.y0; i <= win.last; i++, y += rowHeight) {
      const row = view.get(i);
      if (row) {
        for (let ci = win.colFrom, x = win.x0; ci < win.colTo; ci++, x += colWidth) {
          const column = view.columns[ci];
          const cell = cellView(row, column);
          const look = theme.looks.get(`${cell.mark}|${view.ignored.has(column) ? 1 : 0}`)!;
          if (look.background) { ctx.fillStyle = look.background; ctx.fillRect(x, y, colWidth, rowHeight - 1); }
          if (cell.mark === 'kept') this.kept(theme, x, y);
          if (cell.text) {
            ctx.font = look.font;
            const text = cell.clip ? this.fits.fit(look.font, cell.text, (s) => this.fitted(look.font, s)) : cell.text;
            ctx.fillStyle = look.color;
            ctx.fillText(text, x + CELL_PADDING, y + look.baseline);
          }
        }
      }
      ctx.fillStyle = theme.border;
      for (let ci = win.colFrom, x = win.x0; ci < win.colTo; ci++, x += colWidth) ctx.fillRect(x + colWidth - 1, y, 1, rowHeight - 1);
      ctx.fillRect(numWidth, y + rowHeight - 1, rowsRight - numWidth, 1);
      if (i === view.active.row && !view.editing && view.active.col >= win.colFrom && view.active.col < win.colTo) {
        ctx.strokeStyle = focused ? theme.active : theme.activeBlurred;
        ctx.lineWidth = 2;
        ctx.strokeRect(win.x0 + (view.active.col - win.colFrom) * colWidth + 1, y + 1, colWidth - 2, rowHeight - 3);
      }
    }

    // The row numbers: a sticky column over the cells, with the invalid / duplicate stripe.
    ctx.fillStyle = theme.body;
    ctx.fillRect(0, 0, numWidth, bodyHeight);
    ctx.font = theme.gutterFont;
    ctx.textAlign = 'right';
    for (let i = win.first, y = win.y0; i <= win.last; i++, y += rowHeight) {
      const row = view.get(i);
      if (row?.status === 'invalid' || row?.status === 'duplicate') {
        ctx.fillStyle = row.status === 'invalid' ? theme.invalid : theme.duplicate;
        ctx.fillRect(0, y, 4, rowHeight - 1);
      }
      ctx.fillStyle = theme.dimmed;
      ctx.fillText(row ? String(row.rowNumber) : '…', numWidth - 1 - CELL_PADDING, y + theme.gutterBaseline);
      ctx.fillStyle = theme.border;
      ctx.fillRect(0, y + rowHeight - 1, numWidth - 1, 1);
    }
    ctx.textAlign = 'left';
    ctx.fillStyle = theme.border;
    ctx.fillRect(numWidth - 1, 0, 1, bodyHeight);
    return win;
  }

  /**
   * `text` cut to fit a cell in the current font (`font`). Measuring is the costly part of a frame (each
   * measureText shapes its string, and cutting takes several), so the cut is searched on summed character widths
   * (memoised per font) and only the answer measured, the exact search kept for when it does not fit after all or
   * the text has characters whose widths do not simply add up.
   */
  private fitted(font: string, text: string): string {
    const ctx = this.ctx;
    const exact = (s: string) => ctx.measureText(s).width;
    if (!widthAddsUp(text)) return fitText(text, CELL_TEXT_WIDTH, exact);
    let widths = this.charWidths.get(font);
    if (!widths) this.charWidths.set(font, (widths = new Map()));
    const charWidth = (ch: string) => {
      let w = widths.get(ch);
      if (w === undefined) widths.set(ch, (w = exact(ch)));
      return w;
    };
    const guess = fitText(text, CELL_TEXT_WIDTH, (s) => summedWidth(s, charWidth));
    // Close to the edge the sum may round differently from the layout: measured then.
    return exact(guess) <= CELL_TEXT_WIDTH ? guess : fitText(text, CELL_TEXT_WIDTH, exact);
  }

  /** The dashed look of a cell kept as typed: a 1 px frame and thin diagonal stripes (app.css `.cell-kept`). */
  private kept(theme: Theme, x: number, y: number): void {
    const ctx = this.ctx;
    const { colWidth, rowHeight } = GRID;
    if (theme.keptPattern) {
      ctx.save();
      ctx.translate(x, y);
      ctx.fillStyle = theme.keptPattern;
      ctx.fillRect(0, 0, colWidth, rowHeight - 1);
      ctx.restore();
    }
    ctx.strokeStyle = theme.keptOutline;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, colWidth - 1, rowHeight - 2);
  }

  /** Sizes the canvas to the grid's body (in device pixels, so text is as sharp as the DOM's). */
  private fit(width: number, height: number): void {
    const dpr = window.devicePixelRatio || 1;
    if (this.size.width === width && this.size.height === height && this.size.dpr === dpr) return;
    this.size = { width, height, dpr };
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // Like the grid's CSS: no kerning or ligatures to work out (app.css `.review-grid`).
    this.ctx.fontKerning = 'none';
  }

  /** The theme now in use: read again when Mantine's colour scheme changes (light / dark, following the OS). */
  private readTheme(): Theme {
    // Mantine's scheme attribute, and the OS's (which "auto" follows, and light-dark() colours with it).
    const scheme = `${document.documentElement.getAttribute('data-mantine-color-scheme') ?? ''}|${this.dark.matches ? 'dark' : 'light'}`;
    if (this.theme && this.theme.scheme === scheme) return this.theme;
    // Built whole, then put in the grid once (outside the rows: a scroll adds or removes nothing there).
    const probe = document.createElement('div');
    probe.className = 'grid-row';
    probe.style.visibility = 'hidden';
    const css = (className: string) => {
      const el = document.createElement('div');
      el.className = className;
      probe.append(el);
      return getComputedStyle(el);
    };
    const color = (value: string) => {
      const el = document.createElement('div');
      el.style.color = value;
      probe.append(el);
      return getComputedStyle(el);
    };
    const looks = new Map<string, CellLook>();
    const cells = MARKS.flatMap((mark) => [0, 1].map((ignored) => ({ key: `${mark}|${ignored}`, s: css(`grid-cell${mark ? ` cell-${mark}` : ''}${ignored ? ' col-ignored' : ''}`) })));
    const gutter = css('grid-gutter-num');
    const colors = {
      invalid: color('var(--mantine-color-red-6)'), duplicate: color('var(--mantine-color-grape-5)'),
      keptOutline: color('var(--mantine-color-blue-outline)'), keptStripe: color('var(--mantine-color-blue-light)'),
      active: color('var(--mantine-color-teal-6)'), activeBlurred: color('var(--mantine-color-gray-5)'),
    };
    this.grid.append(probe);
    try {
      const font = (s: CSSStyleDeclaration) => `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      for (const { key, s } of cells) {
        const bg = s.backgroundColor;
        looks.set(key, { background: TRANSPARENT.test(bg) ? null : bg, color: s.color, font: font(s), baseline: this.baseline(font(s), s.lineHeight) });
      }
      const row = getComputedStyle(probe);
      this.theme = {
        scheme,
        body: getComputedStyle(this.grid).backgroundColor,
        border: row.borderBottomColor,
        dimmed: gutter.color,
        gutterFont: font(gutter),
        gutterBaseline: this.baseline(font(gutter), gutter.lineHeight),
        invalid: colors.invalid.color,
        duplicate: colors.duplicate.color,
        keptOutline: colors.keptOutline.color,
        keptPattern: this.stripes(colors.keptStripe.color),
        active: colors.active.color,
        activeBlurred: colors.activeBlurred.color,
        looks,
      };
      return this.theme;
    } finally {
      probe.remove();
    }
  }

  /**
   * Where CSS puts the text's baseline in a line box of `lineHeight` (e.g. "29px"): half the leading above the
   * font's ascent, the ascent and descent rounded as the layout rounds them.
   */
  private baseline(font: string, lineHeight: string): number {
    this.ctx.font = font;
    const m = this.ctx.measureText('0');
    const ascent = Math.round(m.fontBoundingBoxAscent);
    const descent = Math.round(m.fontBoundingBoxDescent);
    const line = parseFloat(lineHeight) || ascent + descent;
    return Math.floor((line - (ascent + descent)) / 2) + ascent;
  }

  /** Diagonal stripes 2 px wide every 8 px, as the 135° repeating gradient of `.cell-kept`. */
  private stripes(color: string): CanvasPattern | null {
    const tile = document.createElement('canvas');
    tile.width = 8;
    tile.height = 8;
    const t = tile.getContext('2d');
    if (!t) return null;
    t.strokeStyle = color;
    t.lineWidth = 1.5;
    t.beginPath();
    for (const d of [-8, 0, 8]) { t.moveTo(d, 8); t.lineTo(d + 8, 0); }
    t.stroke();
    return this.ctx.createPattern(tile, 'repeat');
  }
}
