/**
 * The review grid: virtualized rows and columns (smooth at 200,000 rows and 60 columns), cells coloured by their
 * worst issue or by an automatic change, the reasons in one tooltip (hover, or the active cell when moving by
 * keyboard; column headers and row numbers too), keyboard navigation (arrows — up to the header row and left to
 * the row numbers —, Page Up/Down, Home/End, Tab, Enter/F2 to edit, Escape to cancel) and in-place edits.
 *
 * React draws the frame (header, editor, tooltip); the rows are drawn by a GridRowPool straight into the DOM
 * from the scroll listener, so a scroll frame runs no component and reads no layout. While the grid keeps
 * scrolling (a fling, the scroll bar dragged) the rows are painted on a canvas instead (GridCanvas, far cheaper a
 * frame) and the pool is hidden; once scrolling stops the pool is drawn where it stopped and shown again, so
 * clicks, the active cell, the editor, tooltips and screen readers always work on the DOM rows.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../../shared/ingest/types';
import type { ColumnMapping, TargetDef } from '../../../shared/mapping/types';
import type { GridRow } from '../workers/protocol';
import { useGridRows } from './useGridRows';
import { GRID, GridRowPool, type PoolView } from './gridRowPool';
import { GridCanvas } from './gridCanvas';
import { GridTooltip, type GridTooltipHandle } from './GridTooltip';
import { cellReasons, type CellReason } from './gridCells';

const { rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, numWidth: NUM_WIDTH, colWidth: COL_WIDTH } = GRID;
/** A scroll event this soon after the previous one is continuous scrolling: drawn on the canvas. */
const CONTINUOUS_MS = 100;
/** The DOM rows come back this long after the last scroll event. */
const SETTLE_MS = 150;

interface Props {
  columns: Column[];
  mappings: ColumnMapping[];
  targets: TargetDef[];
  count: number;
  version: number;
  height: number | string;
  onEdit(rowIndex: number, column: number, value: string): void;
  onActiveRow(row: GridRow | undefined): void;
}

/** A place in the grid: row -1 is the header row, column -1 the row numbers. */
interface Place { row: number; col: number }

/** The cell, column header or row number an event happened on, with its element. */
function placeAt(target: EventTarget | null): (Place & { el: HTMLElement }) | null {
  const el = (target as HTMLElement | null)?.closest?.<HTMLElement>('[data-pos], [data-head], [data-gutter]');
  if (!el) return null;
  if (el.hasAttribute('data-head')) return { row: -1, col: Number(el.getAttribute('data-head')), el };
  if (el.hasAttribute('data-gutter')) return el.hasAttribute('data-index') ? { row: Number(el.getAttribute('data-index')), col: -1, el } : null;
  const row = el.closest('[data-index]');
  return row ? { row: Number(row.getAttribute('data-index')), col: Number(el.getAttribute('data-pos')), el } : null;
}

