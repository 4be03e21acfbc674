import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Outcome, PendingImport } from '../../../shared/ipc/contract';
import type { OmiApi } from '../../../shared/omi/api';
import { importPlanSchema } from '../../../shared/ipc/contract';
import { startImport, type ImportJob } from '../../../shared/upload/engine';
import { compactResult, groupAlike } from '../../../shared/upload/compact-result';
import { replayJournal, type JournalStore } from '../../../shared/upload/journal';
import { isUserError, type Bilingual } from '../../../shared/text';
import type { ImportPlan } from '../../../shared/upload/types';
import { openFileJournal, readJournalFile } from '../journal/file-journal';
import { journalPathFor, journalsDir } from '../paths';
import { abortableSleep } from '../../../shared/upload/sleep';
import { addToHistory, historyFile } from './history';
import type { Connection } from './connection';
import type { Handlers, MainDeps } from './types';

/** Row outcomes per import:rows event at most. */
const ROWS_PER_EVENT = 2000;

interface Running {
  job: ImportJob;
  credentialsWaiter: (() => void) | null;
}

/**
 * Runs imports for the window: the plan is saved beside its journal (so an interrupted import can be offered
 * again at the next start), the engine reports progress and row outcomes as events, and a refused token
 * pauses the job until the user enters a new one (credentials:renew).
 */
