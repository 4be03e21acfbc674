/**
 * One row of the review grid. Scrolling 200,000 rows renders a few of these per frame, so a row is plain
 * <div>s with class names: no component library, no hooks, no per-cell style objects or handlers (clicks are
 * handled once on the grid, by `data-index` / `data-pos`), and its cells are worked out once per row.
 */
import { memo, useMemo } from 'react';
import type { TFunction } from 'i18next';
import type { Column } from '../../../shared/ingest/types';
import type { GridRow } from '../workers/protocol';
import { rowCells } from './gridCells';

/** What the in-place editor of the active cell needs from the grid. */
export interface EditorActions {
  change(value: string): void;
  commit(): void;
  cancel(): void;
}

interface Props {
  /** Position of the row in the current view (filter). */
  index: number;
  /** Top of the row in px. */
  start: number;
  width: number;
  /** Undefined while its page is being fetched from the worker: an empty placeholder row is drawn. */
  row: GridRow | undefined;
  columns: Column[];
  /** Table indexes of the columns of `columns`, in order. */
  columnIndexes: number[];
  ignored: Set<number>;
  lang: 'vi' | 'en';
  t: TFunction;
  /** Column position of the active cell when it is in this row, else -1. */
  activeCol: number;
  editing: { value: string } | null;
  actions: EditorActions;
}

/** A grid row; memoised, so rows that stay on screen while scrolling are not rendered again. */
export const ReviewGridRow = memo(function ReviewGridRow({ index, start, width, row, columns, columnIndexes, ignored, lang, t, activeCol, editing, actions }: Props) {
  const cells = useMemo(() => (row ? rowCells(row, columnIndexes, lang) : null), [row, columnIndexes, lang]);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`grid-row status-${row?.status ?? 'loading'}`}
      style={{ transform: `translateY(${start}px)`, width }}
      data-row={row?.rowNumber}
      data-index={index}
    >
      {/* For screen readers; the visible number is in the grid's sticky gutter. */}
      <div className="grid-rowheader" role="rowheader">{row?.rowNumber ?? '…'}</div>
      {columns.map((c, ci) => {
        if (!row || !cells) return <div key={c.index} className="grid-cell" />;
        if (activeCol === ci && editing) {
          return (
            <div key={c.index} className="grid-cell cell-active">
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
        const view = cells[ci];
        let className = 'grid-cell';
        if (view.mark) className += ` cell-${view.mark}`;
        if (activeCol === ci) className += ' cell-active';
        if (ignored.has(c.index)) className += ' col-ignored';
        return (
          <div key={c.index} role="gridcell" className={className} title={view.title || undefined} data-col={c.index} data-pos={ci}>
            {view.text}
          </div>
        );
      })}
    </div>
  );
});
