/**
 * "Keep the original" for one cell: which automatic changes a user can turn off cell by cell, and the per-cell
 * sets of turned-off codes a PreparePlan carries (the whole file's turned-off codes included, so a cleaner gets one set).
 */
import type { CellKeep, Change, PreparedRow } from './types';

/**
 * The automatic changes the cleaners can leave out (shared/clean checks `allowed(ctx, code)` for exactly these).
 * The others (spaces removed from a phone, +84 → 0, a placeholder emptied…) are needed for the value to be sent at
 * all: for those the user edits the cell instead.
 */
export const SWITCHABLE_CHANGES: ReadonlySet<string> = new Set([
  'name.title-case', 'email.typo-fixed', 'phone.leading-zero', 'phone.2018-conversion', 'phone.2017-area-code',
]);

/** True when `code` can be turned off for a cell (or the whole file). */
export function isSwitchable(code: string): boolean {
  return SWITCHABLE_CHANGES.has(code);
}

/**
 * The switchable automatic changes one cell got (the row's `changes` in `column`), each code once: what "keep the
 * original" turns off for that cell. Shared by the app's "keep the whole column as typed" and `omi-import
 * --keep-original`, so both keep exactly the same changes.
 */
export function switchableCodesIn(changes: readonly Change[], column: number): string[] {
  const codes: string[] = [];
  for (const c of changes) if (c.column === column && isSwitchable(c.code) && !codes.includes(c.code)) codes.push(c.code);
  return codes;
}

/**
 * "Keep the original" for whole columns: one CellKeep for each cell of `columns` that got a switchable change in the
 * prepared `rows` (cells nothing was changed in need none). Pass the result as PrepareOptions.keepOriginal.
 */
export function columnKeeps(rows: readonly PreparedRow[], columns: readonly number[]): CellKeep[] {
  const keeps: CellKeep[] = [];
  for (const row of rows) {
    if (row.changes.length === 0) continue;
    for (const column of columns) {
      const codes = switchableCodesIn(row.changes, column);
      if (codes.length > 0) keeps.push({ rowNumber: row.rowNumber, column, codes });
    }
  }
  return keeps;
}

/** rowNumber → column → the codes turned off for that cell (whole-file ones included). */
export type CellDisabled = ReadonlyMap<number, ReadonlyMap<number, ReadonlySet<string>>>;

/**
 * Indexes the kept cells by row number and column. Each cell's set also holds the whole file's turned-off codes, so
 * a cleaner is handed one set; codes that are not switchable are dropped (they would do nothing).
 */
export function indexCellKeeps(keeps: readonly CellKeep[] | undefined, fileDisabled: ReadonlySet<string>): CellDisabled {
  const out = new Map<number, Map<number, Set<string>>>();
  for (const k of keeps ?? []) {
    const codes = k.codes.filter(isSwitchable);
    if (codes.length === 0) continue;
    let row = out.get(k.rowNumber);
    if (!row) out.set(k.rowNumber, (row = new Map()));
    let set = row.get(k.column);
    if (!set) row.set(k.column, (set = new Set(fileDisabled)));
    for (const c of codes) set.add(c);
  }
  return out;
}

/** What each switchable change does, in a few words, for messages about a cell kept as typed. */
export const SWITCHABLE_LABEL: Readonly<Record<string, { vi: string; en: string }>> = {
  'name.title-case': { vi: 'viết hoa chữ đầu trong tên', en: 'capitalising the name' },
  'email.typo-fixed': { vi: 'sửa tên miền email gõ nhầm', en: 'correcting the mistyped email domain' },
  'phone.leading-zero': { vi: 'thêm số 0 đầu', en: 'adding the leading 0' },
  'phone.2018-conversion': { vi: 'đổi đầu số 11 số sang 10 số (2018)', en: 'converting the 11-digit prefix to 10 digits (2018)' },
  'phone.2017-area-code': { vi: 'đổi mã vùng cũ (2017)', en: 'converting the old area code (2017)' },
};
