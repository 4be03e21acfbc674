/**
 * Prepared rows → an ImportPlan: only valid rows, each with a refId (the file's own, or a stable generated one),
 * the update body for update / upsert, and an importId that names the import's journal. The same file with the
 * same mapping and mode always gives the same importId and the same generated refIds, which is what lets a
 * re-import find the earlier one instead of creating the contacts again.
 */
import { findTarget } from '../mapping/catalog';
import type { ColumnMapping, TargetCatalog } from '../mapping/types';
import type { ContactInput } from '../omi/types';
import { toUpdateBody } from '../prepare/payload';
import type { PreparedRow } from '../prepare/types';
import type { Bilingual } from '../text';
import { fingerprintText } from './fingerprint';
import { DEFAULT_IMPORT_OPTIONS } from './types';
import type { ImportMode, ImportOptions, ImportPlan, PlannedRow } from './types';

export { fingerprintBytes, fingerprintText } from './fingerprint';

/** What buildPlan needs besides the rows. */
export interface BuildPlanOptions {
  fileName: string;
  /** fingerprintBytes() of the file as read. */
  fileFingerprint: string;
  /** A stable string for the mapping (e.g. its targets joined), so another mapping is another import. */
  mappingKey: string;
  mode: ImportMode;
  options?: Partial<ImportOptions>;
  /** False: ignore any refId in the rows and generate them all. Otherwise a row's own refId is used when it has one. */
  refIdColumn?: boolean;
  /**
   * The names of the custom fields the mapping writes (code → name, see customFieldLabels), carried by the plan
   * so a refused row names its field as the user chose it. Without it, reasons name such fields by code.
   */
  fieldLabels?: Record<string, Bilingual>;
}

/**
 * The custom fields (dynamic attributes) `mappings` write, by code → their name in `catalog` (one name, so the same
 * in both languages). A field the catalog names only by its code, or lacks, is left out: reasons then use the code.
 */
export function customFieldLabels(mappings: readonly Pick<ColumnMapping, 'target'>[], catalog: TargetCatalog): Record<string, Bilingual> {
  const out: Record<string, Bilingual> = {};
  for (const m of mappings) {
    if (!m.target.startsWith('dynamic:')) continue;
    const attr = findTarget(catalog, m.target)?.attribute;
    const name = attr?.name?.trim();
    if (attr && name && name !== attr.fieldCode) out[attr.fieldCode] = { vi: name, en: name };
  }
  return out;
}

/** Stable refId for a row of a file that has none: `omi-imp-<12 hex of the file fingerprint>-<row number>`. */
export function generatedRefId(fileFingerprint: string, rowNumber: number): string {
  return `omi-imp-${fingerprintText(fileFingerprint).slice(0, 12)}-${rowNumber}`;
}

/** The importId of a file + mapping + mode. */
export function importIdFor(fileFingerprint: string, mappingKey: string, mode: ImportMode): string {
  return `imp-${fingerprintText(`${fileFingerprint}\u0000${mappingKey}\u0000${mode}`)}`;
}

/** Builds the plan: valid rows only (invalid and duplicate rows are reported, never sent). */
export function buildPlan(rows: PreparedRow[], opts: BuildPlanOptions): ImportPlan {
  const options: ImportOptions = { ...DEFAULT_IMPORT_OPTIONS, ...stripUndefined(opts.options ?? {}) };
  const planned: PlannedRow[] = [];
  for (const row of rows) {
    if (row.status !== 'valid') continue;
    const own = opts.refIdColumn === false ? '' : (row.contact.refId ?? '').trim();
    const refId = own || generatedRefId(opts.fileFingerprint, row.rowNumber);
    const contact: ContactInput = { ...row.contact, refId };
    const p: PlannedRow = { rowNumber: row.rowNumber, refId, refIdGenerated: !own, contact, dynamic: row.dynamic };
    if (opts.mode !== 'create') p.update = toUpdateBody({ ...row, contact }, { refId });
    planned.push(p);
  }
  const plan: ImportPlan = { importId: importIdFor(opts.fileFingerprint, opts.mappingKey, opts.mode), mode: opts.mode, rows: planned, options };
  if (opts.fieldLabels && Object.keys(opts.fieldLabels).length > 0) plan.fieldLabels = { ...opts.fieldLabels };
  return plan;
}


function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
