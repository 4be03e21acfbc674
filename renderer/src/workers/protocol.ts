/**
 * Messages between the UI thread and the pipeline worker. The worker owns the big data (the workbook,
 * the table, the prepared rows); the UI only ever holds summaries and the window of rows on screen.
 */
import type { Bilingual } from '../../../shared/text';
import type { Column, ReadTableOptions, Workbook } from '../../../shared/ingest/types';
import type { ColumnMapping, MappingTemplate, TargetDef } from '../../../shared/mapping/types';
import type { Change, DuplicateGroup, DuplicatePolicy, Issue, PreparedTable, RowStatus } from '../../../shared/prepare/types';
import type { GroupMember, GroupPreview } from '../../../shared/prepare/duplicate-preview';
import type { Funnel, LayoutAttribute } from '../../../shared/omi/types';
import type { ImportMode, ImportOptions, ImportPlan, ImportResult } from '../../../shared/upload/types';

/** What the File and Mapping screens need to know about the table read from the file. */
export interface TableSummary {
  fileName: string;
  sheet: string;
  headerRow: number;
  columns: Column[];
  rowCount: number;
  notes: Bilingual[];
  /** First rows (cells as text) for the preview. */
  preview: { rowNumber: number; cells: string[] }[];
  /** A few non-empty values per column, for the mapping screen. */
  samples: string[][];
  /**
   * Only the first rows of a big file have been read so far (a preview): rowCount counts those rows only, and the
   * whole file is read by `loadFull`. Absent or false once the table holds every row.
   */
  partial?: boolean;
}

/** Rows at the top of the sheet, as-is, for picking the header row. */
export interface SheetPreview {
  sheet: string;
  rows: { rowNumber: number; cells: string[] }[];
}

export interface MappingSuggestion {
  mappings: ColumnMapping[];
  targets: TargetDef[];
  /** Saved templates whose headers match this file, best first. */
  templates: { name: string; score: number }[];
}

export type ReviewFilter = 'all' | 'errors' | 'warnings' | 'duplicates' | 'changed';

export interface IssueCount {
  code: string;
  severity: Issue['severity'];
  count: number;
  /** One example message. */
  message: Bilingual;
}

export interface ReviewSummary {
  counts: PreparedTable['counts'];
  issues: IssueCount[];
  duplicateGroups: number;
  /** Rows shown under the current filter. */
  viewCount: number;
  canUndo: boolean;
  canRedo: boolean;
  /** Bumped on every change to the data, so cached grid rows are refetched. */
  version: number;
  /**
   * Rows still shown although they no longer match the filter: rows the user just changed stay in view (so a fixed
   * error does not vanish under the user's eyes) until the filter is chosen again. Absent when none.
   */
  outOfFilter?: number;
}

/** One row as the grid shows it. */
export interface GridRow {
  /** Position in the table (stable across filters). */
  rowIndex: number;
  rowNumber: number;
  status: RowStatus;
  cells: string[];
  issues: Issue[];
  changes: Change[];
  /** Columns the user edited. */
  edited: number[];
  duplicateOf?: number;
  /** Cells kept as typed ("keep the original"): the change codes not applied there. Absent when none. */
  kept?: { column: number; codes: string[] }[];
  /** Each cell the user edited (by hand or by a bulk fix / replace) with its value before the first edit. Absent when none. */
  editedFrom?: { column: number; before: string }[];
}

/** One group of duplicates side by side and what the current policy sends for it (worker: duplicatePreview). */
export interface DuplicatePreview {
  key: string;
  policy: DuplicatePolicy;
  /** Every row of the contact the group is part of (rows linked through other shared values too), in file order. */
  rowNumbers: number[];
  /** Only the first rows are in `members` (the group is bigger than asked for). */
  truncated: boolean;
  /** Each row as it would be sent alone, with its fate; `reason` is what the report says for a skipped row. */
  members: (GroupMember & { reason?: Bilingual })[];
  /** merge: the one contact sent, with the values that came from the other rows. */
  merged?: GroupPreview['merged'];
  /**
   * Rows were edited since the whole file was last checked and the group would now come out differently: the plan
   * still holds the earlier result until the file is checked again.
   */
  stale: boolean;
}

