/**
 * The review grid's rows, drawn straight into the DOM (not by React): a fixed pool of row elements, each with a
 * fixed number of cell elements, reused as the grid scrolls. A scroll frame only writes what changed — the text
 * of a cell's one text node, a class name, a few attributes and the `top` of the rows that came into view — so
 * no element is created, removed or reordered, nothing is read back from the layout, and no component renders.
 * (Rendering the row pool with React cost a reconciliation per frame plus a forced layout in the virtualizer's
 * scroll listener.) Even so a pool frame stayed ~14 ms of main thread (layout and text shaping of the rows moving
 * in, paint, the compositor commit): while the grid keeps scrolling, ReviewGrid hides the pool and paints the same
 * rows on a canvas instead (gridCanvas.ts), and draws the pool again where scrolling stopped.
 */
import type { GridRow } from '../workers/protocol';
import { cellView } from './gridCells';

/** Sizes of the grid, in px (also in app.css). */
export const GRID = { rowHeight: 30, headerHeight: 40, numWidth: 72, colWidth: 180 } as const;
/** Rows drawn beyond each edge of the window. */
const OVERSCAN = 3;

/** What the rows show, set by the grid whenever it renders. */
export interface PoolView {
  /** Table column index of each column position. */
  columns: readonly number[];
  /** Table columns mapped to nothing (drawn dimmed). */
  ignored: ReadonlySet<number>;
  /** Rows in the current view (filter). */
  count: number;
  /** A row of the view if its page has arrived. */
  get(index: number): GridRow | undefined;
  /** The active cell: row -1 is the header row, column -1 the row numbers. */
  active: { row: number; col: number };
  /** The active cell is being edited (its editor is drawn over it by the grid). */
  editing: boolean;
  /** DOM id of the active cell (the grid's aria-activedescendant) and of the grid's tooltip. */
  activeId: string;
  tipId: string;
}

/** The rows and columns drawn: rows [first, last], column positions [colFrom, colTo). */
export interface Drawn { first: number; last: number; colFrom: number; colTo: number }

interface Slot {
  row: HTMLDivElement;
  head: Text;
  rowHeader: HTMLDivElement;
  cells: HTMLDivElement[];
  texts: Text[];
  classes: string[];
  /** Column position each cell's attributes and place are set for (-1: hidden). */
  positions: number[];
  gutter: HTMLDivElement;
  gutterText: Text;
  /** What the slot shows now (so an unchanged slot is skipped): row position, its data, first column, view. */
  index: number;
  data: GridRow | undefined | null;
  colFrom: number;
  generation: number;
  width: number;
}

/** The row pool of one grid: `rows` holds the row elements, `gutter` the sticky row numbers. */
export class GridRowPool {
  private slots: Slot[] = [];
  private cellsPerRow = 0;
  private view: PoolView | null = null;
  private generation = 0;
  private scroll = { top: 0, left: 0, width: 0, height: 0 };
  private drawn: Drawn = { first: 0, last: -1, colFrom: 0, colTo: 0 };
  /** The grid's aria-activedescendant as last written (written only when it changes). */
  private describedId: string | null = null;

  constructor(private readonly grid: HTMLElement, private readonly rows: HTMLElement, private readonly gutter: HTMLElement) {}

  /** New data or state (columns, filter, active cell, edit): every slot is drawn again on the next draw. */
  setView(view: PoolView): void {
    this.view = view;
    this.generation++;
  }

  /**
   * Draws the rows and columns in view at this scroll position and window size: only slots whose row, data (rows
   * arrived from the worker), first column or view changed are written to.
   */
  scrolled(top: number, left: number, width: number, height: number): Drawn {
    this.scroll = { top, left, width, height };
    this.draw();
    return this.drawn;
  }

  /** The element of a drawn cell (column -1: the row's number in the gutter), or null. */
  cellElement(index: number, col: number): HTMLElement | null {
    const slot = this.slots.find((s) => s.index === index && !s.row.hidden);
    if (!slot) return null;
    if (col < 0) return slot.gutter;
    const k = col - this.drawn.colFrom;
    return k >= 0 && k < this.drawn.colTo - this.drawn.colFrom ? slot.cells[k] : null;
  }

