import type { Bilingual } from '../text';
import type { CellChange, CellIssue, Severity } from '../prepare/types';

/** What every cleaner returns: the cleaned value, the changes it made (before → after) and the problems it saw. */
export interface Cleaned<T> {
  value: T;
  changes: CellChange[];
  issues: CellIssue[];
}

/**
 * Which automatic changes are allowed. The user can turn a kind of change off (by its code);
 * a cleaner then keeps the value as it was before that step.
 */
export interface CleanContext {
  disabled?: ReadonlySet<string>;
}

/** True unless the user turned this change off. */
export function allowed(ctx: CleanContext | undefined, code: string): boolean {
  return !ctx?.disabled?.has(code);
}

/** Builds a change record. */
export function change(code: string, before: string, after: string, reason: Bilingual): CellChange {
  return { code, before, after, reason };
}

/** Builds an issue record. */
export function issue(severity: Severity, code: string, message: Bilingual, suggestion?: string): CellIssue {
  return suggestion === undefined ? { severity, code, message } : { severity, code, message, suggestion };
}

/** A cleaned result with nothing to say. */
export function plain<T>(value: T): Cleaned<T> {
  return { value, changes: [], issues: [] };
}