/** What find & replace looks for, and where (worker: findReplace). */
export interface FindReplaceQuery {
  find: string;
  replace: string;
  /** A table column index, or null for every column. */
  column: number | null;
  matchCase: boolean;
  /** The cell's whole text must be `find` (spaces at its ends aside); otherwise any part of a cell may match. */
  wholeCell: boolean;
}

/** The cells a find & replace changes (or would change), counted over every row of the table, not just the loaded ones. */
export interface ReplaceCount {
  cells: number;
  /** Per column (table column index) with at least one cell, in column order. */
  columns: { column: number; cells: number }[];
}

export type BulkFix = 'suggestions' | 'phones' | 'title-case' | 'trim';

export interface CatalogInput {
  layout: LayoutAttribute[];
  funnels: Funnel[];
}

/** Request type → [arguments, answer]. */
export interface WorkerApi {
  /** Opens a file from its first rows (the bytes are transferred, not copied); see TableSummary.partial. */
  open: [{ bytes: ArrayBuffer; fileName: string }, { workbook: Workbook; table: TableSummary }];
  /** Reads the whole of the file opened last (no-op when it was read whole already), with the sheet/header chosen since. */
  loadFull: [undefined, { workbook: Workbook; table: TableSummary }];
  readTable: [ReadTableOptions, TableSummary];
  sheetPreview: [{ sheet: string; rows: number }, SheetPreview];
  suggestMapping: [{ catalog: CatalogInput; templates: MappingTemplate[] }, MappingSuggestion];
  applyTemplate: [{ template: MappingTemplate }, ColumnMapping[]];
  prepare: [{ mappings: ColumnMapping[]; duplicatePolicy: DuplicatePolicy; disabledChanges: string[] }, ReviewSummary];
  /** `rowNumbers`: show only those sheet rows (a duplicate group), whatever the filter. */
  setFilter: [{ filter: ReviewFilter; issueCode?: string; rowNumbers?: number[] }, ReviewSummary];
  rows: [{ from: number; to: number }, GridRow[]];
  edit: [{ rowIndex: number; column: number; value: string }, ReviewSummary];
  bulk: [{ fix: BulkFix }, ReviewSummary & { touched: number }];
  /**
   * Find & replace: with `apply` false only counts the cells that would change; with `apply` true replaces them as
   * one undoable step of user edits and returns the new summary too.
   */
  findReplace: [FindReplaceQuery & { apply: boolean }, ReplaceCount & { summary?: ReviewSummary & { touched: number } }];
  undo: [undefined, ReviewSummary];
  redo: [undefined, ReviewSummary];
  duplicates: [{ limit: number }, DuplicateGroup[]];
  /** One group (by key) side by side under the current policy; at most `maxRows` rows listed. Null: no such group now. */
  duplicatePreview: [{ key: string; maxRows: number }, DuplicatePreview | null];
  /** "Keep the original" on (keep) or off for one change code of one cell; undoable. */
  keepOriginal: [{ rowIndex: number; column: number; code: string; keep: boolean }, ReviewSummary];
  /** Every switchable automatic change in a column kept as typed (one undo step). */
  keepColumn: [{ column: number }, ReviewSummary & { touched: number }];
  plan: [{ mode: ImportMode; options: ImportOptions; onlyRows?: number[] }, ImportPlan];
  /** The plan as UTF-8 JSON bytes (transferred, not cloned), for import:start-encoded. */
  planEncoded: [{ mode: ImportMode; options: ImportOptions; onlyRows?: number[] }, { importId: string; rowCount: number; bytes: ArrayBuffer }];
  cleanExport: [{ format: 'xlsx' | 'csv' }, ArrayBuffer];
  errorReport: [{ result: ImportResult; format: 'xlsx' | 'csv' }, ArrayBuffer];
}
export type WorkerMethod = keyof WorkerApi;

export interface WorkerRequest<M extends WorkerMethod = WorkerMethod> {
  id: number;
  method: M;
  args: WorkerApi[M][0];
}

export type WorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; text: Bilingual } };
