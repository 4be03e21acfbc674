/**
 * The result of an import as the app's window receives it. The window needs every row's fate (the failures list,
 * the chart, the error report, "re-import the failed rows"), but not 100,000 objects taken in at once by its thread
 * when the import ends: rows whose outcomes are alike in every respect but the row (every row created; the rows a
 * cancel left unsent, all with the same reason) travel as one group of row numbers.
 */
import type { ImportResult, OutcomeGroup, RowOutcome } from './types';

/** `result` with alike outcomes grouped by row number (see ImportResult.grouped); refIds of grouped rows dropped. */
export function compactResult(result: ImportResult): ImportResult {
  if (result.grouped) return result;
  const groups = new Map<string, { group: OutcomeGroup; first: RowOutcome }>();
  const outcomes: RowOutcome[] = [];
  for (const o of result.outcomes) {
    // An outcome with an OMI id stays whole: the id is its own.
    if (o.omiId) {
      outcomes.push(o);
      continue;
    }
    const key = `${o.outcome}\u0000${o.code ?? ''}\u0000${o.reason?.vi ?? ''}\u0000${o.reason?.en ?? ''}`;
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
    else outcomes.push(first);
  }
  return { ...result, outcomes, grouped };
}

/** Every row's outcome, whether `result` is compact or not (a grouped row's refId is ''). */
export function allOutcomes(result: ImportResult): RowOutcome[] {
  if (!result.grouped) return result.outcomes;
  const out = [...result.outcomes];
  for (const { rowNumbers, ...alike } of result.grouped) for (const rowNumber of rowNumbers) out.push({ rowNumber, refId: '', ...alike });
  return out;
}