/** The review grid of the current view (`count` rows of the worker's filter, refetched when `version` changes). */
export function ReviewGrid({ columns, mappings, targets, count, version, height, onEdit, onActiveRow }: Props) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  const gutterRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const poolRef = useRef<GridRowPool | null>(null);
  const canvasBoxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const canvasObj = useRef<GridCanvas | null>(null);
  const tipRef = useRef<GridTooltipHandle>(null);
  const uid = useId();
  const activeId = `${uid}-active`;
  const tipId = `${uid}-tip`;
  const { want, get, tick } = useGridRows(version);
  const [active, setActive] = useState<Place>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ value: string } | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  const ignored = useMemo(() => new Set(mappings.filter((m) => m.target === 'ignore').map((m) => m.column)), [mappings]);
  const columnIndexes = useMemo(() => columns.map((c) => c.index), [columns]);
  const width = NUM_WIDTH + columns.length * COL_WIDTH;

  // The window: its size (kept by a ResizeObserver, never read while scrolling) and the last scroll position.
  const box = useRef({ width: 0, height: 0, top: 0 });
  const countRef = useRef(count);
  countRef.current = count;
  /** What the rows show (set on the pool too), for the canvas. */
  const lastView = useRef<PoolView | null>(null);
  /**
   * Continuous scrolling: `canvas` while the rows are painted on the canvas; when the last scroll event came; when
   * and to where the grid last scrolled itself to show the active cell (keyboard: the DOM rows stay).
   */
  const scrolling = useRef({
    canvas: false, last: -Infinity, own: -Infinity, ownTop: NaN, ownLeft: NaN, timer: 0 as ReturnType<typeof setTimeout> | 0,
  });
  /** Draws the rows now in view and asks for their pages (and those ahead in the direction of scrolling). */
  const draw = useCallback(() => {
    const grid = scrollRef.current;
    const pool = poolRef.current;
    if (!grid || !pool) return;
    const top = grid.scrollTop;
    const { width: w, height: h } = box.current;
    const view = lastView.current;
    const drawn = scrolling.current.canvas && canvasObj.current && view
      ? canvasObj.current.draw(view, top, grid.scrollLeft, w, h)
      : pool.scrolled(top, grid.scrollLeft, w, h);
    const n = countRef.current;
    if (n > 0 && drawn.last >= drawn.first) want(drawn.first, drawn.last + 1, n, top < box.current.top ? -1 : 1);
    box.current.top = top;
  }, [want]);

  /** Shows the canvas (painted first, in the same task) or the DOM rows (drawn where the grid is now). */
  const showCanvas = useCallback((on: boolean) => {
    const s = scrolling.current;
    if (s.canvas === on) return;
    s.canvas = on;
    draw();
    const hidden = on ? 'hidden' : '';
    rowsRef.current!.style.visibility = hidden;
    gutterRef.current!.style.visibility = hidden;
    canvasBoxRef.current!.style.visibility = on ? 'visible' : '';
  }, [draw]);

  useLayoutEffect(() => {
    const grid = scrollRef.current!;
    poolRef.current = new GridRowPool(grid, rowsRef.current!, gutterRef.current!);
    canvasObj.current = new GridCanvas(canvasRef.current!, grid);
    box.current = { width: grid.clientWidth, height: grid.clientHeight, top: 0 };
    const resized = new ResizeObserver(([entry]) => {
      box.current.width = entry.contentRect.width;
      box.current.height = entry.contentRect.height;
      draw();
    });
    resized.observe(grid);
    const s = scrolling.current;
    return () => {
      resized.disconnect();
      poolRef.current = null;
      canvasObj.current = null;
      clearTimeout(s.timer);
    };
  }, [draw]);

  // What the rows show; a new view makes the pool check every slot once.
  const view = useMemo<PoolView>(() => ({
    columns: columnIndexes, ignored, count, get, active, editing: editing !== null, activeId, tipId,
  }), [columnIndexes, ignored, count, get, active, editing, activeId, tipId]);
  useLayoutEffect(() => {
    const pool = poolRef.current;
    if (!pool) return;
    if (lastView.current !== view) {
      lastView.current = view;
      pool.setView(view);
    }
    // Also after rows arrive or are forgotten (a new version): slots showing other data are drawn again, and the
    // pages of the window asked for.
    draw();
  }, [view, tick, version, draw]);

  const activeRow = active.row >= 0 ? get(active.row) : undefined;
  useEffect(() => onActiveRow(activeRow), [activeRow, onActiveRow]);

  /** The element of the active cell (header, row number or cell), when drawn and in view. */
  const activeCell = useCallback(() => {
    const grid = scrollRef.current;
    const cell = active.row < 0
      ? headerRef.current?.querySelector<HTMLElement>(active.col < 0 ? '.grid-num' : `[data-head="${active.col}"]`) ?? null
      : poolRef.current?.cellElement(active.row, active.col) ?? null;
    if (!grid || !cell) return null;
    const g = grid.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    const top = active.row < 0 ? g.top : g.top + HEADER_HEIGHT;
    const left = active.col < 0 ? g.left : g.left + NUM_WIDTH;
    const visible = c.bottom > top && c.top < g.bottom && c.right > left && c.left < g.right;
    return visible ? cell : null;
  }, [active]);

  const targetLabel = useCallback((column: number) => {
    const m = mappings.find((x) => x.column === column);
    if (!m || m.target === 'ignore') return t('mapping.ignored');
    const d = targets.find((x) => x.id === m.target);
    return d ? d.label[lang] : m.target;
  }, [mappings, targets, t, lang]);

  /** What the tooltip says about a place: a cell's reasons, a column's target, a row's duplicate. */
  const reasonsAt = useCallback((p: Place): CellReason[] => {
    if (p.row < 0) return p.col < 0 ? [] : [{ kind: 'note', text: `${columns[p.col].header} → ${targetLabel(columns[p.col].index)}` }];
    const r = get(p.row);
    if (!r) return [];
    if (p.col < 0) return r.duplicateOf ? [{ kind: 'note', text: t('review.duplicateOf', { n: r.duplicateOf }) }] : [];
    return cellReasons(r, columns[p.col].index, lang);
  }, [columns, targetLabel, get, t, lang]);

  // Moving by keyboard shows the active cell's reasons (and hides the tooltip of a cell without any).
  const byKeyboard = useRef(false);
  useEffect(() => {
    if (!byKeyboard.current) return;
    byKeyboard.current = false;
    if (editing) tipRef.current?.hide();
    else tipRef.current?.show(activeCell(), reasonsAt(active), 'keyboard');
  }, [active, activeCell, reasonsAt, editing]);

  /** Scrolls the grid so that a place is in view (clear of the sticky header and row numbers). */
  const scrollTo = (p: Place) => {
    const grid = scrollRef.current;
    if (!grid) return;
    // The scroll this makes shows the DOM rows (with the active cell), never the canvas.
    const s = scrolling.current;
    s.own = performance.now();
    showCanvas(false);
    const { width: w, height: h } = box.current;
    if (p.row >= 0) {
      const top = p.row * ROW_HEIGHT;
      if (top < grid.scrollTop) grid.scrollTop = top;
      else if (top + ROW_HEIGHT > grid.scrollTop + h - HEADER_HEIGHT) grid.scrollTop = top + ROW_HEIGHT - (h - HEADER_HEIGHT);
    }
    if (p.col >= 0) {
      const left = p.col * COL_WIDTH;
      if (left < grid.scrollLeft) grid.scrollLeft = left;
      else if (left + COL_WIDTH > grid.scrollLeft + w - NUM_WIDTH) grid.scrollLeft = left + COL_WIDTH - (w - NUM_WIDTH);
    }
    // Where it went: its scroll event is known by it even when it comes late (a busy machine).
    s.ownTop = grid.scrollTop;
    s.ownLeft = grid.scrollLeft;
  };

  /** Moves the active cell to `to` (clamped: rows -1…count-1, columns -1…last) and scrolls it into view. */
  const moveTo = (to: Place) => {
    const p = { row: Math.max(-1, Math.min(count - 1, to.row)), col: Math.max(-1, Math.min(columns.length - 1, to.col)) };
    byKeyboard.current = true;
    setActive(p);
    scrollTo(p);
  };

  const startEdit = () => {
    const r = active.row >= 0 && active.col >= 0 ? get(active.row) : undefined;
    if (!r) return;
    showCanvas(false);
    tipRef.current?.hide();
    scrollTo(active);
    setEditing({ value: r.cells[columns[active.col].index] ?? '' });
  };

  // Ends the edit, saving it or not. Focusing the grid blurs the editor, whose blur handler saves (a click
  // elsewhere saves too): that nested call is ignored, so Escape does not save and Enter saves once.
  const finishing = useRef(false);
  const finish = (save: boolean) => {
    if (finishing.current) return;
    finishing.current = true;
    try {
      const r = get(active.row);
      if (save && r && editing) onEdit(r.rowIndex, columns[active.col].index, editing.value);
      setEditing(null);
      scrollRef.current?.focus();
    } finally {
      finishing.current = false;
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing) return;
    const page = Math.max(1, Math.floor((box.current.height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const { row, col } = active;
    // Page and Home/End keys stay among the rows (the header row is reached with the arrow up).
    const rows = (r: number) => Math.max(0, r);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo({ row: row + 1, col }), ArrowUp: () => moveTo({ row: row - 1, col }),
      ArrowLeft: () => moveTo({ row, col: col - 1 }), ArrowRight: () => moveTo({ row, col: col + 1 }),
      PageDown: () => moveTo({ row: rows(row + page), col }), PageUp: () => moveTo({ row: rows(row - page), col }),
      Home: () => moveTo({ row: 0, col }), End: () => moveTo({ row: count - 1, col }),
      Enter: startEdit, F2: startEdit, Tab: () => moveTo({ row, col: Math.max(0, col + (e.shiftKey ? -1 : 1)) }),
      Escape: () => tipRef.current?.hide(),
    };
    const k = keys[e.key];
    if (!k) return;
    if (e.key === 'Tab' && ((e.shiftKey && col <= 0) || (!e.shiftKey && col === columns.length - 1))) return;
    e.preventDefault();
    k();
  };

  // One click, double-click and hover handler for the whole grid (not one per cell).
  const onClick = (e: React.MouseEvent) => {
    const at = placeAt(e.target);
    if (at && at.row >= 0 && at.col >= 0) setActive({ row: at.row, col: at.col });
  };
  const onDoubleClick = (e: React.MouseEvent) => {
    const at = placeAt(e.target);
    const r = at && at.row >= 0 && at.col >= 0 ? get(at.row) : undefined;
    if (!at || !r) return;
    tipRef.current?.hide();
    setActive({ row: at.row, col: at.col });
    setEditing({ value: r.cells[columns[at.col].index] ?? '' });
  };
  const hovered = useRef<HTMLElement | null>(null);
  const onMouseOver = (e: React.MouseEvent) => {
    const at = placeAt(e.target);
    if (at?.el === hovered.current) return;
    hovered.current = at?.el ?? null;
    const reasons = at && !(editing && at.row === active.row && at.col === active.col) ? reasonsAt(at) : [];
    if (at && reasons.length) tipRef.current?.show(at.el, reasons, 'mouse');
    else tipRef.current?.hide();
  };
  const onMouseLeave = () => {
    hovered.current = null;
    tipRef.current?.hide();
  };
  // Scrolling draws the rows now in view and hides the tooltip (a passive listener). A scroll event right after
  // another (not one the grid made to show the active cell, nor while editing) paints the canvas, until scrolling
  // has stopped for SETTLE_MS.
  const editingRef = useRef(false);
  editingRef.current = editing !== null;
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const settle = () => showCanvas(false);
    const onScroll = () => {
      const s = scrolling.current;
      const now = performance.now();
      const own = now - s.own < CONTINUOUS_MS || (el.scrollTop === s.ownTop && el.scrollLeft === s.ownLeft);
      const continuous = now - s.last < CONTINUOUS_MS && !own && !editingRef.current;
      s.last = now;
      if (continuous && !s.canvas) showCanvas(true);
      else draw();
      clearTimeout(s.timer);
      if (s.canvas) s.timer = setTimeout(settle, SETTLE_MS);
      hovered.current = null;
      tipRef.current?.scrolled();
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [draw, showCanvas]);

  // The header is the same on every scroll frame: built once per columns / mapping / language / active header.
  const headActive = active.row < 0 ? active.col : null;
  const header = useMemo(() => (
    <div className="grid-header" role="row" aria-rowindex={1} style={{ width }} ref={headerRef}>
      <div className={headActive === -1 ? 'grid-num cell-active' : 'grid-num'} role="columnheader" aria-colindex={1} id={headActive === -1 ? activeId : undefined}>{t('review.row')}</div>
      {columns.map((c, ci) => (
        <div
          key={c.index}
          className={headActive === ci ? 'grid-head-cell cell-active' : 'grid-head-cell'}
          role="columnheader"
          aria-colindex={ci + 2}
          data-head={ci}
          style={{ width: COL_WIDTH }}
          id={headActive === ci ? activeId : undefined}
          aria-describedby={headActive === ci ? tipId : undefined}
        >
          <div className="grid-head-name">{c.header}</div>
          <div className="grid-head-target">{targetLabel(c.index)}</div>
        </div>
      ))}
    </div>
  ), [columns, width, t, targetLabel, headActive, activeId, tipId]);

  // Stable callbacks for the editor; they read the latest state through a ref.
  const latest = useRef({ finish });
  latest.current = { finish };
  const editorColumn = editing && active.col >= 0 ? columns[active.col] : undefined;
  const editorRow = editing ? get(active.row) : undefined;

  return (
    <div
      ref={scrollRef}
      className="review-grid"
      role="grid"
      aria-rowcount={count + 1}
      aria-colcount={columns.length + 1}
      aria-label={t('review.gridLabel')}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onMouseOver={onMouseOver}
      onMouseLeave={onMouseLeave}
      style={{ height }}
      data-testid="grid"
    >
      {header}
      <div className="grid-body" style={{ height: count * ROW_HEIGHT, width }}>
        {/* The rows while scrolling (gridCanvas.ts): sticky under the header, over the rows, seen only then. */}
        <div className="grid-canvas-box" aria-hidden="true" ref={canvasBoxRef}>
          <canvas className="grid-canvas" ref={canvasRef} />
        </div>
        {/* The row numbers stay in view when scrolling sideways: one sticky column for all of them (a sticky
            number in every row made each one a layer of its own and cost more than the rows themselves). */}
        <div className="grid-gutter" aria-hidden="true" ref={gutterRef} />
        <div className="grid-rows" style={{ width: width - NUM_WIDTH }}>
          <div ref={rowsRef} />
          {editing && editorColumn && editorRow && (
            <div className="grid-cell cell-active grid-edit-cell" style={{ top: active.row * ROW_HEIGHT, left: active.col * COL_WIDTH }}>
              <input
                className="grid-editor"
                autoFocus
                value={editing.value}
                aria-label={t('review.editCell', { column: editorColumn.header, row: editorRow.rowNumber })}
                onChange={(e) => setEditing({ value: e.currentTarget.value })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') { e.preventDefault(); latest.current.finish(true); }
                  if (e.key === 'Escape') { e.preventDefault(); latest.current.finish(false); }
                }}
                onBlur={() => latest.current.finish(true)}
              />
            </div>
          )}
        </div>
      </div>
      {count === 0 && <Text p="md" c="dimmed">{t('review.nothingHere')}</Text>}
      <GridTooltip id={tipId} locate={activeCell} ref={tipRef} />
    </div>
  );
}
