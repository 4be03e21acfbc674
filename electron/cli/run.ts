/**
 * One run of `omi-import`: file → table → mapping → prepared rows → (unless --dry-run) the upload engine, with
 * the journal on disk → outputs and the summary. Each step lives in its own module; this one only wires them
 * and decides the exit status.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import { createOmiClient } from '../../shared/omi/client';
import type { OmiApi } from '../../shared/omi/api';
import type { Funnel, LayoutAttribute } from '../../shared/omi/types';
import { prepareTable } from '../../shared/prepare/prepare';
import { replayJournal } from '../../shared/upload/journal';
import { buildPlan, fingerprintBytes } from '../../shared/upload/plan';
import { journalPathFor } from '../main/paths';
import type { CliOptions } from './args';
import { CliError, usageError } from './cli-error';
import { connectionFailure } from './connection-errors';
import { describeConnection, resolveConnection, type Connection } from './credentials';
import { startEmbeddedSandbox, type EmbeddedSandbox } from './embedded-sandbox';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { runEngine } from './import-job';
import { mappingByAuto, mappingFromTemplate, mappingKey, requireSomeTarget } from './mapping-choice';
import { writeCleanTable, writeRowReport } from './outputs';
import type { ProgressView } from './progress';
import { resumeCommand } from './resume-hint';
import type { StopControl } from './stop';
import { buildSummary, exitCodeFor, formatSummary } from './summary';
import { readSourceFile } from './source-file';
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

/** Runs the command; returns the exit status. Throws `CliError` for usage, file and connection errors. */
export async function runImport(o: CliOptions, ctx: RunContext): Promise<ExitCodeValue> {
  const startedAt = ctx.now();
  const say = (line: string) => ctx.progress.note(line);

  const src = await readSourceFile(o.file);
  const { table } = await loadTable(src, o.sheet, o.headerRow);
  say(`Tệp / file: ${src.fileName} › ${table.sheet} · dòng tiêu đề / header row ${table.headerRow} · ${table.rows.length} dòng / rows`);
  for (const n of table.notes) say(`  ${n.vi} / ${n.en}`);

  const conn = await connectionFor(o, ctx, say);
  let sandbox: EmbeddedSandbox | undefined;
  try {
    let api: OmiApi | undefined;
    let layout: LayoutAttribute[] = [];
    let funnels: Funnel[] = [];
    if (conn) {
      say(describeConnection(conn));
      let baseUrl: string;
      let token: string;
      if (conn.kind === 'sandbox') {
        sandbox = await startEmbeddedSandbox(ctx.userDataDir, say);
        ({ baseUrl, token } = sandbox);
        say(`  sandbox: ${baseUrl} · dữ liệu / data: ${sandbox.dataFile}`);
      } else {
        ({ baseUrl, token } = conn);
      }
      api = createApi(baseUrl, token);
      try {
        // Reading the account's fields first proves the address and the token before any row is touched.
        [layout, funnels] = await Promise.all([api.layoutList(), api.funnelList()]);
      } catch (e) {
        throw connectionFailure(e, conn.kind === 'sandbox' ? 'sandbox' : baseUrl);
      }
    }
    const catalog = buildTargetCatalog(layout, funnels);

    const choice = o.mapping !== undefined ? await mappingFromTemplate(o.mapping, table, catalog) : mappingByAuto(table, catalog);
    requireSomeTarget(choice, table);
    say(`Ghép cột / mapping (${choice.source}): ${choice.mapping.filter((m) => m.target !== 'ignore').map((m) => `${m.header} → ${m.target}`).join(', ')}`);
    if (choice.unsure.length > 0) {
      say(`Bỏ qua vì không chắc / ignored, not sure: ${choice.unsure.map((h) => `"${h}"`).join(', ')} — dùng --mapping để chọn / use --mapping to decide`);
    }

    const prepared = prepareTable(table, choice.mapping, catalog, { duplicatePolicy: 'keep-first', defaultCountry: 'VN' });
    const c = prepared.counts;
    say(`Kiểm tra / checked: ${c.total} dòng / rows · hợp lệ / valid ${c.valid} · không hợp lệ / invalid ${c.invalid} · trùng / duplicates ${c.duplicates} · tự sửa / auto-fixed ${c.changed}`);
    if (o.cleanOut) {
      const path = await writeCleanTable(resolve(o.cleanOut), table, prepared);
      say(`Bảng đã làm sạch / cleaned table: ${path}`);
    }

    const base = {
      file: src.fileName, sheet: table.sheet, headerRow: table.headerRow, mapping: choice.mapping,
      headers: table.columns.map((col) => col.header), prepared,
    };

    if (o.dryRun || !api) {
      const reportPath = o.report ? await writeRowReport(resolve(o.report), table, prepared, undefined) : null;
      const summary = buildSummary({ ...base, reportPath, journalPath: null, durationMs: ctx.now() - startedAt });
      emit(ctx, o, summary, true);
      return exitCodeFor(summary, true, false);
    }

    const plan = buildPlan(prepared.rows, {
      fileName: src.fileName,
      fileFingerprint: fingerprintBytes(src.bytes),
      mappingKey: mappingKey(choice.mapping),
      mode: o.mode,
      options: { chunkSize: o.chunkSize, concurrency: o.concurrency },
      refIdColumn: choice.mapping.some((m) => m.target === 'refId'),
    });
    const journalPath = resolve(o.resume ?? o.journal ?? journalPathFor(plan.importId, ctx.userDataDir));
    if (o.resume !== undefined && !existsSync(journalPath)) {
      throw usageError('journal.missing', `Không tìm thấy nhật ký "${o.resume}" để tiếp tục.`, `The journal "${o.resume}" to resume was not found.`);
    }
    await mkdir(dirname(journalPath), { recursive: true });
    say(`Nhật ký / journal: ${journalPath}`);

    const run = await runEngine(plan, api, journalPath, ctx, {
      checkJournal: (entries) => {
        const state = replayJournal(entries);
        if (o.resume !== undefined && state.importId !== undefined && state.importId !== plan.importId) {
          throw usageError('journal.other-import',
            `Nhật ký "${o.resume}" thuộc một lần nhập khác (tệp hoặc cách ghép cột khác). Chạy lại đúng lệnh đã dừng.`,
            `The journal "${o.resume}" belongs to another import (another file or mapping). Run the same command that was stopped.`);
        }
      },
    });

    const reportPath = o.report ? await writeRowReport(resolve(o.report), table, prepared, run.result) : null;
    const summary = buildSummary({
      ...base, result: run.result, sent: run.sent, reportPath, journalPath, durationMs: ctx.now() - startedAt,
    });
    emit(ctx, o, summary, false);
    if (run.result.cancelled || run.credentialsRefused) {
      say(`Để tiếp tục / to resume: ${resumeCommand(ctx.argv, journalPath)}`);
    }
    if (run.credentialsRefused) {
      throw new CliError(ExitCode.connection, 'connection.token-refused', run.credentialsRefused);
    }
    return exitCodeFor(summary, false, run.result.cancelled);
  } finally {
    await sandbox?.close();
  }
}

/** The connection to use; a dry run goes without one when none was asked for and the saved one cannot be used. */
async function connectionFor(o: CliOptions, ctx: RunContext, say: (l: string) => void): Promise<Connection | undefined> {
  const explicit = o.sandbox || o.baseUrl !== undefined || o.tokenEnv !== undefined;
  try {
    return await resolveConnection(o, ctx.env, ctx.userDataDir);
  } catch (e) {
    if (o.dryRun && !explicit && e instanceof CliError && e.exitCode === ExitCode.connection) {
      say(`${e.text.vi} / ${e.text.en}`);
      say('Kiểm tra không có danh sách trường của tài khoản / dry run without the account\'s custom fields.');
      return undefined;
    }
    throw e;
  }
}

function createApi(baseUrl: string, token: string): OmiApi {
  return createOmiClient({ baseUrl, token });
}

function emit(ctx: RunContext, o: CliOptions, summary: ReturnType<typeof buildSummary>, dryRun: boolean): void {
  ctx.progress.closeLine();
  ctx.stdout(o.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary, dryRun));
}
