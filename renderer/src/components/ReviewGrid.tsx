/**
 * The review grid: virtualized rows and columns (smooth at 200,000 rows and 60 columns), cells coloured by their
 * worst issue or by an automatic change, the reasons in one tooltip (hover, or the active cell when moving by
 * keyboard), keyboard navigation (arrows, Page Up/Down, Home/End, Tab, Enter/F2 to edit, Escape to cancel) and
 * in-place edits.
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../../shared/ingest/types';
import type { ColumnMapping, TargetDef } from '../../../shared/mapping/types';
import type { GridRow } from '../workers/protocol';
import { useGridRows } from './useGridRows';
import { ReviewGridRow, type EditorActions } from './ReviewGridRow';
import { GridTooltip, type GridTooltipHandle } from './GridTooltip';
import { cellReasons } from './gridCells';

/** Fixed row height (also in app.css): rows are never measured. */
const ROW_HEIGHT = 30;
/** Height of the sticky header (also in app.css, .grid-header). */
const HEADER_HEIGHT = 40;
const NUM_WIDTH = 72;
/** Column width (also in app.css, .grid-cell). */
const COL_WIDTH = 180;
/** Rows drawn beyond each edge of the window. */
const OVERSCAN = 3;

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

/** The cell element (and its row position in the view, column position) an event happened on, if any. */
function cellAt(target: EventTarget | null): { row: number; col: number; el: HTMLElement } | null {
  const cell = (target as HTMLElement | null)?.closest?.<HTMLElement>('[data-pos]');
  const row = cell?.closest('[data-index]');
  if (!cell || !row) return null;
  return { row: Number(row.getAttribute('data-index')), col: Number(cell.getAttribute('data-pos')), el: cell };
}

/** A row number in the sticky gutter, marked by the row's status; memoised like the rows. */
const GutterNum = memo(function GutterNum({ top, status, rowNumber, duplicateOf, t }: { top: number; status?: string; rowNumber?: number; duplicateOf?: number; t: TFunction }) {
  return (
    <div className={`grid-gutter-num status-${status ?? 'loading'}`} style={{ top }} title={duplicateOf ? t('review.duplicateOf', { n: duplicateOf }) : undefined}>
      {rowNumber ?? '…'}
    </div>
  );
});

