/**
 * The result of an import as the app's window receives it. The window needs every row that did not land (the
 * failures list, the chart, the error report, "re-import the failed rows") in full, but of the rows that landed
 * only which ones and how: so those travel as row numbers, not as 100,000 objects the window's thread would have to
 * take in at once when the import ends.
 */
import type { ImportResult, RowOutcome } from './types';

/** `result` with created / updated outcomes moved into `landed` as row numbers (see ImportResult.landed). */
export function compactResult(result: ImportResult): ImportResult {
  if (result.landed) return result;
  const created: number[] = [];
  const updated: number[] = [];
  const outcomes: RowOutcome[] = [];
  for (const o of result.outcomes) {
    // An outcome that carries an OMI id or a reason keeps it: only the bare "it landed" ones are reduced.
    if (o.outcome === 'created' && !o.omiId && !o.reason) created.push(o.rowNumber);
    else if (o.outcome === 'updated' && !o.omiId && !o.reason) updated.push(o.rowNumber);
    else outcomes.push(o);
  }
  return { ...result, outcomes, landed: { created, updated } };
}

/** Every row's outcome, whether `result` is compact or not (a compact one's landed rows have no refId). */
export function allOutcomes(result: ImportResult): RowOutcome[] {
  if (!result.landed) return result.outcomes;
  const landed = (kind: 'created' | 'updated') => (rowNumber: number): RowOutcome => ({ rowNumber, refId: '', outcome: kind });
  return [...result.outcomes, ...result.landed.created.map(landed('created')), ...result.landed.updated.map(landed('updated'))];
}
