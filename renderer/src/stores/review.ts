/** The review screen's state: the summary of the prepared rows, the filter, and the edit history flags. */
import { create } from 'zustand';
import type { DuplicatePolicy } from '../../../shared/prepare/types';
import type { Bilingual } from '../../../shared/text';
import { callWorker } from '../workers/client';
import type { BulkFix, FindReplaceQuery, ReviewFilter, ReviewSummary } from '../workers/protocol';
import { toBilingual } from './errors';
import { useMapping } from './mapping';
import { useImport } from './importer';
import { useFile } from './file';
import type { ColumnMapping } from '../../../shared/mapping/types';

interface ReviewState {
  summary: ReviewSummary | null;
  filter: ReviewFilter;
  issueCode: string | null;
  policy: DuplicatePolicy;
  /** Codes of automatic changes the user turned off (e.g. `name.title-case`). */
  disabledChanges: string[];
  busy: boolean;
  error: Bilingual | null;
  /** What the current summary was prepared from: stale when the table or the mapping changed since. */
  preparedFor: { tableVersion: number; mappings: ColumnMapping[] } | null;
  /** Result of the last bulk fix or replace, for the status line. */
  lastTouched: number | null;
  /** Cells kept as typed by the last "keep the original in the whole column", for the status line. */
  lastKept: number | null;
  /** The grid shows only these sheet rows (one duplicate group), or null. */
  rowNumbers: number[] | null;
  prepare(): Promise<void>;
  setPolicy(policy: DuplicatePolicy): Promise<void>;
  toggleChange(code: string): Promise<void>;
  setFilter(filter: ReviewFilter, issueCode?: string | null, rowNumbers?: number[] | null): Promise<void>;
  edit(rowIndex: number, column: number, value: string): Promise<void>;
  /** "Keep the original": this cell keeps its value as typed for change `code` (keep) or gets the change again. */
  keepOriginal(rowIndex: number, column: number, code: string, keep: boolean): Promise<void>;
  /** Every switchable automatic change in the column kept as typed (one undo step). */
  keepColumn(column: number): Promise<void>;
  bulk(fix: BulkFix): Promise<void>;
  /** Find & replace as the review screen does it (whole cells by default): one undoable step of user edits. */
  findReplace(query: FindReplaceQuery): Promise<void>;
  /** Applies the current filter again, dropping the rows kept in view after they were changed (summary.outOfFilter). */
  refilter(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export const useReview = create<ReviewState>((set, get) => {
  const run = async (work: () => Promise<ReviewSummary & { touched?: number }>, kept = false) => {
    set({ busy: true, error: null });
    try {
      const summary = await work();
      set(kept ? { summary, lastKept: summary.touched ?? null, lastTouched: null } : { summary, lastTouched: summary.touched ?? null, lastKept: null });
    } catch (e) {
      set({ error: toBilingual(e) });
    } finally {
      set({ busy: false });
    }
  };
  return {
    summary: null,
    filter: 'all',
    issueCode: null,
    policy: 'keep-first',
    disabledChanges: [],
    busy: false,
    error: null,
    lastTouched: null,
    lastKept: null,
    rowNumbers: null,
    preparedFor: null,
    prepare: () => {
      set({ filter: 'all', issueCode: null, rowNumbers: null, preparedFor: { tableVersion: useFile.getState().tableVersion, mappings: useMapping.getState().mappings } });
      // New data: the previous import's result no longer describes it.
      if (!useImport.getState().progress || useImport.getState().progress?.final) useImport.setState({ result: null, progress: null, failures: [], failureCount: 0, throughput: [] });
      performance.mark('omi:prepare-start');
      return run(() => callWorker('prepare', { mappings: useMapping.getState().mappings, duplicatePolicy: get().policy, disabledChanges: get().disabledChanges })).finally(
        () => performance.mark('omi:prepare-done'),
      );
    },
    setPolicy: async (policy) => {
      set({ policy });
      await get().prepare();
    },
    toggleChange: async (code) => {
      const off = get().disabledChanges;
      set({ disabledChanges: off.includes(code) ? off.filter((c) => c !== code) : [...off, code] });
      await get().prepare();
    },
    setFilter: (filter, issueCode = null, rowNumbers = null) => {
      set({ filter, issueCode, rowNumbers });
      return run(() => callWorker('setFilter', { filter, issueCode: issueCode ?? undefined, rowNumbers: rowNumbers ?? undefined }));
    },
    edit: (rowIndex, column, value) => run(() => callWorker('edit', { rowIndex, column, value })),
    keepOriginal: (rowIndex, column, code, keep) => run(() => callWorker('keepOriginal', { rowIndex, column, code, keep })),
    keepColumn: (column) => run(() => callWorker('keepColumn', { column }), true),
    bulk: (fix) => run(() => callWorker('bulk', { fix })),
    findReplace: (query) => run(async () => (await callWorker('findReplace', { ...query, apply: true })).summary!),
    refilter: () => get().setFilter(get().filter, get().issueCode, get().rowNumbers),
    undo: () => run(() => callWorker('undo', undefined)),
    redo: () => run(() => callWorker('redo', undefined)),
  };
});
