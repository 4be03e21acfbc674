/**
 * One run of `omi-import`: file → table → mapping → prepared rows → (unless --dry-run) the upload engine, with
 * the journal on disk → outputs and the summary. Each step lives in its own module; this one only wires them
 * and decides the exit status.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import type { TargetCatalog } from '../../shared/mapping/types';
import { createOmiClient } from '../../shared/omi/client';
import type { OmiApi } from '../../shared/omi/api';
import type { PrepareOptions } from '../../shared/prepare/types';
import { replayJournal } from '../../shared/upload/journal';
import { buildPlan, customFieldLabels, fingerprintBytes, fingerprintText } from '../../shared/upload/plan';
import type { ImportPlan } from '../../shared/upload/types';
import { journalPathFor } from '../main/paths';
import { prepareKeeping, resolveKeepColumns } from './keep-original';
import type { CliOptions } from './args';
import { CliError, usageError } from './cli-error';
import { connectionFailure, withConnectRetries } from './connection-errors';
import { describeConnection, resolveConnection, type Connection } from './credentials';
import { startEmbeddedSandbox, type EmbeddedSandbox } from './embedded-sandbox';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { runEngine } from './import-job';
import { mappingByAuto, mappingFromTemplate, mappingKey, requireSomeTarget } from './mapping-choice';
import { formatOf, writeCleanTable, writeRowReport } from './outputs';
import { loadSnapshot, saveSnapshot, type SnapshotSummary } from './plan-snapshot';
import type { ProgressView } from './progress';
import { resumeCommand } from './resume-hint';
import type { StopControl } from './stop';
import { buildSummary, exitCodeFor, formatSummary, type CliSummary } from './summary';
import { readSourceFile } from './source-file';
import { readLimitsFrom } from './read-limits';
import { loadTable } from './workbook';

/** What a run is given from outside: the process's arguments, environment, outputs and signals. */
export interface RunContext {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  userDataDir: string;
  /** stdout: only the summary (or the one --json object) goes there. */
  stdout(text: string): void;
  progress: ProgressView;
  stop: StopControl;
  now(): number;
}

/** An open connection: the client, the account's catalog, and what to close at the end. */
interface Session {
  conn: Connection;
  api: OmiApi;
  catalog: TargetCatalog;
  where: string;
  sandbox?: EmbeddedSandbox;
}