export function importHandlers(
  deps: MainDeps,
  connection: Connection,
): Pick<Handlers, 'import:start' | 'import:start-encoded' | 'import:continue' | 'import:pause' | 'import:resume' | 'import:cancel' | 'import:pending' | 'import:history'> & {
  onCredentialsRenewed(): void;
} {
  const running = new Map<string, Running>();
  const history = historyFile(deps.userDataDir);
  const dir = journalsDir(deps.userDataDir);
  const planPath = (importId: string) => join(dir, `${safeName(importId)}.plan.json`);
  // Imports being set up (connection, plan file, journal: seconds for 100,000 rows): a pause or cancel the user asks
  // for meanwhile is kept and applied once the job exists, never dropped because the job was not there yet.
  const starting = new Map<string, { pause: boolean; cancel: boolean }>();

  /**
   * `planJson`: the plan as the window sent it (UTF-8 JSON that `plan` was checked from), written as it is into
   * the saved plan instead of stringified again (0.7 s and a second copy in memory for 100,000 rows).
   */
  async function run(plan: ImportPlan, fileName: string, planJson?: Uint8Array): Promise<Outcome<{ importId: string; journalPath: string }>> {
    if (running.has(plan.importId) || starting.has(plan.importId)) return ALREADY_RUNNING;
    const asked = { pause: false, cancel: false };
    starting.set(plan.importId, asked);
    try {
      const out = await begin(plan, fileName, planJson);
      const job = running.get(plan.importId)?.job;
      if (out.ok && job) {
        if (asked.pause) job.pause();
        if (asked.cancel) job.cancel();
      }
      return out;
    } finally {
      starting.delete(plan.importId);
    }
  }

  async function begin(plan: ImportPlan, fileName: string, planJson?: Uint8Array): Promise<Outcome<{ importId: string; journalPath: string }>> {
    // Fails here (with the connection's own sentence) before a journal is opened when there is no usable connection.
    await connection.api();
    const journalPath = journalPathFor(plan.importId, deps.userDataDir);
    let journal: JournalStore;
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(planPath(plan.importId), planJson ? savedPlanBytes(fileName, planJson) : JSON.stringify({ fileName, plan }));
      journal = await openFileJournal(journalPath);
    } catch (e) {
      // Nothing was sent yet: the window gets the reason as the answer, not an unexpected-error message.
      return { ok: false, error: isUserError(e) ? { code: e.code, text: e.text } : journalSetupError(dir, e) };
    }
    const startedAt = Date.now();
    const entry: Running = { job: null as unknown as ImportJob, credentialsWaiter: null };
    entry.job = startImport(plan, {
      // The connection's client is looked up per call so a renewed token is used from the next call on.
      api: lazyApi(connection),
      journal,
      now: () => Date.now(),
      sleep: abortableSleep,
      random: Math.random,
      onProgress: (p) => deps.emit('import:progress', { ...p, importId: plan.importId }),
      // A resumed or cancelled import settles tens of thousands of rows at once: sent in slices, so the window
      // handles them as several short tasks rather than one long one, and alike outcomes in each slice (a chunk
      // created, the rows a cancel left unsent) as row numbers: 2,000 full outcomes were ~0.5 MB for the window's
      // thread to parse, and a cancel sent tens of them back to back.
      onRows: (outcomes) => {
        for (let i = 0; i < outcomes.length; i += ROWS_PER_EVENT) {
          const slice = groupAlike(outcomes.slice(i, i + ROWS_PER_EVENT), { withoutIds: true });
          deps.emit('import:rows', { importId: plan.importId, outcomes: slice.outcomes, ...(slice.grouped.length > 0 ? { grouped: slice.grouped } : {}) });
        }
      },
      onNeedCredentials: () =>
        new Promise<void>((resolve) => {
          entry.credentialsWaiter = resolve;
          deps.emit('import:needs-credentials', { importId: plan.importId });
        }),
    });
    running.set(plan.importId, entry);
    // Everything is settled (journal closed, history written, job forgotten) before the window hears "done",
    // so whatever it asks next (pending imports, history) already sees the end of this one. Whatever goes wrong
    // on the way, the window hears exactly one of import:done / import:failed: it must never wait forever.
    void entry.job.done.then(
      async (result) => {
        running.delete(plan.importId);
        // The journal's last line ('end') was flushed before the engine returned; closing can only fail on the
        // file handle. The history is informative. Neither may keep the result from the window.
        await journal.close().catch((e: unknown) => console.error('closing the journal failed', message(e)));
        await addToHistory(history, {
          importId: plan.importId,
          fileName,
          startedAt,
          finishedAt: Date.now(),
          mode: plan.mode,
          counts: result.counts,
          cancelled: result.cancelled,
          // Counted in skipped by the engine; the history says apart how many a later "continue" still has to send.
          unsent: result.outcomes.filter((o) => o.outcome === 'skipped' && (o.code === 'cancelled' || o.code === 'stopped')).length,
        }).catch((e: unknown) => console.error('writing the import history failed', message(e)));
        // The window gets the rows that landed as row numbers only (see compactResult).
        deps.emit('import:done', compactResult(result));
      },
      async (e: unknown) => {
        running.delete(plan.importId);
        await journal.close().catch(() => undefined);
        console.error('import failed', message(e));
        deps.emit('import:failed', { importId: plan.importId, error: isUserError(e) ? { code: e.code, text: e.text } : stoppedError(e) });
      },
    );
    return { ok: true, value: { importId: plan.importId, journalPath } };
  }

  return {
    onCredentialsRenewed() {
      for (const r of running.values()) {
        r.credentialsWaiter?.();
        r.credentialsWaiter = null;
      }
    },
    'import:start': async ({ plan, fileName }) => run(plan as ImportPlan, fileName),
    'import:start-encoded': async ({ plan: bytes, fileName }) => {
      const parsed = decodePlan(bytes);
      if (!parsed) {
        return {
          ok: false,
          error: { code: 'ipc.invalid-arguments', text: { vi: 'Dữ liệu của lần nhập không hợp lệ nên không được gửi.', en: 'The import data was invalid and nothing was sent.' } },
        };
      }
      const json = new Uint8Array(bytes);
      // TextDecoder skipped a byte order mark before the JSON: so does the saved plan.
      return run(parsed, fileName, json[0] === 0xef && json[1] === 0xbb && json[2] === 0xbf ? json.subarray(3) : json);
    },
    'import:continue': async ({ importId }) => {
      try {
        const saved = JSON.parse(await readFile(planPath(importId), 'utf8')) as { fileName: string; plan: unknown };
        const plan = importPlanSchema.parse(saved.plan) as ImportPlan;
        return run(plan, saved.fileName);
      } catch {
        return {
          ok: false,
          error: {
            code: 'import.no-saved-plan',
            text: { vi: 'Không tìm thấy dữ liệu của lần nhập này để tiếp tục. Hãy mở lại tệp và nhập lại: những dòng đã nhập sẽ được bỏ qua.', en: 'The data of this import could not be found. Open the file again and import: rows already imported will be skipped.' },
          },
        };
      }
    },
    'import:pause': async ({ importId }) => {
      const asked = starting.get(importId);
      if (asked) asked.pause = true;
      else running.get(importId)?.job.pause();
    },
    'import:resume': async ({ importId }) => {
      const asked = starting.get(importId);
      if (asked) asked.pause = false;
      else running.get(importId)?.job.resume();
    },
    'import:cancel': async ({ importId }) => {
      const asked = starting.get(importId);
      if (asked) asked.cancel = true;
      else running.get(importId)?.job.cancel();
    },
    'import:history': async () => history.read(),
    'import:pending': async () => {
      const names = await readdir(dir).catch(() => [] as string[]);
      const pending: PendingImport[] = [];
      for (const name of names.filter((n) => n.endsWith('.plan.json'))) {
        const importId = name.slice(0, -'.plan.json'.length);
        if (running.has(importId)) continue;
        try {
          const saved = JSON.parse(await readFile(join(dir, name), 'utf8')) as { fileName: string; plan: ImportPlan };
          const { entries } = await readJournalFile(journalPathFor(saved.plan.importId, deps.userDataDir));
          const state = replayJournal(entries);
          if (state.runs === 0 || (state.finished && !state.cancelled)) continue;
          const done = [...state.rows.values()].filter((r) => r.outcome !== undefined && !r.transient).length;
          pending.push({ importId: saved.plan.importId, fileName: saved.fileName, startedAt: state.firstStartedAt ?? 0, total: saved.plan.rows.length, done });
        } catch {
          // A damaged plan or journal is not offered: the user re-imports, and rows already created are skipped.
        }
      }
      return pending.sort((a, b) => b.startedAt - a.startedAt);
    },
  };
}

