/**
 * The end of a run: the one `--json` object (shape fixed by ../shared/DESIGN.md), the same numbers as text for a
 * person, and the exit status they mean.
 */
import type { PreparedTable } from '../../shared/prepare/types';
import type { ImportResult } from '../../shared/upload/types';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { formatDuration } from './progress';

/** Row counts of one run. */
export interface SummaryRows {
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  sent: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

/** Exactly the object `--json` prints: these keys, nothing else. */
export interface CliSummary {
  file: string;
  sheet: string;
  headerRow: number;
  /** Column header → target (`fullName`, `phones`, `dynamic:<code>`, `funnel:<id>`, `ignore`). */
  mapping: Record<string, string>;
  rows: SummaryRows;
  reportPath: string | null;
  journalPath: string | null;
  durationMs: number;
}

/** What a run produced, before it is turned into the summary. */
export interface RunOutcome {
  file: string;
  sheet: string;
  headerRow: number;
  /** Column header → target, every column of the table (unmapped ones as `ignore`). */
  mapping: Record<string, string>;
  prepared: Pick<PreparedTable, 'counts'>;
  /** Absent for --dry-run. */
  result?: Pick<ImportResult, 'counts' | 'cancelled'>;
  /** Rows sent, from the engine's last progress event when there was one. */
  sent?: number;
  reportPath: string | null;
  journalPath: string | null;
  durationMs: number;
}

/** Builds the `--json` object. */
export function buildSummary(o: RunOutcome): CliSummary {
  const c = o.result?.counts;
  const created = c?.created ?? 0;
  const updated = c?.updated ?? 0;
  const skipped = c?.skipped ?? 0;
  const failed = c?.failed ?? 0;
  return {
    file: o.file,
    sheet: o.sheet,
    headerRow: o.headerRow,
    mapping: { ...o.mapping },
    rows: {
      total: o.prepared.counts.total,
      valid: o.prepared.counts.valid,
      invalid: o.prepared.counts.invalid,
      duplicates: o.prepared.counts.duplicates,
      sent: o.sent ?? created + updated + failed,
      created,
      updated,
      skipped,
      failed,
    },
    reportPath: o.reportPath,
    journalPath: o.journalPath,
    durationMs: Math.round(o.durationMs),
  };
}

/**
 * 0 when every valid row landed (created, updated, or already there); 1 when any row was invalid or failed, or
 * the import stopped before the end. A dry run is 0 when every row is valid.
 */
export function exitCodeFor(s: CliSummary, dryRun: boolean, cancelled: boolean): ExitCodeValue {
  if (s.rows.invalid > 0) return ExitCode.rowsFailed;
  if (dryRun) return ExitCode.ok;
  if (cancelled || s.rows.failed > 0) return ExitCode.rowsFailed;
  const landed = s.rows.created + s.rows.updated + s.rows.skipped;
  return landed >= s.rows.valid ? ExitCode.ok : ExitCode.rowsFailed;
}

/** The summary for a person (stdout without --json). */
export function formatSummary(s: CliSummary, dryRun: boolean): string {
  const r = s.rows;
  const lines = [
    `${dryRun ? 'Kiểm tra xong (không gửi gì) / Dry run done (nothing sent)' : 'Xong / Done'}: ${s.file} › ${s.sheet} (dòng tiêu đề / header row ${s.headerRow})`,
    `  Dòng / rows: ${r.total} · hợp lệ / valid ${r.valid} · không hợp lệ / invalid ${r.invalid} · trùng / duplicates ${r.duplicates}`,
  ];
  if (!dryRun) {
    lines.push(`  Đã gửi / sent ${r.sent} · tạo mới / created ${r.created} · cập nhật / updated ${r.updated} · bỏ qua / skipped ${r.skipped} · lỗi / failed ${r.failed}`);
  }
  if (s.reportPath) lines.push(`  Báo cáo / report: ${s.reportPath}`);
  if (s.journalPath) lines.push(`  Nhật ký / journal: ${s.journalPath}`);
  lines.push(`  Thời gian / time: ${formatDuration(s.durationMs)}`);
  return `${lines.join('\n')}\n`;
}
