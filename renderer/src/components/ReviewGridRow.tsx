/**
 * One row of the review grid. Scrolling 200,000 rows renders a few of these per frame, so a row is plain
 * <div>s with class names: no component library, no hooks beyond one memo, no per-cell style objects or handlers
 * (clicks and hovers are handled once on the grid, by `data-index` / `data-pos`), its cells are worked out once
 * per row, and only the columns in view are drawn (a 60-column file costs what a 7-column one does).
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
  /** Top of the row in px, inside the grid body. */
  start: number;
  width: number;
  /** Undefined while its page is being fetched from the worker: an empty placeholder row is drawn. */
  row: GridRow | undefined;
  columns: Column[];
  /** Table indexes of the columns of `columns`, in order. */
  columnIndexes: number[];
  /** Column positions drawn: [colFrom, colTo). The columns before colFrom are left as padding. */
  colFrom: number;
  colTo: number;
  colWidth: number;
  ignored: Set<number>;
  t: TFunction;
  /** Column position of the active cell when it is in this row, else -1. */
  activeCol: number;
  /** DOM id given to the active cell (the grid's aria-activedescendant). */
  activeId: string;
  /** Id of the grid's tooltip, which describes the active cell when it has reasons. */
  tipId: string;
  editing: { value: string } | null;
  actions: EditorActions;
}

/** A grid row; memoised, so rows that stay on screen while scrolling are not rendered again. */
export const ReviewGridRow = memo(function ReviewGridRow(props: Props) {
  const { index, start, width, row, columns, columnIndexes, colFrom, colTo, colWidth, ignored, t, activeCol, activeId, tipId, editing, actions } = props;
  const cells = useMemo(() => (row ? rowCells(row, columnIndexes) : null), [row, columnIndexes]);
  const drawn = [];
  for (let ci = colFrom; ci < colTo; ci++) {
    const c = columns[ci];
    if (!row || !cells) {
      drawn.push(<div key={c.index} className="grid-cell" />);
      continue;
    }
    if (activeCol === ci && editing) {
      drawn.push(
        <div key={c.index} role="gridcell" aria-colindex={ci + 2} className="grid-cell cell-active" id={activeId}>
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
        </div>,
      );
      continue;
    }
    const view = cells[ci];
    let className = 'grid-cell';
    if (view.mark) className += ` cell-${view.mark}`;
    if (view.clip) className += ' cell-clip';
    if (ignored.has(c.index)) className += ' col-ignored';
    const active = activeCol === ci;
    if (active) className += ' cell-active';
    drawn.push(
      <div
        key={c.index}
        role="gridcell"
        aria-colindex={ci + 2}
        className={className}
        data-col={c.index}
        data-pos={ci}
        id={active ? activeId : undefined}
        aria-describedby={active && view.reasons ? tipId : undefined}
      >
        {view.text}
      </div>,
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`grid-row status-${row?.status ?? 'loading'}`}
      style={{ top: start, width, paddingLeft: colFrom * colWidth }}
      data-row={row?.rowNumber}
      data-index={index}
    >
      {/* For screen readers; the visible number is in the grid's sticky gutter. */}
      <div className="grid-rowheader" role="rowheader" aria-colindex={1}>{row?.rowNumber ?? '…'}</div>
      {drawn}
    </div>
  );
});
