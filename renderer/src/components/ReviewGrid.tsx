/**
 * The review grid: virtualized rows (smooth at 200,000), cells coloured by their worst issue or by an automatic
 * change, the reason on hover, keyboard navigation (arrows, Enter/F2 to edit, Escape to cancel) and in-place edits.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../../shared/ingest/types';
import type { ColumnMapping, TargetDef } from '../../../shared/mapping/types';
import type { GridRow } from '../workers/protocol';
import { useBilingual } from '../i18n';
import { useGridRows } from './useGridRows';

const ROW_HEIGHT = 30;
const NUM_WIDTH = 72;
const COL_WIDTH = 180;
/** More than the rows on screen plus overscan, at any window height. */
const SLOTS = 128;

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

interface RowActions {
  select(row: number, col: number): void;
  edit(row: number, col: number, value: string): void;
  change(value: string): void;
  commit(): void;
  cancel(): void;
}

/** What a cell shows and how it is marked. */
function cellView(row: GridRow, column: number, lang: 'vi' | 'en') {
  const pickText = (b: { vi: string; en: string }) => b[lang];
  const issues = row.issues.filter((i) => i.column === column);
  const change = [...row.changes].reverse().find((c) => c.column === column);
  const edited = row.edited.includes(column);
  const raw = row.cells[column] ?? '';
  const text = change && !edited ? change.after : raw;
  const mark = issues.some((i) => i.severity === 'error') ? 'error' : issues.length ? 'warning' : edited ? 'edited' : change ? 'changed' : '';
  const title = [
    ...issues.map((i) => pickText(i.message) + (i.suggestion ? ` → ${i.suggestion}` : '')),
    ...row.changes.filter((c) => c.column === column).map((c) => `${c.before} → ${c.after}: ${pickText(c.reason)}`),
  ].join('\n');
  return { text, mark, title };
}

export function ReviewGrid({ columns, mappings, targets, count, version, height, onEdit, onActiveRow }: Props) {
  const { t, i18n } = useTranslation();
  const pick = useBilingual();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { want, get } = useGridRows(version);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ value: string } | null>(null);

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) want(first, last + 1);
  }, [first, last, count, version, want]);

  const activeRow = get(active.row);
  useEffect(() => onActiveRow(activeRow), [activeRow, onActiveRow]);

  const targetLabel = (column: number) => {
    const m = mappings.find((x) => x.column === column);
    if (!m || m.target === 'ignore') return t('mapping.ignored');
    const d = targets.find((x) => x.id === m.target);
    return d ? pick(d.label) : m.target;
  };

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

  // Stable callbacks for the memoised rows; they read the latest state through a ref.
  const latest = useRef({ commit, setActive, setEditing });
  latest.current = { commit, setActive, setEditing };
  const actions = useMemo<RowActions>(() => ({
    select: (row, col) => latest.current.setActive({ row, col }),
    edit: (row, col, value) => { latest.current.setActive({ row, col }); latest.current.setEditing({ value }); },
    change: (value) => latest.current.setEditing({ value }),
    commit: () => latest.current.commit(),
    cancel: () => { latest.current.setEditing(null); scrollRef.current?.focus(); },
  }), []);

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
      style={{ height }}
      data-testid="grid"
    >
      <div className="grid-header" role="row" style={{ width }}>
        <div className="grid-num" role="columnheader">{t('review.row')}</div>
        {columns.map((c) => (
          <div key={c.index} className="grid-head-cell" role="columnheader" style={{ width: COL_WIDTH }} title={`${c.header} → ${targetLabel(c.index)}`}>
            <div className="grid-head-name">{c.header}</div>
            <div className="grid-head-target">{targetLabel(c.index)}</div>
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {items.map((v) => (
          <RowView
            // Keys recycle a fixed set of slots, so scrolling updates existing row elements instead of
            // creating new ones (the window never holds more than SLOTS rows).
            key={v.index % SLOTS}
            index={v.index}
            start={v.start}
            width={width}
            row={get(v.index)}
            columns={columns}
            ignored={ignored}
            lang={lang}
            activeCol={active.row === v.index ? active.col : -1}
            editing={active.row === v.index ? editing : null}
            actions={actions}
          />
        ))}
      </div>
      {count === 0 && <Text p="md" c="dimmed">{t('review.nothingHere')}</Text>}
    </div>
  );
}

interface RowViewProps {
  index: number;
  start: number;
  width: number;
  row: GridRow | undefined;
  columns: Column[];
  ignored: Set<number>;
  lang: 'vi' | 'en';
  /** Column position of the active cell when it is in this row, else -1. */
  activeCol: number;
  editing: { value: string } | null;
  actions: RowActions;
}

/** One grid row; memoised so rows whose data did not change are not rendered again while scrolling. */
const RowView = memo(function RowView({ index, start, width, row, columns, ignored, lang, activeCol, editing, actions }: RowViewProps) {
  const { t } = useTranslation();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`grid-row status-${row?.status ?? 'loading'}`}
      style={{ transform: `translateY(${start}px)`, width }}
      data-row={row?.rowNumber}
    >
      <div className="grid-num" role="rowheader" title={row?.duplicateOf ? t('review.duplicateOf', { n: row.duplicateOf }) : undefined}>
        {row?.rowNumber ?? '…'}
      </div>
      {columns.map((c, ci) => {
        const isActive = activeCol === ci;
        if (!row) return <div key={c.index} className="grid-cell" style={{ width: COL_WIDTH }} />;
        if (isActive && editing) {
          return (
            <div key={c.index} className="grid-cell cell-active" style={{ width: COL_WIDTH }}>
              <input
                className="grid-editor"
                autoFocus
                value={editing.value}
                aria-label={t('review.editCell', { column: c.header, row: row.rowNumber })}
                onChange={(e) => actions.change(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') { e.preventDefault(); actions.commit(); }
                  if (e.key === 'Escape') { e.preventDefault(); actions.cancel(); }
                }}
                onBlur={() => actions.commit()}
              />
            </div>
          );
        }
        const view = cellView(row, c.index, lang);
        return (
          <div
            key={c.index}
            role="gridcell"
            className={`grid-cell ${view.mark ? `cell-${view.mark}` : ''} ${isActive ? 'cell-active' : ''} ${ignored.has(c.index) ? 'col-ignored' : ''}`}
            style={{ width: COL_WIDTH }}
            title={view.title || undefined}
            data-col={c.index}
            onClick={() => actions.select(index, ci)}
            onDoubleClick={() => actions.edit(index, ci, row.cells[c.index] ?? '')}
          >
            {view.text}
          </div>
        );
      })}
    </div>
  );
});