  private draw(): void {
    const view = this.view;
    if (!view) return;
    const { rowHeight, headerHeight, numWidth, colWidth } = GRID;
    const { top, left, width, height } = this.scroll;
    const ncols = view.columns.length;
    // Enough slots and cells for the largest window this size can show.
    const poolSize = Math.min(view.count, Math.ceil(Math.max(0, height - headerHeight) / rowHeight) + 1 + 2 * OVERSCAN);
    const perRow = Math.min(ncols, Math.ceil(Math.max(0, width - numWidth) / colWidth) + 1);
    if (perRow !== this.cellsPerRow || poolSize > this.slots.length) this.build(Math.max(poolSize, this.slots.length), perRow);

    const firstInView = Math.floor(top / rowHeight);
    const first = Math.max(0, Math.min(firstInView - OVERSCAN, view.count - poolSize));
    const last = first + poolSize - 1;
    const colFrom = Math.max(0, Math.min(Math.floor(left / colWidth), ncols - 1));
    const colTo = Math.min(ncols, colFrom + perRow);
    this.drawn = { first, last, colFrom, colTo };

    const n = this.slots.length;
    let activeDrawn = false;
    // Row i is drawn in slot i % n: a row keeps its slot while it stays in the window.
    for (let i = first; i <= last; i++) {
      const slot = this.slots[i % n];
      this.drawSlot(slot, i, view, colFrom, colTo);
      if (i === view.active.row) activeDrawn = view.active.col < 0 || (view.active.col >= colFrom && view.active.col < colTo);
    }
    // Slots beyond the rows of the view (a short filter) are hidden and carry no row.
    for (let s = 0; s < n; s++) {
      const slot = this.slots[s];
      const i = slot.index;
      if (i >= first && i <= last && i < view.count && poolSize > 0) continue;
      if (!slot.row.hidden) this.hideSlot(slot);
    }
    // The header row is drawn whole.
    if (view.active.row < 0) activeDrawn = true;
    const described = activeDrawn && !view.editing ? view.activeId : null;
    if (described !== this.describedId) {
      this.describedId = described;
      if (described) this.grid.setAttribute('aria-activedescendant', described);
      else this.grid.removeAttribute('aria-activedescendant');
    }
  }

  private drawSlot(slot: Slot, index: number, view: PoolView, colFrom: number, colTo: number): void {
    const data = view.get(index) ?? null;
    if (slot.index === index && slot.data === data && slot.colFrom === colFrom && slot.generation === this.generation) return;
    const { rowHeight, colWidth } = GRID;
    const row = slot.row;
    if (row.hidden) { row.hidden = false; slot.gutter.hidden = false; }
    if (slot.index !== index) {
      // Placed by `top`, not a transform: a transform per row is a property-tree node the compositor pulls and
      // pushes on every frame, where moving a row by `top` costs a fraction of a millisecond of layout.
      const y = `${index * rowHeight}px`;
      row.style.top = y;
      slot.gutter.style.top = y;
      row.setAttribute('aria-rowindex', String(index + 2));
      row.setAttribute('data-index', String(index));
      slot.gutter.setAttribute('data-index', String(index));
    }
    if (slot.data !== data || slot.index !== index) {
      const status = `status-${data?.status ?? 'loading'}`;
      const num = data ? String(data.rowNumber) : '…';
      row.className = `grid-row ${status}`;
      slot.gutter.className = `grid-gutter-num ${status}`;
      if (data) row.setAttribute('data-row', num);
      else row.removeAttribute('data-row');
      if (slot.head.data !== num) slot.head.data = num;
      if (slot.gutterText.data !== num) slot.gutterText.data = num;
    }
    const rowActive = view.active.row === index;
    // The row's number is the active cell when the row-number column is.
    const numActive = rowActive && view.active.col < 0;
    slot.gutter.classList.toggle('cell-active', numActive);
    if (numActive) {
      slot.rowHeader.id = view.activeId;
      if (data?.duplicateOf) slot.rowHeader.setAttribute('aria-describedby', view.tipId);
      else slot.rowHeader.removeAttribute('aria-describedby');
    } else if (slot.rowHeader.id) {
      slot.rowHeader.removeAttribute('id');
      slot.rowHeader.removeAttribute('aria-describedby');
    }

    const width = view.columns.length * colWidth;
    if (slot.width !== width) { row.style.width = `${width}px`; slot.width = width; }
    if (slot.colFrom !== colFrom) row.style.paddingLeft = `${colFrom * colWidth}px`;
    for (let k = 0; k < slot.cells.length; k++) {
      const cell = slot.cells[k];
      const ci = colFrom + k;
      if (ci >= colTo) {
        if (slot.positions[k] !== -1) this.hideCell(slot, k);
        continue;
      }
      if (cell.hidden) cell.hidden = false;
      const column = view.columns[ci];
      if (slot.positions[k] !== ci) {
        slot.positions[k] = ci;
        cell.setAttribute('aria-colindex', String(ci + 2));
        cell.setAttribute('data-col', String(column));
        cell.setAttribute('data-pos', String(ci));
      }
      const active = rowActive && view.active.col === ci;
      let text = '';
      let className = 'grid-cell';
      let described = false;
      if (data) {
        const v = cellView(data, column);
        text = v.text;
        if (v.mark) className += ` cell-${v.mark}`;
        if (v.clip) className += ' cell-clip';
        if (view.ignored.has(column)) className += ' col-ignored';
        described = active && v.reasons > 0;
      }
      if (active) className += ' cell-active';
      if (slot.texts[k].data !== text) slot.texts[k].data = text;
      if (slot.classes[k] !== className) { cell.className = className; slot.classes[k] = className; }
      if (active) {
        cell.id = view.activeId;
        if (described) cell.setAttribute('aria-describedby', view.tipId);
        else cell.removeAttribute('aria-describedby');
      } else if (cell.id) {
        cell.removeAttribute('id');
        cell.removeAttribute('aria-describedby');
      }
    }
    slot.index = index;
    slot.data = data;
    slot.colFrom = colFrom;
    slot.generation = this.generation;
  }