/** Runs the command; returns the exit status. Throws `CliError` for usage, file and connection errors. */
export async function runImport(o: CliOptions, ctx: RunContext): Promise<ExitCodeValue> {
  const startedAt = ctx.now();
  const say = (line: string) => ctx.progress.note(line);
  // Output names are checked before any work, so a typo does not cost a whole import.
  if (o.report) formatOf(o.report, '--report');
  if (o.cleanOut) formatOf(o.cleanOut, '--clean-out');

  const src = await readSourceFile(o.file);
  const fileFingerprint = fingerprintBytes(src.bytes);
  const argsKey = await argsKeyOf(o);

  if (o.resume !== undefined && !o.report && !o.cleanOut) {
    const journalPath = resolve(o.resume);
    const saved = existsSync(journalPath) ? await loadSnapshot(journalPath, fileFingerprint, argsKey) : null;
    if (saved) {
      say(`Tiếp tục theo kế hoạch đã lưu / resuming the saved plan: ${src.fileName} › ${saved.summary.sheet} · ${saved.plan.rows.length} dòng hợp lệ / valid rows`);
      const session = await connect(o, ctx, say);
      try {
        const plan = withOptions(saved.plan, o);
        return await send(plan, session!, journalPath, saved.summary, ctx, o, startedAt, null);
      } finally {
        await session?.sandbox?.close();
      }
    }
  }

  const { table } = await loadTable(src, o.sheet, o.headerRow, readLimitsFrom(ctx.env));
  say(`Tệp / file: ${src.fileName} › ${table.sheet} · dòng tiêu đề / header row ${table.headerRow} · ${table.rows.length} dòng / rows`);
  for (const n of table.notes) say(`  ${n.vi} / ${n.en}`);
  // Checked before connecting, like every other usage mistake.
  const keepColumns = o.keepOriginal ? resolveKeepColumns(o.keepOriginal, table) : [];

  const session = await connect(o, ctx, say);
  try {
    const catalog = session?.catalog ?? buildTargetCatalog([], []);
    const choice = o.mapping !== undefined ? await mappingFromTemplate(o.mapping, table, catalog) : mappingByAuto(table, catalog);
    requireSomeTarget(choice, table);
    say(`Ghép cột / mapping (${choice.source}): ${choice.mapping.filter((m) => m.target !== 'ignore').map((m) => `${m.header} → ${m.target}`).join(', ')}`);
    if (choice.unsure.length > 0) {
      say(o.mapping !== undefined
        ? `Bỏ qua, không có trong mẫu / ignored, not in the template: ${choice.unsure.map((h) => `"${h}"`).join(', ')} — lưu lại mẫu trong ứng dụng để dùng / save the template again in the app to use them`
        : `Bỏ qua vì không chắc / ignored, not sure: ${choice.unsure.map((h) => `"${h}"`).join(', ')} — dùng --mapping để chọn / use --mapping to decide`);
    }

    const prepareOptions: PrepareOptions = { duplicatePolicy: 'keep-first', defaultCountry: 'VN' };
    const { prepared, keeps } = prepareKeeping(table, choice.mapping, catalog, prepareOptions, keepColumns);
    if (o.keepOriginal) {
      const names = keepColumns.map((i) => table.columns[i].header).join(', ');
      say(`Giữ nguyên như đã gõ / kept as typed: ${keeps.length} ô / cells (${names})`);
    }
    const c = prepared.counts;
    say(`Kiểm tra / checked: ${c.total} dòng / rows · hợp lệ / valid ${c.valid} · không hợp lệ / invalid ${c.invalid} · trùng / duplicates ${c.duplicates} · tự sửa / auto-fixed ${c.changed}`);
    if (o.cleanOut) say(`Bảng đã làm sạch / cleaned table: ${await writeCleanTable(resolve(o.cleanOut), table, prepared)}`);

    const mapping: Record<string, string> = {};
    for (const col of table.columns) mapping[col.header] = 'ignore';
    for (const m of choice.mapping) mapping[m.header] = m.target;
    const summary: SnapshotSummary = { file: src.fileName, sheet: table.sheet, headerRow: table.headerRow, mapping, counts: prepared.counts };
    const report = o.report ? (result?: Parameters<typeof writeRowReport>[3]) => writeRowReport(resolve(o.report!), table, prepared, result) : null;

    if (o.dryRun || !session) {
      const reportPath = report ? await report(undefined) : null;
      const s = finalSummary(summary, { reportPath, journalPath: null, durationMs: ctx.now() - startedAt });
      emit(ctx, o, s, true);
      return exitCodeFor(s, true, false);
    }

    const plan = buildPlan(prepared.rows, {
      fileName: src.fileName,
      fileFingerprint,
      mappingKey: mappingKey(choice.mapping),
      mode: o.mode,
      options: { chunkSize: o.chunkSize, concurrency: o.concurrency },
      refIdColumn: choice.mapping.some((m) => m.target === 'refId'),
      fieldLabels: customFieldLabels(choice.mapping, catalog),
    });
    const journalPath = resolve(o.resume ?? o.journal ?? journalPathFor(plan.importId, ctx.userDataDir));
    if (o.resume !== undefined && !existsSync(journalPath)) {
      throw usageError('journal.missing', `Không tìm thấy nhật ký "${o.resume}" để tiếp tục.`, `The journal "${o.resume}" to resume was not found.`);
    }
    if (!existsSync(journalPath)) await saveSnapshot(journalPath, { fileFingerprint, argsKey, summary, plan }).catch(() => undefined);
    return await send(plan, session, journalPath, summary, ctx, o, startedAt, report);
  } finally {
    await session?.sandbox?.close();
  }
}

