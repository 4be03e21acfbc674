/**
 * Messages between the UI thread and the pipeline worker. The worker owns the big data (the workbook,
 * the table, the prepared rows); the UI only ever holds summaries and the window of rows on screen.
 */
import type { Bilingual } from '../../../shared/text';
import type { Column, ReadTableOptions, Workbook } from '../../../shared/ingest/types';
import type { ColumnMapping, MappingTemplate, TargetDef } from '../../../shared/mapping/types';
import type { Change, DuplicateGroup, DuplicatePolicy, Issue, PreparedTable, RowStatus } from '../../../shared/prepare/types';
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
  setFilter: [{ filter: ReviewFilter; issueCode?: string }, ReviewSummary];
  rows: [{ from: number; to: number }, GridRow[]];
  edit: [{ rowIndex: number; column: number; value: string }, ReviewSummary];
  bulk: [{ fix: BulkFix }, ReviewSummary & { touched: number }];
  replace: [{ find: string; replace: string; column: number | null; matchCase: boolean }, ReviewSummary & { touched: number }];
  undo: [undefined, ReviewSummary];
  redo: [undefined, ReviewSummary];
  duplicates: [{ limit: number }, DuplicateGroup[]];
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
