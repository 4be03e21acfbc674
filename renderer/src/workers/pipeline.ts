/**
 * The pipeline state kept inside the worker: the opened file, the table, the mapping, the prepared rows,
 * the user's edits with their undo/redo history, and the filtered view the grid scrolls through.
 * Everything heavy stays here; the UI thread receives summaries and windows of rows.
 */
import type { CellKind, ReadTableOptions, Table, TableRow } from '../../../shared/ingest/types';
import type { ColumnMapping, MappingTemplate, TargetCatalog } from '../../../shared/mapping/types';
import type { CellKeep, DuplicatePolicy, PreparedRow, PreparedTable, PrepareOptions } from '../../../shared/prepare/types';
import { isSwitchable, switchableCodesIn } from '../../../shared/prepare/keep';
import type { ImportMode, ImportOptions, ImportPlan, ImportResult } from '../../../shared/upload/types';
import { UserError } from '../../../shared/text';
import * as engine from './engine';
import { cellReplacer, titleCase, trimCell } from './cellFixes';
import type {
  BulkFix, CatalogInput, DuplicatePreview, FindReplaceQuery, GridRow, IssueCount, MappingSuggestion, ReplaceCount, ReviewFilter, ReviewSummary, SheetPreview, TableSummary,
} from './protocol';
import { duplicatePreview, listedGroups } from './duplicatePreview';
import { DuplicateIndex, regroup } from './regroup';

/** One cell edit, enough to undo and redo it. */
interface CellEdit {
  kind?: undefined;
  row: number;
  column: number;
  before: string;
  after: string;
  wasEdited: boolean;
  /** The file's raw value and kind of the cell before (a number or date cell): typed text replaces them. */
  raw?: { value: unknown; kind: unknown };
}

type TableRowRaw = NonNullable<TableRow['raw']>[number];

/** "Keep the original" turned on (keep) or off for one change code of one cell; undone by the opposite. */
interface KeepEdit {
  kind: 'keep';
  row: number;
  column: number;
  code: string;
  keep: boolean;
}

/** One step of the undo history holds any mix of both. */
type Edit = CellEdit | KeepEdit;

/** Above this many touched rows, prepare the whole table again (also refreshes duplicate groups). */
const FULL_PREPARE_THRESHOLD = 2000;
const PREVIEW_ROWS = 30;
const SAMPLES = 5;
/** Rows read at first: the mapping screen needs the header, the columns and a few values, not 100,000 rows. */
const FIRST_READ_ROWS = 200;

function needs<T>(value: T | null, what: string): T {
  if (value === null) {
    throw new UserError('ui.step-missing', {
      vi: `Chưa có ${what}. Hãy quay lại bước trước và làm lại.`,
      en: `There is no ${what} yet. Go back to the previous step and do it again.`,
    });
  }
  return value;
}

export class Pipeline {
  private book: engine.OpenedBook | null = null;
  /** The file's bytes while only its first rows have been read (dropped once it is read whole). */
  private bytes: { data: ArrayBuffer; fileName: string } | null = null;
  /** The whole-file read in progress, if any. */
  private fullRead: Promise<void> | null = null;
  /** The sheet, header row and conversions last asked for, which the whole-file read applies. */
  private tableOptions: ReadTableOptions = {};
  private table: Table | null = null;
  private catalog: TargetCatalog | null = null;
  private mappings: ColumnMapping[] = [];
  private policy: DuplicatePolicy = 'keep-first';
  private disabledChanges: string[] = [];
  private prepared: PreparedTable | null = null;
  /** Table row index → index in prepared.rows (-1 when the row was not prepared). */
  private preparedOf = new Int32Array(0);
  private edited = new Map<number, Set<number>>();
  /** Cells kept as typed: table row index → column → change codes not applied there. */
  private keeps = new Map<number, Map<number, Set<string>>>();
  /** The options every row is prepared with (one object while nothing changes, so the resolved plan is reused). */
  private prepareOptions: PrepareOptions | null = null;
  /** Sheet row number → table row index, for the duplicate groups (which name rows by number). */
  private indexOfNumber = new Map<number, number>();
  /** Shared values → rows, for working out the groups of edited rows (built on the first edit after a check). */
  private dupIndex: DuplicateIndex | null = null;
  private undoStack: Edit[][] = [];
  private redoStack: Edit[][] = [];
  private filter: ReviewFilter = 'all';
  private issueCode: string | undefined;
  /** Only these table rows are shown (a duplicate group opened in the grid), or null. */
  private onlyRows: Set<number> | null = null;
  private view = new Int32Array(0);
  private version = 0;
  /** Each edited cell's value before the user's first edit: table row index → column → value (shown in the row details). */
  private originals = new Map<number, Map<number, string>>();
  /**
   * Rows shown under the filter when the user changed them: they stay in view although they may no longer match,
   * until the filter is chosen again (a fixed error should not vanish under the user's eyes).
   */
  private pinned = new Set<number>();

