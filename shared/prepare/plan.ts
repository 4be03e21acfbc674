import { findTarget } from '../mapping/catalog';
import { foldKey } from '../clean/text-compare';
import type { ColumnMapping, TargetCatalog, TargetDef } from '../mapping/types';
import type { ValueType } from '../omi/types';
import { indexCellKeeps, type CellDisabled } from './keep';
import type { PrepareOptions } from './types';

/** One mapped column, resolved once per mapping so each row costs only its cleaning. */
export interface ColumnPlan {
  column: number;
  header: string;
  target: TargetDef;
  valueType?: ValueType;
  /** Phones: the header says landline (máy bàn, cố định, tel), so old 2017 area codes are converted. */
  landline: boolean;
}

/** A mapping resolved against a catalog and options: what every row of the table goes through. */
export interface PreparePlan {
  columns: ColumnPlan[];
  /** Field or target id → the first column that fills it, to place row-level findings. */
  columnOf: Map<string, number>;
  disabled: ReadonlySet<string>;
  /** Cells kept as typed for some changes (PrepareOptions.keepOriginal): rowNumber → column → turned-off codes. */
  cellDisabled: CellDisabled;
  defaultCountry: string;
}

// Only words that mean a fixed line: "Tel" or "Phone" are used for mobiles too, and converting a mobile that
// looks like an old landline (038… was Nghệ An) would break it.
const LANDLINE = /\b(may ban|co dinh|dien thoai ban|dt ban|sdt ban|landline|fixed line|fax|so ban)\b/;

const cache = new WeakMap<ColumnMapping[], WeakMap<TargetCatalog, WeakMap<PrepareOptions, PreparePlan>>>();

/**
 * Resolves a mapping against the catalog. Columns whose target the catalog lacks (a deleted attribute)
 * are skipped here; the mapping step reports them. Cached per (mapping, catalog, options) objects, so
 * re-preparing one edited row does not redo it.
 */
export function planFor(mapping: ColumnMapping[], catalog: TargetCatalog, options: PrepareOptions): PreparePlan {
  let a = cache.get(mapping);
  if (!a) cache.set(mapping, (a = new WeakMap()));
  let b = a.get(catalog);
  if (!b) a.set(catalog, (b = new WeakMap()));
  let plan = b.get(options);
  if (!plan) {
    plan = build(mapping, catalog, options);
    b.set(options, plan);
  }
  return plan;
}

function build(mapping: ColumnMapping[], catalog: TargetCatalog, options: PrepareOptions): PreparePlan {
  const columns: ColumnPlan[] = [];
  const columnOf = new Map<string, number>();
  for (const m of mapping) {
    if (m.target === 'ignore') continue;
    const target = findTarget(catalog, m.target);
    if (!target || target.kind === 'ignore') continue;
    columns.push({ column: m.column, header: m.header, target, valueType: m.valueType, landline: LANDLINE.test(foldKey(m.header)) });
    if (!columnOf.has(m.target)) columnOf.set(m.target, m.column);
  }
  const disabled = new Set(options.disabledChanges ?? []);
  return { columns, columnOf, disabled, cellDisabled: indexCellKeeps(options.keepOriginal, disabled), defaultCountry: options.defaultCountry ?? 'VN' };
}