  /** A cell beyond the columns in view: hidden, and no longer named as any column's. */
  private hideCell(slot: Slot, k: number): void {
    const cell = slot.cells[k];
    cell.hidden = true;
    slot.positions[k] = -1;
    for (const name of ['data-col', 'data-pos', 'aria-colindex', 'id', 'aria-describedby']) cell.removeAttribute(name);
  }

  private hideSlot(slot: Slot): void {
    slot.row.hidden = true;
    slot.gutter.hidden = true;
    slot.row.removeAttribute('data-row');
    slot.row.removeAttribute('data-index');
    slot.gutter.removeAttribute('data-index');
    if (slot.rowHeader.id) slot.rowHeader.removeAttribute('id');
    for (const cell of slot.cells) if (cell.id) { cell.removeAttribute('id'); cell.removeAttribute('aria-describedby'); }
    slot.index = -1;
    slot.data = null;
  }

  /** (Re)creates the slots: `size` rows of `perRow` cells each. Only when the grid's size changes. */
  private build(size: number, perRow: number): void {
    this.rows.replaceChildren();
    this.gutter.replaceChildren();
    this.slots = [];
    this.cellsPerRow = perRow;
    const doc = this.rows.ownerDocument;
    for (let s = 0; s < size; s++) {
      const row = doc.createElement('div');
      row.setAttribute('role', 'row');
      row.className = 'grid-row status-loading';
      row.hidden = true;
      // For screen readers; the visible number is in the sticky gutter.
      const rowHeader = doc.createElement('div');
      rowHeader.className = 'grid-rowheader';
      rowHeader.setAttribute('role', 'rowheader');
      rowHeader.setAttribute('aria-colindex', '1');
      const head = doc.createTextNode('…');
      rowHeader.append(head);
      row.append(rowHeader);
      const cells: HTMLDivElement[] = [];
      const texts: Text[] = [];
      for (let k = 0; k < perRow; k++) {
        const cell = doc.createElement('div');
        cell.setAttribute('role', 'gridcell');
        cell.className = 'grid-cell';
        const text = doc.createTextNode('');
        cell.append(text);
        row.append(cell);
        cells.push(cell);
        texts.push(text);
      }
      const gutter = doc.createElement('div');
      gutter.className = 'grid-gutter-num status-loading';
      gutter.setAttribute('data-gutter', '');
      gutter.hidden = true;
      const gutterText = doc.createTextNode('…');
      gutter.append(gutterText);
      this.rows.append(row);
      this.gutter.append(gutter);
      this.slots.push({ row, head, rowHeader, cells, texts, classes: cells.map(() => 'grid-cell'), positions: cells.map(() => -2), gutter, gutterText, index: -1, data: null, colFrom: -1, generation: -1, width: -1 });
    }
  }
}
