/**
 * The review grid: virtualized rows (smooth at 200,000), cells coloured by their worst issue or by an automatic
 * change, the reason on hover, keyboard navigation (arrows, Enter/F2 to edit, Escape to cancel) and in-place edits.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../../shared/ingest/types';
import type { ColumnMapping, TargetDef } from '../../../shared/mapping/types';
import type { GridRow } from '../workers/protocol';
import { useGridRows } from './useGridRows';
import { ReviewGridRow, type EditorActions } from './ReviewGridRow';

/** Fixed row height (also in app.css): rows are never measured. */
const ROW_HEIGHT = 30;
const NUM_WIDTH = 72;
/** Column width (also in app.css, .grid-cell). */
const COL_WIDTH = 180;
/** Rows fetched beyond each edge of the window. */
const PREFETCH = 50;

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

/** The cell (row position in the view, column position) a mouse event happened on, if any. */
function cellAt(target: EventTarget): { row: number; col: number } | null {
  const cell = (target as HTMLElement).closest?.('[data-pos]');
  const row = cell?.closest('[data-index]');
  if (!cell || !row) return null;
  return { row: Number(row.getAttribute('data-index')), col: Number(cell.getAttribute('data-pos')) };
}

export function ReviewGrid({ columns, mappings, targets, count, version, height, onEdit, onActiveRow }: Props) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { want, get } = useGridRows(version);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ value: string } | null>(null);

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 3 });
  const items = virtualizer.getVirtualItems();
  // Rows are drawn in slot order (slot = index modulo the rows on screen), so React never moves a row element
  // when scrolling: the row that scrolls in takes the slot, key and elements of the row that scrolled out.
  const slots = useMemo(() => [...items].sort((a, b) => (a.index % items.length) - (b.index % items.length)), [items]);
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    // Half a page beyond each edge: while scrolling, the next page is usually there before its rows are.
    if (count > 0) want(Math.max(0, first - PREFETCH), Math.min(count, last + 1 + PREFETCH));
  }, [first, last, count, version, want]);

  const activeRow = get(active.row);
  useEffect(() => onActiveRow(activeRow), [activeRow, onActiveRow]);


  const move = (dRow: number, dCol: number) => {
    setActive((a) => {
      const row = Math.max(0, Math.min(count - 1, a.row + dRow));
      const col = Math.max(0, Math.min(columns.length - 1, a.col + dCol));
      virtualizer.scrollToIndex(row, { align: 'auto' });
      return { row, col };
    });
  };

  const startEdit = () => {
    const r = get(active.row);
    if (r) setEditing({ value: r.cells[columns[active.col].index] ?? '' });
  };

  const commit = () => {
    const r = get(active.row);
    if (r && editing) onEdit(r.rowIndex, columns[active.col].index, editing.value);
    setEditing(null);
    scrollRef.current?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1, 0), ArrowUp: () => move(-1, 0), ArrowLeft: () => move(0, -1), ArrowRight: () => move(0, 1),
      PageDown: () => move(page, 0), PageUp: () => move(-page, 0), Home: () => move(-count, 0), End: () => move(count, 0),
      Enter: startEdit, F2: startEdit, Tab: () => move(0, e.shiftKey ? -1 : 1),
    };
    const k = keys[e.key];
    if (!k) return;
    if (e.key === 'Tab' && ((e.shiftKey && active.col === 0) || (!e.shiftKey && active.col === columns.length - 1))) return;
    e.preventDefault();
    k();
  };

  const width = NUM_WIDTH + columns.length * COL_WIDTH;
  const ignored = useMemo(() => new Set(mappings.filter((m) => m.target === 'ignore').map((m) => m.column)), [mappings]);
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  const columnIndexes = useMemo(() => columns.map((c) => c.index), [columns]);

  // Stable callbacks for the memoised rows; they read the latest state through a ref.
  const latest = useRef({ commit });
  latest.current = { commit };
  const actions = useMemo<EditorActions>(() => ({
    change: (value) => setEditing({ value }),
    commit: () => latest.current.commit(),
    cancel: () => { setEditing(null); scrollRef.current?.focus(); },
  }), []);

  // One click and one double-click handler for the whole grid (not two per cell).
  const onClick = (e: React.MouseEvent) => {
    const at = cellAt(e.target);
    if (at) setActive(at);
  };
  const onDoubleClick = (e: React.MouseEvent) => {
    const at = cellAt(e.target);
    const r = at && get(at.row);
    if (!at || !r) return;
    setActive(at);
    setEditing({ value: r.cells[columns[at.col].index] ?? '' });
  };

  // The header is the same on every scroll frame: built once per columns / mapping / language.
  const header = useMemo(() => {
    const targetLabel = (column: number) => {
      const m = mappings.find((x) => x.column === column);
      if (!m || m.target === 'ignore') return t('mapping.ignored');
      const d = targets.find((x) => x.id === m.target);
      return d ? d.label[lang] : m.target;
    };
    return (
      <div className="grid-header" role="row" style={{ width }}>
        <div className="grid-num" role="columnheader">{t('review.row')}</div>
        {columns.map((c) => (
          <div key={c.index} className="grid-head-cell" role="columnheader" style={{ width: COL_WIDTH }} title={`${c.header} → ${targetLabel(c.index)}`}>
            <div className="grid-head-name">{c.header}</div>
            <div className="grid-head-target">{targetLabel(c.index)}</div>
          </div>
        ))}
      </div>
    );
  }, [columns, mappings, targets, width, t, lang]);

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
      style={{ height }}
      data-testid="grid"
    >
      {header}
      <div className="grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
        {/* The row numbers stay in view when scrolling sideways: one sticky column for all of them (a sticky
            number in every row made each one a layer of its own and cost more than the rows themselves). */}
        <div className="grid-gutter" aria-hidden="true">
          {slots.map((v) => {
            const r = get(v.index);
            return (
              <div
                key={v.index % items.length}
                className={`grid-gutter-num status-${r?.status ?? 'loading'}`}
                style={{ transform: `translateY(${v.start}px)` }}
                title={r?.duplicateOf ? t('review.duplicateOf', { n: r.duplicateOf }) : undefined}
              >
                {r?.rowNumber ?? '…'}
              </div>
            );
          })}
        </div>
        <div className="grid-rows" style={{ width: width - NUM_WIDTH }}>
          {slots.map((v) => (
            <ReviewGridRow
              key={v.index % items.length}
              index={v.index}
              start={v.start}
              width={width - NUM_WIDTH}
              row={get(v.index)}
              columns={columns}
              columnIndexes={columnIndexes}
              ignored={ignored}
              lang={lang}
              t={t}
              activeCol={active.row === v.index ? active.col : -1}
              editing={active.row === v.index ? editing : null}
              actions={actions}
            />
          ))}
        </div>
      </div>
      {count === 0 && <Text p="md" c="dimmed">{t('review.nothingHere')}</Text>}
    </div>
  );
}