/** Sends the plan through the engine, writes the report, prints the summary; returns the exit status. */
async function send(
  plan: ImportPlan, session: Session, journalPath: string, summary: SnapshotSummary, ctx: RunContext, o: CliOptions,
  startedAt: number, report: ((result: Parameters<typeof writeRowReport>[3]) => Promise<string>) | null,
): Promise<ExitCodeValue> {
  const run = await runEngine(plan, session.api, journalPath, ctx, {
    checkJournal: (entries) => {
      const state = replayJournal(entries);
      if (state.importId !== undefined && state.importId !== plan.importId) {
        throw usageError('journal.other-import',
          `Nhật ký "${journalPath}" thuộc một lần nhập khác (tệp, cách ghép cột hoặc chế độ khác). Chạy lại đúng lệnh đã dừng.`,
          `The journal "${journalPath}" belongs to another import (another file, mapping or mode). Run the same command that was stopped.`);
      }
    },
  });
  const reportPath = report ? await report(run.result) : null;
  const s = finalSummary(summary, { result: run.result, sent: run.sent, reportPath, journalPath, durationMs: ctx.now() - startedAt });
  emit(ctx, o, s, false);
  if (run.result.cancelled || run.credentialsRefused) {
    ctx.progress.note(`Để tiếp tục / to resume: ${resumeCommand(ctx.argv, journalPath)}`);
  }
  if (run.credentialsRefused) {
    const v = o.tokenEnv ?? 'OMI_TOKEN';
    throw new CliError(ExitCode.connection, 'connection.token-refused-midway', {
      vi: `OMI từ chối token giữa chừng (hết hạn hoặc bị thu hồi); các dòng đã gửi được giữ trong nhật ký. Đặt token mới vào ${v} rồi chạy lệnh tiếp tục ở trên.`,
      en: `OMI refused the token during the import (expired or revoked); the rows already sent are kept in the journal. Put a new token in ${v} and run the resume command above.`,
    });
  }
  return exitCodeFor(s, false, run.result.cancelled);
}

/**
 * Opens the connection and reads the account's fields (which proves the address and the token before any row
 * is touched). A dry run goes without one when none was asked for and the saved one cannot be used.
 */
async function connect(o: CliOptions, ctx: RunContext, say: (l: string) => void): Promise<Session | undefined> {
  const explicit = o.sandbox || o.baseUrl !== undefined || o.tokenEnv !== undefined;
  let conn: Connection;
  try {
    conn = await resolveConnection(o, ctx.env, ctx.userDataDir);
  } catch (e) {
    if (o.dryRun && !explicit && e instanceof CliError && e.exitCode === ExitCode.connection) {
      say(`${e.text.vi} / ${e.text.en}`);
      say('Kiểm tra không có danh sách trường của tài khoản / dry run without the account\'s custom fields.');
      return undefined;
    }
    throw e;
  }
  say(describeConnection(conn));
  let sandbox: EmbeddedSandbox | undefined;
  let baseUrl: string;
  let token: string;
  if (conn.kind === 'sandbox') {
    sandbox = await startEmbeddedSandbox(ctx.userDataDir, say);
    ({ baseUrl, token } = sandbox);
    say(`  sandbox: ${baseUrl} · dữ liệu / data: ${sandbox.dataFile}`);
  } else {
    ({ baseUrl, token } = conn);
  }
  const where = conn.kind === 'sandbox' ? 'sandbox' : baseUrl;
  const api = createOmiClient({ baseUrl, token });
  try {
    const [layout, funnels] = await withConnectRetries(() => Promise.all([api.layoutList(), api.funnelList()]),
      (ms) => new Promise((r) => setTimeout(r, ms)));
    return { conn, api, catalog: buildTargetCatalog(layout, funnels), where, sandbox };
  } catch (e) {
    await sandbox?.close();
    throw connectionFailure(e, where);
  }
}

/** The options that shape the plan, so a saved plan is only reused for the same command. */
async function argsKeyOf(o: CliOptions): Promise<string> {
  const template = o.mapping === undefined ? 'auto' : await readFile(o.mapping, 'utf8').then(fingerprintText, () => 'unreadable');
  // --keep-original only when given, so the journals of runs without it keep their key.
  const keep = o.keepOriginal ? { keepOriginal: o.keepOriginal } : {};
  return JSON.stringify({ sheet: o.sheet ?? null, headerRow: o.headerRow ?? null, template, mode: o.mode, ...keep });
}

/** The saved plan with this run's sending options (they may change between runs). */
function withOptions(plan: ImportPlan, o: CliOptions): ImportPlan {
  return {
    ...plan,
    options: { ...plan.options, ...(o.chunkSize ? { chunkSize: o.chunkSize } : {}), ...(o.concurrency ? { concurrency: o.concurrency } : {}) },
  };
}

function finalSummary(
  base: SnapshotSummary,
  rest: { result?: Parameters<typeof buildSummary>[0]['result']; sent?: number; reportPath: string | null; journalPath: string | null; durationMs: number },
): CliSummary {
  return buildSummary({ ...base, prepared: { counts: base.counts }, ...rest });
}

function emit(ctx: RunContext, o: CliOptions, summary: CliSummary, dryRun: boolean): void {
  ctx.progress.closeLine();
  ctx.stdout(o.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary, dryRun));
}