  /**
   * Opens a file from its first rows only, so the File and Mapping screens can show it at once; `loadFull` (or any
   * step that needs every row, e.g. prepare) reads the rest. A small file is read whole here already.
   */
  async open(bytes: ArrayBuffer, fileName: string) {
    this.book = null;
    this.bytes = null;
    this.fullRead = null;
    this.table = null;
    const book = await engine.open(bytes, fileName, FIRST_READ_ROWS);
    this.book = book;
    if (book.partial) this.bytes = { data: bytes, fileName };
    this.reset();
    const table = await this.readTable({ sheet: book.info.suggestedSheet });
    return { workbook: book.info, table };
  }

  async readTable(options: ReadTableOptions): Promise<TableSummary> {
    const book = needs(this.book, 'tệp / file');
    this.tableOptions = options;
    this.table = await book.readTable(options);
    this.reset();
    return summarize(this.table, book.partial);
  }

  /** Reads the whole file (once) if only its first rows were read, with the sheet and header chosen since. */
  async loadFull() {
    await this.readWhole();
    const book = needs(this.book, 'tệp / file');
    return { workbook: book.info, table: summarize(needs(this.table, 'bảng / table'), book.partial) };
  }

  /** Resolves once the whole file has been read (at once when it was read whole from the start). */
  readWhole(): Promise<void> {
    if (!this.bytes) return Promise.resolve();
    this.fullRead ??= (async () => {
      const { data, fileName } = this.bytes!;
      const preview = needs(this.book, 'tệp / file');
      const book = await engine.open(data, fileName);
      const table = await book.readTable(this.tableOptions);
      // Another file may have been opened meanwhile: then this read is dropped.
      if (this.book !== preview) return;
      this.book = book;
      this.bytes = null;
      this.table = table;
      this.reset();
    })().finally(() => {
      this.fullRead = null;
    });
    return this.fullRead;
  }