const ALREADY_RUNNING = {
  ok: false,
  error: { code: 'import.already-running', text: { vi: 'Lần nhập này đang chạy.', en: 'This import is already running.' } },
} as const;

/** The saved plan file, `{"fileName": …, "plan": …}`, around the plan's JSON bytes as they came (checked already). */
function savedPlanBytes(fileName: string, planJson: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(`{"fileName":${JSON.stringify(fileName)},"plan":`);
  const out = new Uint8Array(head.length + planJson.length + 1);
  out.set(head, 0);
  out.set(planJson, head.length);
  out[out.length - 1] = 0x7d; // }
  return out;
}

/** A plan sent as UTF-8 JSON bytes, checked against the same schema as import:start; null when it is not one. */
function decodePlan(bytes: ArrayBuffer): ImportPlan | null {
  try {
    const parsed = importPlanSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? (parsed.data as ImportPlan) : null;
  } catch {
    return null;
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The journal's folder or files could not be written before the import started. */
function journalSetupError(dir: string, e: unknown): { code: string; text: Bilingual } {
  const why = message(e);
  return {
    code: 'journal.write',
    text: {
      vi: `Không ghi được nhật ký nhập vào thư mục ${dir}: ${why}. Chưa có dòng nào được gửi. Hãy kiểm tra ổ đĩa còn chỗ trống và thư mục đó ghi được (không bị khoá, không phải một tệp), rồi bấm nhập lại.`,
      en: `Could not write the import journal in the folder ${dir}: ${why}. No row has been sent yet. Check that the disk has free space and that the folder can be written (not locked, not a file), then start the import again.`,
    },
  };
}

/** An import that stopped on an unexpected error (a journal write fails with its own UserError sentence). */
function stoppedError(e: unknown): { code: string; text: Bilingual } {
  const why = message(e);
  return {
    code: 'import.stopped',
    text: {
      vi: `Lần nhập đã dừng giữa chừng vì một lỗi bất ngờ (${why}). Những dòng đã gửi đều được ghi lại trong nhật ký: hãy tiếp tục lần nhập (nút "Nhập tiếp" ở đầu màn hình, hoặc bấm nhập lại), các dòng đã nhập sẽ không bị gửi lại.`,
      en: `The import stopped part-way because of an unexpected error (${why}). Every row already sent is recorded in the journal: continue the import (the "Continue the import" button at the top of the screen, or start it again); rows already imported will not be sent again.`,
    },
  };
}

function safeName(importId: string): string {
  return importId.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** An OmiApi that asks the connection for the current client at each call (a renewed token takes effect at once). */
function lazyApi(connection: Connection): OmiApi {
  const call =
    <K extends keyof OmiApi>(method: K) =>
    async (...args: unknown[]) => {
      const { api } = await connection.api();
      return (api[method] as (...a: unknown[]) => unknown)(...args);
    };
  return {
    add: call('add'),
    addMany: call('addMany'),
    update: call('update'),
    search: call('search'),
    get: call('get'),
    layoutList: call('layoutList'),
    funnelList: call('funnelList'),
  } as OmiApi;
}
