import type { IngestLimits } from './types';

/**
 * The limits every file is held to. Excel itself stops at 1,048,576 rows × 16,384 columns and 32,767 characters a
 * cell; contact lists need far fewer columns, and a sheet thousands of columns wide is almost always stray
 * formatting or a wrong file. Sizes are kept so that the worst accepted file fits in about 1.5 GB of memory.
 */
export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 300 * 1024 * 1024,
  maxRows: 1_000_000,
  maxColumns: 1_000,
  maxCellChars: 32_767,
  maxMillis: 120_000,
  maxUnzippedBytes: 2 * 1024 * 1024 * 1024,
};

/** The defaults with the caller's overrides applied. */
export function resolveLimits(over?: Partial<IngestLimits>): Required<IngestLimits> {
  return { ...(DEFAULT_LIMITS as Required<IngestLimits>), ...stripUndefined(over) };
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!o) return out;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
