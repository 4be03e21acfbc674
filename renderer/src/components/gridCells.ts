/**
 * What each cell of a review-grid row shows and how it is marked, worked out once per row (not per cell per
 * render), so a row that scrolls into view costs one pass over its issues and changes.
 */
import type { GridRow } from '../workers/protocol';

/** One cell as drawn: its text, its mark (class suffix) and the reasons shown on hover ('' when none). */
export interface CellView {
  text: string;
  mark: '' | 'error' | 'warning' | 'edited' | 'changed';
  title: string;
}

/** The cells of `row` for the given table columns (by their index in the row), in the grid's language. */
export function rowCells(row: GridRow, columns: readonly number[], lang: 'vi' | 'en'): CellView[] {
  return columns.map((column) => {
    const issues = row.issues.filter((i) => i.column === column);
    const changes = row.changes.filter((c) => c.column === column);
    // The last change to a column is what the tool would send; the user's own edit wins over it.
    const change = changes.length ? changes[changes.length - 1] : undefined;
    const edited = row.edited.includes(column);
    const raw = row.cells[column] ?? '';
    const text = change && !edited ? change.after : raw;
    const mark: CellView['mark'] = issues.some((i) => i.severity === 'error') ? 'error' : issues.length ? 'warning' : edited ? 'edited' : change ? 'changed' : '';
    const title = [
      ...issues.map((i) => i.message[lang] + (i.suggestion ? ` → ${i.suggestion}` : '')),
      ...changes.map((c) => `${c.before} → ${c.after}: ${c.reason[lang]}`),
    ].join('\n');
    return { text, mark, title };
  });
}