  /** The top rows of a sheet exactly as they are, to pick the header row from. */
  async sheetPreview(sheet: string, rows: number): Promise<SheetPreview> {
    const book = needs(this.book, 'tệp / file');
    const raw = await book.readTable({ sheet, headerRow: 1 });
    const header = { rowNumber: raw.headerRow, cells: raw.columns.map((c) => c.originalHeader) };
    return { sheet, rows: [header, ...raw.rows.slice(0, rows - 1).map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }))] };
  }

  suggestMapping(input: CatalogInput, templates: MappingTemplate[]): MappingSuggestion {
    const table = needs(this.table, 'bảng / table');
    this.catalog = engine.catalogOf(input);
    return {
      mappings: engine.suggest(table, this.catalog),
      targets: this.catalog.targets,
      templates: engine.templatesFor(templates, table),
    };
  }

  applyTemplate(template: MappingTemplate): ColumnMapping[] {
    return engine.fromTemplate(template, needs(this.table, 'bảng / table'), needs(this.catalog, 'danh mục / catalog'));
  }

  /** Checks every row; the whole file must have been read first (readWhole), or only its first rows would be checked. */
  prepare(mappings: ColumnMapping[], policy: DuplicatePolicy, disabledChanges: string[]): ReviewSummary {
    if (this.bytes) {
      throw new UserError('ui.file-not-read', {
        vi: 'Tệp chưa được đọc hết nên chưa kiểm tra được. Hãy đợi đọc xong rồi thử lại.',
        en: 'The file has not been read to the end yet, so it cannot be checked. Wait until it is read and try again.',
      });
    }
    this.mappings = mappings;
    this.policy = policy;
    this.disabledChanges = disabledChanges;
    this.prepareOptions = null;
    // The screen shows every row after a check (its filter is reset too).
    this.filter = 'all';
    this.issueCode = undefined;
    this.onlyRows = null;
    this.pinned.clear();
    this.prepareEverything();
    return this.summary();
  }

  /** Filters the grid; `rowNumbers` shows only those sheet rows (e.g. one duplicate group), whatever the filter. */
  setFilter(filter: ReviewFilter, issueCode?: string, rowNumbers?: number[]): ReviewSummary {
    this.filter = filter;
    this.issueCode = issueCode;
    this.onlyRows = rowNumbers?.length ? new Set(rowNumbers.map((n) => this.indexOfNumber.get(n) ?? -1)) : null;
    this.pinned.clear();
    this.rebuildView();
    return this.summary();
  }

  rows(from: number, to: number): GridRow[] {
    const table = needs(this.table, 'bảng / table');
    const out: GridRow[] = [];
    const end = Math.min(to, this.view.length);
    for (let i = Math.max(0, from); i < end; i++) {
      const t = this.view[i];
      const row = table.rows[t];
      const p = this.preparedRow(t);
      const g: GridRow = {
        rowIndex: t,
        rowNumber: row.rowNumber,
        status: p?.status ?? 'valid',
        cells: row.cells,
        issues: p?.issues ?? [],
        changes: p?.changes ?? [],
        edited: [...(this.edited.get(t) ?? [])],
        duplicateOf: p?.duplicateOf,
      };
      const kept = this.keeps.get(t);
      if (kept) g.kept = [...kept].map(([column, codes]) => ({ column, codes: [...codes] }));
      const originals = this.originals.get(t);
      if (g.edited.length && originals) g.editedFrom = g.edited.map((column) => ({ column, before: originals.get(column) ?? '' }));
      out.push(g);
    }
    return out;
  }

  edit(rowIndex: number, column: number, value: string): ReviewSummary {
    const table = needs(this.table, 'bảng / table');
    const before = table.rows[rowIndex]?.cells[column];
    if (before === undefined || before === value) return this.summary();
    this.commit(this.cellEdit(rowIndex, column, before, value));
    return this.summary();
  }

  /**
   * "Keep the original": the cell keeps its value as typed for change `code` (keep true) or gets it again (false);
   * the rest of the file is untouched. One step of the undo history.
   */
  keepOriginal(rowIndex: number, column: number, code: string, keep: boolean): ReviewSummary {
    needs(this.table, 'bảng / table');
    if (!isSwitchable(code)) {
      throw new UserError('review.change-not-switchable', {
        vi: 'Thay đổi này không tắt được vì không có nó giá trị không gửi được. Hãy sửa trực tiếp ô này.',
        en: 'This change cannot be turned off: without it the value could not be sent. Edit the cell instead.',
      });
    }
    if (this.isKept(rowIndex, column, code) !== keep) this.commit([{ kind: 'keep', row: rowIndex, column, code, keep }]);
    return this.summary();
  }

  /** Every switchable automatic change in one column kept as typed (one undo step); `touched` counts the cells. */
  keepColumn(column: number): ReviewSummary & { touched: number } {
    const table = needs(this.table, 'bảng / table');
    const edits: KeepEdit[] = [];
    const cells = new Set<number>();
    for (let t = 0; t < table.rows.length; t++) {
      for (const code of switchableCodesIn(this.preparedRow(t)?.changes ?? [], column)) {
        if (this.isKept(t, column, code)) continue;
        edits.push({ kind: 'keep', row: t, column, code, keep: true });
        cells.add(t);
      }
    }
    this.commit(edits);
    return { ...this.summary(), touched: cells.size };
  }

  bulk(fix: BulkFix): ReviewSummary & { touched: number } {
    const table = needs(this.table, 'bảng / table');
    const edits: Edit[] = [];
    let touched = 0;
    const set = (row: number, column: number, after: string) => {
      const before = table.rows[row].cells[column];
      if (before !== after) {
        edits.push(...this.cellEdit(row, column, before, after));
        touched++;
      }
    };
    const columnsFor = (pred: (m: ColumnMapping) => boolean) => this.mappings.filter(pred).map((m) => m.column);
    if (fix === 'suggestions') {
      table.rows.forEach((_r, t) => {
        for (const issue of this.preparedRow(t)?.issues ?? []) {
          if (issue.column !== null && issue.suggestion !== undefined) set(t, issue.column, issue.suggestion);
        }
      });
    } else if (fix === 'phones') {
      const cols = new Set(columnsFor((m) => m.target === 'phones'));
      table.rows.forEach((_r, t) => {
        const last = new Map<number, string>();
        for (const c of this.preparedRow(t)?.changes ?? []) if (cols.has(c.column) && c.code.startsWith('phone')) last.set(c.column, c.after);
        for (const [col, after] of last) set(t, col, after);
      });
    } else {
      const cols = fix === 'title-case' ? columnsFor((m) => m.target === 'fullName') : table.columns.map((c) => c.index);
      const apply = fix === 'title-case' ? titleCase : trimCell;
      table.rows.forEach((r, t) => {
        for (const col of cols) if (r.cells[col]) set(t, col, apply(r.cells[col]));
      });
    }
    this.commit(edits);
    return { ...this.summary(), touched };
  }

  /**
   * Find & replace over every row of the table (not only the rows in view): counts the cells that would change per
   * column, and with `apply` replaces them as one undoable step, each cell recorded as a user edit (before → after).
   * Matching is cellReplacer's: whole cells by default, NFC, case folded unless `matchCase`, diacritics count.
   */
  findReplace(query: FindReplaceQuery, apply: boolean): ReplaceCount & { summary?: ReviewSummary & { touched: number } } {
    const table = needs(this.table, 'bảng / table');
    const replacer = cellReplacer(query.find, query.replace, query);
    const cols = query.column === null ? table.columns.map((c) => c.index) : [query.column];
    const perColumn = new Map<number, number>(cols.map((c) => [c, 0]));
    const edits: Edit[] = [];
    let cells = 0;
    if (replacer) {
      for (let t = 0; t < table.rows.length; t++) {
        const row = table.rows[t].cells;
        for (const col of cols) {
          const before = row[col] ?? '';
          const after = replacer(before);
          if (after === null || after === before) continue;
          cells++;
          perColumn.set(col, perColumn.get(col)! + 1);
          if (apply) edits.push(...this.cellEdit(t, col, before, after));
        }
      }
    }
    const columns = [...perColumn].filter(([, n]) => n > 0).map(([column, n]) => ({ column, cells: n }));
    if (!apply) return { cells, columns };
    this.commit(edits);
    return { cells, columns, summary: { ...this.summary(), touched: cells } };
  }

  undo(): ReviewSummary {
    const batch = this.undoStack.pop();
    if (batch) {
      this.write(batch, 'before');
      this.redoStack.push(batch);
    }
    return this.summary();
  }

  redo(): ReviewSummary {
    const batch = this.redoStack.pop();
    if (batch) {
      this.write(batch, 'after');
      this.undoStack.push(batch);
    }
    return this.summary();
  }

  duplicates(limit: number) {
    return listedGroups(needs(this.prepared, 'dữ liệu đã kiểm tra / prepared data'), limit);
  }

  /**
   * One group of duplicates (by its key) side by side, and what the current policy sends for it — worked out by the
   * shared prepare code on the group's rows as they are now. Null when no group has that key any more.
   */
  duplicatePreview(key: string, maxRows: number): DuplicatePreview | null {
    const table = needs(this.table, 'bảng / table');
    const prepared = needs(this.prepared, 'dữ liệu đã kiểm tra / prepared data');
    const catalog = needs(this.catalog, 'danh mục / catalog');
    return duplicatePreview({
      key, maxRows, table, prepared, policy: this.policy,
      indexOf: (n) => this.indexOfNumber.get(n),
      preparedOf: (t) => this.preparedRow(t),
      fresh: (t) => engine.prepareOne(table, t, this.mappings, catalog, this.options()),
    });
  }

  plan(mode: ImportMode, options: ImportOptions, onlyRows?: number[]): ImportPlan {
    const table = needs(this.table, 'bảng / table');
    const prepared = needs(this.prepared, 'dữ liệu đã kiểm tra / prepared data');
    const only = onlyRows ? new Set(onlyRows) : null;
    const rows = only ? prepared.rows.filter((r) => only.has(r.rowNumber)) : prepared.rows;
    return engine.plan(rows, { fileName: table.fileName, fingerprint: needs(this.book, 'tệp / file').fingerprint, mappings: this.mappings, mode, options, catalog: this.catalog ?? undefined });
  }

  /**
   * The plan as UTF-8 JSON bytes: the window hands them to the main process (import:start-encoded) as one buffer,
   * never cloning or serialising 100,000 rows on its own thread.
   */
  planEncoded(mode: ImportMode, options: ImportOptions, onlyRows?: number[]): { importId: string; rowCount: number; bytes: ArrayBuffer } {
    const plan = this.plan(mode, options, onlyRows);
    const bytes = new TextEncoder().encode(JSON.stringify(plan));
    return { importId: plan.importId, rowCount: plan.rows.length, bytes: bytes.buffer as ArrayBuffer };
  }

  cleanExport(format: 'xlsx' | 'csv'): ArrayBuffer {
    return engine.cleanFile(needs(this.table, 'bảng / table'), needs(this.prepared, 'dữ liệu đã kiểm tra / prepared data'), this.mappings, format);
  }

  errorReport(result: ImportResult, format: 'xlsx' | 'csv'): ArrayBuffer {
    return engine.errorReport(needs(this.table, 'bảng / table'), needs(this.prepared, 'dữ liệu đã kiểm tra / prepared data'), result, format);
  }

  // ── internals ──────────────────────────────────────────────────────────────

  private reset() {
    this.prepared = null;
    this.preparedOf = new Int32Array(0);
    this.edited.clear();
    this.originals.clear();
    this.pinned.clear();
    this.keeps.clear();
    this.dupIndex = null;
    this.prepareOptions = null;
    this.onlyRows = null;
    this.undoStack = [];
    this.redoStack = [];
    this.view = new Int32Array(0);
    this.filter = 'all';
    this.issueCode = undefined;
  }

  private options(): PrepareOptions {
    if (this.prepareOptions) return this.prepareOptions;
    const table = needs(this.table, 'bảng / table');
    const keepOriginal: CellKeep[] = [];
    for (const [t, cols] of this.keeps) {
      for (const [column, codes] of cols) keepOriginal.push({ rowNumber: table.rows[t].rowNumber, column, codes: [...codes] });
    }
    this.prepareOptions = { duplicatePolicy: this.policy, defaultCountry: 'VN', disabledChanges: this.disabledChanges, keepOriginal };
    return this.prepareOptions;
  }

  private isKept(row: number, column: number, code: string): boolean {
    return this.keeps.get(row)?.get(column)?.has(code) ?? false;
  }

  /** A new value typed into a cell: the value as typed is the user's, so any "keep the original" on it is dropped too. */
  private cellEdit(row: number, column: number, before: string, after: string): Edit[] {
    const r = needs(this.table, 'bảng / table').rows[row];
    const e: CellEdit = { row, column, before, after, wasEdited: this.isEdited(row, column) };
    if (r.raw?.[column] !== undefined || (r.kinds?.[column] !== undefined && r.kinds[column] !== 'text')) e.raw = { value: r.raw?.[column], kind: r.kinds?.[column] };
    const out: Edit[] = [e];
    for (const code of this.keeps.get(row)?.get(column) ?? []) out.push({ kind: 'keep', row, column, code, keep: false });
    return out;
  }

  private setKept(row: number, column: number, code: string, keep: boolean) {
    const cols = this.keeps.get(row) ?? new Map<number, Set<string>>();
    const codes = cols.get(column) ?? new Set<string>();
    if (keep) codes.add(code);
    else codes.delete(code);
    if (codes.size) cols.set(column, codes);
    else cols.delete(column);
    if (cols.size) this.keeps.set(row, cols);
    else this.keeps.delete(row);
    this.prepareOptions = null;
  }

  private isEdited(row: number, column: number): boolean {
    return this.edited.get(row)?.has(column) ?? false;
  }

  private preparedRow(t: number): PreparedRow | undefined {
    const i = this.preparedOf[t];
    return i >= 0 && this.prepared ? this.prepared.rows[i] : undefined;
  }

  private commit(edits: Edit[]) {
    if (edits.length === 0) return;
    this.write(edits, 'after');
    this.undoStack.push(edits);
    if (this.undoStack.length > 200) this.undoStack.shift();
    this.redoStack = [];
  }

  /** Writes one side of a batch into the table and prepares the touched rows again. */
  private write(edits: Edit[], side: 'before' | 'after') {
    const table = needs(this.table, 'bảng / table');
    const list = side === 'before' ? [...edits].reverse() : edits;
    // Rows in view under a filter stay in view after the change, whether or not they still match.
    if (this.filter !== 'all' || this.issueCode) {
      for (const e of edits) if (!this.pinned.has(e.row) && this.matches(e.row)) this.pinned.add(e.row);
    }
    for (const e of list) {
      if (e.kind === 'keep') {
        this.setKept(e.row, e.column, e.code, side === 'after' ? e.keep : !e.keep);
        continue;
      }
      const row = table.rows[e.row];
      if (side === 'after') {
        const originals = this.originals.get(e.row) ?? new Map<number, string>();
        if (!originals.has(e.column)) originals.set(e.column, e.before);
        this.originals.set(e.row, originals);
      }
      row.cells[e.column] = e[side];
      // What the user typed is text: a number or date cell's raw value would otherwise win over it when cleaning.
      if (e.raw) {
        if (row.raw) row.raw[e.column] = side === 'after' ? undefined : (e.raw.value as TableRowRaw);
        if (row.kinds) row.kinds[e.column] = side === 'after' ? (e[side] === '' ? 'empty' : 'text') : (e.raw.kind as CellKind);
      }
      const mark = side === 'after' ? true : e.wasEdited;
      const cols = this.edited.get(e.row) ?? new Set<number>();
      if (mark) cols.add(e.column);
      else cols.delete(e.column);
      if (cols.size > 0) this.edited.set(e.row, cols);
      else this.edited.delete(e.row);
    }
    const touched = new Set(edits.map((e) => e.row));
    if (touched.size > FULL_PREPARE_THRESHOLD) {
      this.prepareEverything();
      return;
    }
    const prepared = needs(this.prepared, 'dữ liệu đã kiểm tra / prepared data');
    const catalog = needs(this.catalog, 'danh mục / catalog');
    // Indexed before the edited rows are written: their old values say which groups they leave.
    this.dupIndex ??= new DuplicateIndex(prepared.rows);
    const fresh = new Map<number, PreparedRow>();
    for (const t of touched) {
      const i = this.preparedOf[t];
      if (i < 0) continue;
      const next = engine.prepareOne(table, t, this.mappings, catalog, this.options());
      fresh.set(next.rowNumber, next);
      prepared.rows[i] = next;
    }
    const regrouped = regroup({
      prepared, index: this.dupIndex, policy: this.policy, fresh, cap: FULL_PREPARE_THRESHOLD * 5,
      positionOf: (n) => {
        const t = this.indexOfNumber.get(n);
        return t === undefined || this.preparedOf[t] < 0 ? undefined : this.preparedOf[t];
      },
      prepare: (n) => engine.prepareOne(table, this.indexOfNumber.get(n)!, this.mappings, catalog, this.options()),
    });
    if (!regrouped) {
      this.prepareEverything();
      return;
    }
    this.rebuildView();
  }

  private prepareEverything() {
    const table = needs(this.table, 'bảng / table');
    this.prepared = engine.prepareAll(table, this.mappings, needs(this.catalog, 'danh mục / catalog'), this.options());
    this.dupIndex = null;
    const byNumber = new Map<number, number>();
    this.prepared.rows.forEach((r, i) => byNumber.set(r.rowNumber, i));
    this.preparedOf = new Int32Array(table.rows.length);
    this.indexOfNumber = new Map();
    table.rows.forEach((r, t) => {
      this.preparedOf[t] = byNumber.get(r.rowNumber) ?? -1;
      this.indexOfNumber.set(r.rowNumber, t);
    });
    this.rebuildView();
  }

  private rebuildView() {
    const table = needs(this.table, 'bảng / table');
    const keep = new Int32Array(table.rows.length);
    let n = 0;
    for (let t = 0; t < table.rows.length; t++) if (this.pinned.has(t) || this.matches(t)) keep[n++] = t;
    this.view = keep.slice(0, n);
    this.version++;
  }

  private matches(t: number): boolean {
    const p = this.preparedRow(t);
    if (this.onlyRows) return this.onlyRows.has(t);
    if (this.issueCode) return p?.issues.some((i) => i.code === this.issueCode) ?? false;
    switch (this.filter) {
      case 'all': return true;
      case 'errors': return p?.status === 'invalid' || (p?.issues.some((i) => i.severity === 'error') ?? false);
      case 'warnings': return p?.issues.some((i) => i.severity === 'warning') ?? false;
      case 'duplicates': return p?.status === 'duplicate';
      case 'changed': return (p?.changes.length ?? 0) > 0 || this.edited.has(t);
    }
  }

  private summary(): ReviewSummary {
    const prepared = needs(this.prepared, 'dữ liệu đã kiểm tra / prepared data');
    const counts = { total: prepared.rows.length, valid: 0, invalid: 0, duplicates: 0, warnings: 0, changed: 0 };
    const issues = new Map<string, IssueCount>();
    prepared.rows.forEach((r) => {
      if (r.status === 'valid') counts.valid++;
      else if (r.status === 'invalid') counts.invalid++;
      else counts.duplicates++;
      if (r.issues.some((i) => i.severity === 'warning')) counts.warnings++;
      if (r.changes.length > 0) counts.changed++;
      for (const i of r.issues) {
        const c = issues.get(i.code);
        if (c) c.count++;
        else issues.set(i.code, { code: i.code, severity: i.severity, count: 1, message: i.message });
      }
    });
    const summary: ReviewSummary = {
      counts,
      issues: [...issues.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1)),
      duplicateGroups: prepared.duplicates.length,
      viewCount: this.view.length,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      version: this.version,
    };
    let outOfFilter = 0;
    for (const t of this.pinned) if (!this.matches(t)) outOfFilter++;
    return outOfFilter ? { ...summary, outOfFilter } : summary;
  }
}

function summarize(table: Table, partial = false): TableSummary {
  const samples = table.columns.map(() => [] as string[]);
  for (const row of table.rows) {
    let full = true;
    table.columns.forEach((c, i) => {
      const v = row.cells[c.index]?.trim();
      if (v && samples[i].length < SAMPLES && !samples[i].includes(v)) samples[i].push(v);
      if (samples[i].length < SAMPLES) full = false;
    });
    if (full) break;
  }
  return {
    fileName: table.fileName,
    sheet: table.sheet,
    headerRow: table.headerRow,
    columns: table.columns,
    rowCount: table.rows.length,
    notes: table.notes,
    preview: table.rows.slice(0, PREVIEW_ROWS).map((r) => ({ rowNumber: r.rowNumber, cells: r.cells })),
    samples,
    ...(partial ? { partial } : {}),
  };
}
