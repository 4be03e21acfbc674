/**
 * The result of an import, and its row outcomes as they settle, as the app's window receives them. The window
 * needs every row's fate (the failures list, the chart, the error report, "re-import the failed rows"), but not
 * 100,000 objects taken in at once by its thread: rows whose outcomes are alike in every respect but the row
 * (every row created; the rows a cancel left unsent, all with the same reason) travel as one group of row numbers.
 */
import type { ImportResult, OutcomeGroup, RowOutcome } from './types';

/**
 * `list` split into the outcomes kept whole (those with an OMI id, and any alike with no other) and groups of alike
 * outcomes as row numbers (a grouped row's refId is dropped). Every row is in exactly one of the two.
 * `withoutIds`: OMI ids are left out too, so every created row of a chunk joins one group (the live import:rows
 * events: the window shows no id while rows settle, and the result it gets at the end keeps them).
 */
export function groupAlike(list: readonly RowOutcome[], { withoutIds = false } = {}): { outcomes: RowOutcome[]; grouped: OutcomeGroup[] } {
  const groups = new Map<string, { group: OutcomeGroup; first: RowOutcome }>();
  const outcomes: RowOutcome[] = [];
  for (const o of list) {
    // An outcome with an OMI id stays whole: the id is its own.
    if (o.omiId && !withoutIds) {
      outcomes.push(o);
      continue;
    }
    // The detail is part of the reason: rows with the same sentence but their own detail (the server's words about
    // each row's value) stay apart, so the error report can still say what was wrong with each.
    const key = `${o.outcome}\u0000${o.code ?? ''}\u0000${o.reason?.vi ?? ''}\u0000${o.reason?.en ?? ''}\u0000${o.reason?.detail ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { group: { outcome: o.outcome, rowNumbers: [] }, first: o };
      if (o.code) g.group.code = o.code;
      if (o.reason) g.group.reason = o.reason;
      groups.set(key, g);
    }
    g.group.rowNumbers.push(o.rowNumber);
  }
  // A group of one saves nothing: it goes back as the outcome it was.
  const grouped: OutcomeGroup[] = [];
  for (const { group, first } of groups.values()) {
    if (group.rowNumbers.length > 1) grouped.push(group);
    else if (withoutIds && first.omiId) {
      const { omiId: _, ...rest } = first;
      outcomes.push(rest);
    } else outcomes.push(first);
  }
  return { outcomes, grouped };
}

/** `result` with alike outcomes grouped by row number (see ImportResult.grouped); refIds of grouped rows dropped. */
export function compactResult(result: ImportResult): ImportResult {
  if (result.grouped) return result;
  return { ...result, ...groupAlike(result.outcomes) };
}

/** Every outcome of `outcomes` and `grouped` as one list (a grouped row's refId is ''): the inverse of groupAlike. */
export function expandGroups(outcomes: RowOutcome[], grouped: readonly OutcomeGroup[] | undefined): RowOutcome[] {
  if (!grouped || grouped.length === 0) return outcomes;
  const out = [...outcomes];
  for (const { rowNumbers, ...alike } of grouped) for (const rowNumber of rowNumbers) out.push({ rowNumber, refId: '', ...alike });
  return out;
}

/** Every row's outcome, whether `result` is compact or not (a grouped row's refId is ''). */
export function allOutcomes(result: ImportResult): RowOutcome[] {
  return result.grouped ? expandGroups(result.outcomes, result.grouped) : result.outcomes;
}
