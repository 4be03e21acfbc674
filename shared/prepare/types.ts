import type { Bilingual } from '../text';
import type { ContactInput, DynamicUpdate } from '../omi/types';

export type Severity = 'error' | 'warning';

/** A problem with one cell (or the whole row when `column` is null). */
export interface Issue {
  /** Column index in the Table, or null for a row-level issue. */
  column: number | null;
  severity: Severity;
  /** Stable code, e.g. `phone.invalid`, `email.typo`, `row.no-identity`. */
  code: string;
  message: Bilingual;
  /** A value that would fix it, when there is one (the UI offers "apply suggestion"). */
  suggestion?: string;
}

/** An automatic change the tool made to a value: always visible, always undoable. */
export interface Change {
  column: number;
  before: string;
  after: string;
  /** Stable code, e.g. `phone.2018-conversion`, `name.title-case`. */
  code: string;
  reason: Bilingual;
}

export type RowStatus = 'valid' | 'invalid' | 'duplicate';

export interface PreparedRow {
  /** 1-based sheet row number, as in the file. */
  rowNumber: number;
  /** The contact as it will be sent (create), cleaned. */
  contact: ContactInput;
  /** Dynamic attribute values (written through update after create). */
  dynamic: DynamicUpdate[];
  issues: Issue[];
  changes: Change[];
  status: RowStatus;
  /** For duplicates: the rowNumber of the row this one duplicates (kept one). */
  duplicateOf?: number;
}

export type DuplicatePolicy = 'keep-first' | 'merge' | 'keep-all';

export interface DuplicateGroup {
  /**
   * What they share, e.g. `phone:0912345678`: an identifier of the group (its first shared key; groups are disjoint,
   * so a key names one group), not words for a person — show `title`.
   */
  key: string;
  rowNumbers: number[];
  /**
   * Every value the group's rows share (each held by at least two of them), as `phone:…`, `email:…`, `refId:…`, in
   * the order they first appear; `keys[0] === key`. One group is one contact: rows linked by any chain of these.
   */
  keys?: string[];
  /**
   * The group in words ("Cùng số điện thoại 0912 345 678 và email …"). Filled where groups are listed for a person
   * (duplicateTitle in shared/prepare/duplicate-words.ts), not by applyDuplicates: a large file has thousands.
   */
  title?: Bilingual;
}

export interface PrepareOptions {
  duplicatePolicy: DuplicatePolicy;
  /** Default country for phones: 'VN'. */
  defaultCountry?: string;
  /** Codes of automatic changes the user turned off (e.g. `name.title-case`). */
  disabledChanges?: string[];
  /**
   * Cells that keep their value as typed for some kinds of automatic change, while the rest of the file still
   * gets them ("keep the original" on one cell). Codes the cleaners cannot switch off are ignored.
   */
  keepOriginal?: CellKeep[];
}

/** One cell kept as typed for the listed change codes (see PrepareOptions.keepOriginal). */
export interface CellKeep {
  /** 1-based sheet row number, as in PreparedRow.rowNumber (stable whatever the view or filter). */
  rowNumber: number;
  /** Column index in the Table. */
  column: number;
  /** Change codes not applied to this cell, e.g. `phone.2018-conversion`. */
  codes: string[];
}

export interface PreparedTable {
  rows: PreparedRow[];
  duplicates: DuplicateGroup[];
  counts: { total: number; valid: number; invalid: number; duplicates: number; warnings: number; changed: number };
}

/** An issue before it is tied to a column: what a cleaner returns. */
export type CellIssue = Omit<Issue, 'column'>;
/** A change before it is tied to a column: what a cleaner returns. */
export type CellChange = Omit<Change, 'column'>;
