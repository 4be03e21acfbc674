/**
 * What each cell of a review-grid row shows and how it is marked, worked out only for the cells drawn (a cell
 * that scrolls into view costs one pass over its row's issues and changes). The reasons behind a mark are only
 * put into words when the grid's tooltip asks for them (`cellReasons`), never while scrolling.
 */
import type { Bilingual } from '../../../shared/text';
import type { GridRow } from '../workers/protocol';

/** One cell as drawn: its text, its mark (class suffix) and how many reasons the tooltip has for it. */
export interface CellView {
  text: string;
  mark: '' | 'error' | 'warning' | 'edited' | 'kept' | 'changed';
  reasons: number;
  /** The text may be wider than the cell: it is clipped with an ellipsis (short text is drawn unclipped). */
  clip: boolean;
}

/**
 * Longest text that always fits a 180 px cell at 13 px: the widest letters ("W", "M", "Ẫ") are about 1 em wide in
 * the usual UI fonts, and 12 of them are under the 164 px inside the padding. Wide scripts (CJK, emoji) and
 * control characters always count as long.
 */
export const UNCLIPPED_MAX_CHARS = 12;

/** Whether `text` might not fit in a cell and must be clipped. */
export function mayOverflow(text: string): boolean {
  if (text.length > UNCLIPPED_MAX_CHARS) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c >= 0x2e80) return true;
  }
  return false;
}

/** One cell of `row` (table column `column`): the text shown, its mark and how many reasons it has. */
export function cellView(row: GridRow, column: number): CellView {
  let errors = 0;
  let issues = 0;
  let change: GridRow['changes'][number] | undefined;
  for (const i of row.issues) if (i.column === column) { issues++; if (i.severity === 'error') errors++; }
  // The last change to a column is what the tool would send; the user's own edit wins over it.
  let changes = 0;
  for (const c of row.changes) if (c.column === column) { change = c; changes++; }
  const edited = row.edited.includes(column);
  // Kept as typed by the user ("keep the original"): marked as such, so a cell the tool left alone on purpose
  // does not look like one it never looked at.
  const kept = row.kept?.some((k) => k.column === column && k.codes.length > 0) ?? false;
  const raw = row.cells[column] ?? '';
  const text = change && !edited ? change.after : raw;
  const mark: CellView['mark'] = errors ? 'error' : issues ? 'warning' : edited ? 'edited' : kept ? 'kept' : change ? 'changed' : '';
  return { text, mark, reasons: issues + changes + (kept ? 1 : 0), clip: mayOverflow(text) };
}

/** The cells of `row` for the given table columns (by their index in the row). */
export function rowCells(row: GridRow, columns: readonly number[]): CellView[] {
  return columns.map((column) => cellView(row, column));
}

/** One reason shown in the grid's tooltip: an issue found in the cell, or an automatic change made to it. */
export type CellReason =
  | { kind: 'error' | 'warning'; message: string; suggestion?: string }
  | { kind: 'change'; before: string; after: string; message: string }
  /** The user kept the cell as typed: these automatic changes (codes) are not made in it. */
  | { kind: 'kept'; codes: string[] }
  /** Plain words about a column header (its target) or a row number (the row it duplicates). */
  | { kind: 'note'; text: string };

/** A sentence in the UI language, with its technical detail (if any) after it. */
function say(text: Bilingual, lang: 'vi' | 'en'): string {
  return text.detail ? `${text[lang]} (${text.detail})` : text[lang];
}

/** Every issue (worst first) and every automatic change of one cell of `row`, in the UI language. */
export function cellReasons(row: GridRow, column: number, lang: 'vi' | 'en'): CellReason[] {
  const issues = row.issues.filter((i) => i.column === column);
  const ordered = [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity !== 'error')];
  return [
    ...ordered.map((i): CellReason => ({ kind: i.severity === 'error' ? 'error' : 'warning', message: say(i.message, lang), ...(i.suggestion ? { suggestion: i.suggestion } : {}) })),
    ...row.changes.filter((c) => c.column === column).map((c): CellReason => ({ kind: 'change', before: c.before, after: c.after, message: say(c.reason, lang) })),
    ...(row.kept ?? []).filter((k) => k.column === column && k.codes.length > 0).map((k): CellReason => ({ kind: 'kept', codes: k.codes })),
  ];
}
