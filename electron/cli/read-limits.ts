/**
 * The limits the file read runs under (time and memory), and the sentence for each way the read can be stopped:
 * the time limit passed, the memory limit was hit, or the reading thread died.
 */
import { DEFAULT_LIMITS } from '../../shared/ingest/limits';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';

/** How long and how much memory reading one file may take. */
export interface ReadLimits {
  /** The ingest's time limit (IngestLimits.maxMillis): the read is stopped when it passes. */
  maxMillis: number;
  /** Heap of the reading thread (old generation, MB). */
  heapMb: number;
}

/**
 * The reading thread's heap: the ingest's limits are set so that the worst accepted file (1,000,000 rows) is read
 * in about 1.5 GB (shared/ingest/limits.ts).
 */
export const READ_HEAP_MB = 1536;

/**
 * The limits for this run. The two environment variables are for tests only (undocumented on purpose): they let a
 * test stop a read in a second or with a small heap, on files small enough to generate quickly. A value that is not
 * a positive whole number is ignored.
 */
export function readLimitsFrom(env: Record<string, string | undefined>): ReadLimits {
  return {
    maxMillis: positive(env.OMI_IMPORT_INGEST_MAX_MS) ?? DEFAULT_LIMITS.maxMillis,
    heapMb: positive(env.OMI_IMPORT_INGEST_MAX_HEAP_MB) ?? READ_HEAP_MB,
  };
}

function positive(text: string | undefined): number | undefined {
  const n = text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** True for the formats read as text, chunk by chunk (saving "as CSV" is then no advice). */
function isText(fileName: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(fileName);
}

/** What to do about a file too big or too slow to read, fitted to its format. */
function advice(fileName: string): { vi: string; en: string } {
  return isText(fileName)
    ? {
        vi: 'Hãy tách tệp thành nhiều tệp nhỏ hơn rồi nhập từng tệp.',
        en: 'Split it into smaller files and import them one by one.',
      }
    : {
        vi: 'Hãy mở tệp bằng Excel và lưu thành CSV UTF-8 (.csv, đọc nhanh và ít bộ nhớ hơn), hoặc tách thành nhiều tệp nhỏ hơn rồi nhập từng tệp.',
        en: 'Open it in Excel and save it as CSV UTF-8 (.csv reads faster and in less memory), or split it into smaller files and import them one by one.',
      };
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}

/** The read went past the time limit and was stopped (exit 2). */
export function readTimedOut(fileName: string, maxMillis: number): CliError {
  const a = advice(fileName);
  return new CliError(ExitCode.usage, 'ingest.timeout', {
    vi: `Đọc tệp "${fileName}" quá ${seconds(maxMillis)} giây (giới hạn thời gian đọc một tệp) nên đã dừng. ${a.vi}`,
    en: `Reading "${fileName}" took longer than ${seconds(maxMillis)} seconds (the time limit for reading a file), so it was stopped. ${a.en}`,
  }, { file: fileName });
}

/** The read needed more memory than the reading thread may use (exit 2). */
export function readOutOfMemory(fileName: string, heapMb: number): CliError {
  const a = advice(fileName);
  return new CliError(ExitCode.usage, 'file.read-memory', {
    vi: `Đọc tệp "${fileName}" cần nhiều hơn ${heapMb} MB bộ nhớ (giới hạn bộ nhớ khi đọc một tệp) nên đã dừng. ${a.vi}`,
    en: `Reading "${fileName}" needed more than ${heapMb} MB of memory (the memory limit for reading a file), so it was stopped. ${a.en}`,
  }, { file: fileName });
}

/** The reading thread died without an answer (exit 2): the file is likely damaged in a way the reader trips on. */
export function readCrashed(fileName: string, detail: string): CliError {
  return new CliError(ExitCode.usage, 'file.read-crashed', {
    vi: `Việc đọc tệp "${fileName}" bị dừng đột ngột (${detail}). Hãy mở tệp bằng Excel, lưu lại thành .xlsx hoặc CSV UTF-8 rồi chạy lại; nếu vẫn lỗi, chạy với OMI_IMPORT_DEBUG=1 và báo cho nhóm phát triển.`,
    en: `Reading "${fileName}" stopped abruptly (${detail}). Open it in Excel, save it again as .xlsx or CSV UTF-8 and run again; if it still fails, run with OMI_IMPORT_DEBUG=1 and tell the developers.`,
  }, { file: fileName });
}
