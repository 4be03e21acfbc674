/**
 * Small readers for JSON whose shape the OMI specification leaves open (layout list, funnel list):
 * pick the first key that is present among close variants, unwrap lists wrapped in an object.
 */

/** A plain JSON object, or undefined. */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The first of `keys` whose value is a non-empty string or a finite number, as text. */
export function pickText(o: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** The first of `keys` whose value is a finite number (or a numeric string). */
export function pickNumber(o: Record<string, unknown>, keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return undefined;
}

/** The first of `keys` whose value is an array. */
export function pickArray(o: Record<string, unknown>, keys: readonly string[]): unknown[] | undefined {
  for (const k of keys) {
    const v = o[k];
    if (Array.isArray(v)) return v;
  }
  return undefined;
}

const WRAPPER_KEYS = ['items', 'data', 'list', 'results', 'result', 'payload', 'rows', 'records', 'content'];

/**
 * The list inside a payload: the payload itself when it is an array, else the array under a usual wrapper
 * key (items, data, list, …, nested a few levels), else the only array-valued key of the object.
 */
export function unwrapList(payload: unknown, extraKeys: readonly string[] = [], depth = 0): unknown[] {
  if (Array.isArray(payload)) return payload;
  const o = asRecord(payload);
  if (!o || depth > 3) return [];
  for (const k of [...extraKeys, ...WRAPPER_KEYS]) {
    if (k in o) {
      const inner = unwrapList(o[k], extraKeys, depth + 1);
      if (inner.length > 0 || Array.isArray(o[k])) return inner;
    }
  }
  const arrays = Object.values(o).filter(Array.isArray);
  return arrays.length === 1 ? (arrays[0] as unknown[]) : [];
}