export function ReviewGrid({ columns, mappings, targets, count, version, height, onEdit, onActiveRow }: Props) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const tipRef = useRef<GridTooltipHandle>(null);
  const uid = useId();
  const activeId = `${uid}-active`;
  const tipId = `${uid}-tip`;
  const { want, get } = useGridRows(version);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ value: string } | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  const getScrollElement = useCallback(() => scrollRef.current, []);
  // The body starts under the sticky header and right of the sticky row numbers: the virtualizers count those
  // as padding, and scrolling a row or column into view keeps it clear of them.
  const rowsV = useVirtualizer({
    count, getScrollElement, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN,
    paddingStart: HEADER_HEIGHT, scrollPaddingStart: HEADER_HEIGHT,
  });
  const colsV = useVirtualizer({
    horizontal: true, count: columns.length, getScrollElement, estimateSize: () => COL_WIDTH, overscan: 0,
    paddingStart: NUM_WIDTH, scrollPaddingStart: NUM_WIDTH,
  });
  const items = rowsV.getVirtualItems();
  const colItems = colsV.getVirtualItems();
  const colFrom = colItems[0]?.index ?? 0;
  const colTo = colItems.length ? colItems[colItems.length - 1].index + 1 : Math.min(columns.length, 8);

  // A fixed number of rows is drawn (`pool`, as many as the window can ever hold): the consecutive rows from the
  // first one in view. Each is drawn in its slot (index modulo pool), so React never creates, removes or moves a
  // row element while scrolling: the row that scrolls in takes the slot, key and elements of the row that
  // scrolled out, and every other row keeps its own. (Drawing only the rows in view made their number change with
  // the offset, so a row was unmounted and mounted again on most frames.)
  const pool = Math.max(items.length, Math.ceil((rowsV.scrollRect?.height ?? 0) / ROW_HEIGHT) + 2 * OVERSCAN + 2);
  const drawnCount = Math.min(pool, count);
  const first = Math.max(0, Math.min(items[0]?.index ?? 0, count - drawnCount));
  const last = first + drawnCount - 1;
  const slots = useMemo(() => {
    const out: number[] = [];
    for (let i = first; i <= last; i++) out.push(i);
    return out.sort((a, b) => (a % pool) - (b % pool));
  }, [first, last, pool]);
  const direction = rowsV.scrollDirection;

  useEffect(() => {
    if (count > 0) want(first, last + 1, count, direction === 'backward' ? -1 : 1);
  }, [first, last, count, version, want, direction]);

  const activeRow = get(active.row);
  useEffect(() => onActiveRow(activeRow), [activeRow, onActiveRow]);

  /** The element of the active cell, when drawn and in view (not under the sticky header or row numbers). */
  const activeCell = useCallback(() => {
    const grid = scrollRef.current;
    const cell = grid?.querySelector<HTMLElement>(`[data-index="${active.row}"] [data-pos="${active.col}"]`);
    if (!grid || !cell) return null;
    const g = grid.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    const visible = c.bottom > g.top + HEADER_HEIGHT && c.top < g.bottom && c.right > g.left + NUM_WIDTH && c.left < g.right;
    return visible ? cell : null;
  }, [active]);

  // Moving by keyboard shows the active cell's reasons (and hides the tooltip of a cell without any).
  const byKeyboard = useRef(false);
  useEffect(() => {
    if (!byKeyboard.current) return;
    byKeyboard.current = false;
    const r = get(active.row);
    if (!r || editing) tipRef.current?.hide();
    else tipRef.current?.show(activeCell(), cellReasons(r, columns[active.col].index, lang), 'keyboard');
  }, [active, activeCell, get, columns, lang, editing]);

  const move = (dRow: number, dCol: number) => {
    byKeyboard.current = true;
    setActive((a) => {
      const row = Math.max(0, Math.min(count - 1, a.row + dRow));
      const col = Math.max(0, Math.min(columns.length - 1, a.col + dCol));
      rowsV.scrollToIndex(row, { align: 'auto' });
      colsV.scrollToIndex(col, { align: 'auto' });
      return { row, col };
    });
  };

  const startEdit = () => {
    const r = get(active.row);
    if (!r) return;
    tipRef.current?.hide();
    colsV.scrollToIndex(active.col, { align: 'auto' });
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
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 300) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1, 0), ArrowUp: () => move(-1, 0), ArrowLeft: () => move(0, -1), ArrowRight: () => move(0, 1),
      PageDown: () => move(page, 0), PageUp: () => move(-page, 0), Home: () => move(-count, 0), End: () => move(count, 0),
      Enter: startEdit, F2: startEdit, Tab: () => move(0, e.shiftKey ? -1 : 1),
      Escape: () => tipRef.current?.hide(),
    };
    const k = keys[e.key];
    if (!k) return;
    if (e.key === 'Tab' && ((e.shiftKey && active.col === 0) || (!e.shiftKey && active.col === columns.length - 1))) return;
    e.preventDefault();
    k();
  };

  const width = NUM_WIDTH + columns.length * COL_WIDTH;
  const ignored = useMemo(() => new Set(mappings.filter((m) => m.target === 'ignore').map((m) => m.column)), [mappings]);
  const columnIndexes = useMemo(() => columns.map((c) => c.index), [columns]);

  // Stable callbacks for the memoised rows; they read the latest state through a ref.
  const latest = useRef({ finish });
  latest.current = { finish };
  const actions = useMemo<EditorActions>(() => ({
    change: (value) => setEditing({ value }),
    commit: () => latest.current.finish(true),
    cancel: () => latest.current.finish(false),
  }), []);

  // One click, double-click and hover handler for the whole grid (not one per cell).
  const onClick = (e: React.MouseEvent) => {
    const at = cellAt(e.target);
    if (at) setActive({ row: at.row, col: at.col });
  };
  const onDoubleClick = (e: React.MouseEvent) => {
    const at = cellAt(e.target);
    const r = at && get(at.row);
    if (!at || !r) return;
    tipRef.current?.hide();
    setActive({ row: at.row, col: at.col });
    setEditing({ value: r.cells[columns[at.col].index] ?? '' });
  };
  const hovered = useRef<HTMLElement | null>(null);
  const onMouseOver = (e: React.MouseEvent) => {
    const at = cellAt(e.target);
    if (at?.el === hovered.current) return;
    hovered.current = at?.el ?? null;
    const r = at && get(at.row);
    const reasons = at && r && !(editing && at.row === active.row && at.col === active.col) ? cellReasons(r, columns[at.col].index, lang) : [];
    if (at && reasons.length) tipRef.current?.show(at.el, reasons, 'mouse');
    else tipRef.current?.hide();
  };
  const onMouseLeave = () => {
    hovered.current = null;
    tipRef.current?.hide();
  };
  // Scrolling hides the tooltip (a passive listener: nothing else runs per scroll frame).
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      hovered.current = null;
      tipRef.current?.scrolled();
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  // The header is the same on every scroll frame: built once per columns / mapping / language.
  const header = useMemo(() => {
    const targetLabel = (column: number) => {
      const m = mappings.find((x) => x.column === column);
      if (!m || m.target === 'ignore') return t('mapping.ignored');
      const d = targets.find((x) => x.id === m.target);
      return d ? d.label[lang] : m.target;
    };
    return (
      <div className="grid-header" role="row" aria-rowindex={1} style={{ width }}>
        <div className="grid-num" role="columnheader" aria-colindex={1}>{t('review.row')}</div>
        {columns.map((c, ci) => (
          <div key={c.index} className="grid-head-cell" role="columnheader" aria-colindex={ci + 2} style={{ width: COL_WIDTH }} title={`${c.header} → ${targetLabel(c.index)}`}>
            <div className="grid-head-name">{c.header}</div>
            <div className="grid-head-target">{targetLabel(c.index)}</div>
          </div>
        ))}
      </div>
    );
  }, [columns, mappings, targets, width, t, lang]);

  const activeDrawn = active.row >= first && active.row <= last && active.col >= colFrom && active.col < colTo;
  return (
    <div
      ref={scrollRef}
      className="review-grid"
      role="grid"
      aria-rowcount={count + 1}
      aria-colcount={columns.length + 1}
      aria-label={t('review.gridLabel')}
      aria-activedescendant={activeDrawn && !editing ? activeId : undefined}
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
      <div className="grid-body" style={{ height: rowsV.getTotalSize() - HEADER_HEIGHT, width }}>
        {/* The row numbers stay in view when scrolling sideways: one sticky column for all of them (a sticky
            number in every row made each one a layer of its own and cost more than the rows themselves). */}
        <div className="grid-gutter" aria-hidden="true">
          {slots.map((index) => {
            const r = get(index);
            return <GutterNum key={index % pool} top={index * ROW_HEIGHT} status={r?.status} rowNumber={r?.rowNumber} duplicateOf={r?.duplicateOf} t={t} />;
          })}
        </div>
        <div className="grid-rows" style={{ width: width - NUM_WIDTH }}>
          {slots.map((index) => (
            <ReviewGridRow
              key={index % pool}
              index={index}
              start={index * ROW_HEIGHT}
              width={width - NUM_WIDTH}
              row={get(index)}
              columns={columns}
              columnIndexes={columnIndexes}
              colFrom={colFrom}
              colTo={colTo}
              colWidth={COL_WIDTH}
              ignored={ignored}
              t={t}
              activeCol={active.row === index ? active.col : -1}
              activeId={activeId}
              tipId={tipId}
              editing={active.row === index ? editing : null}
              actions={actions}
            />
          ))}
        </div>
      </div>
      {count === 0 && <Text p="md" c="dimmed">{t('review.nothingHere')}</Text>}
      <GridTooltip id={tipId} locate={activeCell} ref={tipRef} />
    </div>
  );
}
