/**
 * What became of each row of the file, from the prepared rows and (when the import ran) its result: one status
 * with a bilingual label and the reasons, so both reports and the UI say the same thing.
 */
import type { Bilingual } from '../text';
import type { Column } from '../ingest/types';
import type { PreparedRow } from '../prepare/types';
import type { ImportResult, RowOutcome } from '../upload/types';
import { allOutcomes } from '../upload/compact-result';
import { withDetail } from '../omi/messages';

/** The row's fate. */
export type RowStatusKind = 'created' | 'updated' | 'skipped' | 'failed' | 'invalid' | 'duplicate' | 'not-sent';

/** Labels shown in the status column. */
export const STATUS_LABEL: Record<RowStatusKind, Bilingual> = {
  created: { vi: 'Đã tạo', en: 'Created' },
  updated: { vi: 'Đã cập nhật', en: 'Updated' },
  skipped: { vi: 'Bỏ qua', en: 'Skipped' },
  failed: { vi: 'Lỗi khi nhập', en: 'Failed' },
  invalid: { vi: 'Dữ liệu sai', en: 'Invalid data' },
  duplicate: { vi: 'Trùng lặp', en: 'Duplicate' },
  'not-sent': { vi: 'Chưa nhập', en: 'Not imported' },
};

/** One row's status and the sentences that explain it. */
export interface RowReport {
  row: PreparedRow;
  kind: RowStatusKind;
  reasons: Bilingual[];
  outcome?: RowOutcome;
}

/** Reasons for a prepared row's problems, each naming its column. */
function issueReasons(row: PreparedRow, columns: Column[]): Bilingual[] {
  return row.issues
    .filter((i) => i.severity === 'error')
    .map((i) => {
      const col = i.column === null ? undefined : columns[i.column];
      const where = col ? `${col.header}: ` : '';
      return { vi: `${where}${i.message.vi}`, en: `${where}${i.message.en}` };
    });
}

/** The status of every prepared row. `result` null: nothing was sent (a check before importing). */
export function rowReports(prepared: PreparedRow[], columns: Column[], result: ImportResult | null): RowReport[] {
  const outcomes = new Map((result ? allOutcomes(result) : []).map((o) => [o.rowNumber, o]));
  return prepared.map((row) => {
    if (row.status === 'invalid') return { row, kind: 'invalid', reasons: issueReasons(row, columns) };
    if (row.status === 'duplicate') {
      const of = row.duplicateOf;
      return {
        row, kind: 'duplicate',
        reasons: [{
          vi: `Trùng với dòng ${of ?? '?'} nên không nhập lần nữa.`,
          en: `Duplicate of row ${of ?? '?'}, so it was not imported again.`,
        }],
      };
    }
    const o = outcomes.get(row.rowNumber);
    if (!o) {
      return result
        ? { row, kind: 'not-sent', reasons: [{ vi: 'Dòng này không có trong lần nhập.', en: 'This row was not part of the import.' }] }
        : { row, kind: 'not-sent', reasons: [] };
    }
    const reasons = o.reason ? [o.reason] : [];
    if (o.outcome === 'skipped' && isNotSent(o)) return { row, kind: 'not-sent', reasons, outcome: o };
    return { row, kind: o.outcome, reasons, outcome: o };
  });
}

/** A skipped outcome that means "never got there" (cancel, refused token), not "already there". */
function isNotSent(o: RowOutcome): boolean {
  if (o.code) return o.code === 'cancelled' || o.code === 'stopped';
  return /^Not imported|^Unknown/.test(o.reason?.en ?? '');
}

/** The rows a person has to look at: invalid, failed, or not sent. */
export function needsAttention(r: RowReport): boolean {
  return r.kind === 'invalid' || r.kind === 'failed' || r.kind === 'not-sent';
}

/**
 * Reasons joined for one cell, in one language, each with its technical detail after it (the server's words about
 * this row's value, HTTP status, status_code): a report has room for what the screens leave out.
 */
export function reasonText(reasons: Bilingual[], lang: 'vi' | 'en'): string {
  return reasons.map((r) => withDetail(r, lang)).join(' | ');
}
