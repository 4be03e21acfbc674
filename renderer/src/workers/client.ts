/**
 * The UI side of the pipeline worker: one worker for the app, typed promise calls.
 * Errors come back as Bilingual sentences (PipelineError) so screens can show them as they are.
 */
import type { Bilingual } from '../../../shared/text';
import type { WorkerApi, WorkerMethod, WorkerRequest, WorkerResponse } from './protocol';

/** A failure inside the worker, with a sentence for the user. */
export class PipelineError extends Error {
  readonly code: string;
  readonly text: Bilingual;
  constructor(code: string, text: Bilingual) {
    super(text.en);
    this.code = code;
    this.text = text;
  }
}

/** The code of a call dropped because another file was opened (freshWorker): nothing for the user to see. */
export const SUPERSEDED = 'worker.superseded';

/** True for a call dropped by freshWorker; callers drop it quietly, since the newer file's answers follow. */
export function isSuperseded(e: unknown): boolean {
  return e instanceof PipelineError && e.code === SUPERSEDED;
}

let worker: Worker | null = null;
/** The worker has been asked something (so it may hold a file, or be busy reading one). */
let used = false;
let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

function rejectPending(error: PipelineError): void {
  const calls = [...pending.values()];
  pending.clear();
  for (const p of calls) p.reject(error);
}

function getWorker(): Worker {
  if (worker) return worker;
  const mine = new Worker(new URL('./pipeline.worker.ts', import.meta.url), { type: 'module' });
  worker = mine;
  used = false;
  mine.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(new PipelineError(msg.error.code, msg.error.text));
  };
  mine.onerror = (event) => {
    if (worker !== mine) return;
    rejectPending(new PipelineError('worker.crashed', {
      vi: 'Bộ xử lý tệp gặp lỗi bất ngờ. Hãy mở lại tệp; nếu vẫn lỗi, khởi động lại ứng dụng.',
      en: 'The file processor failed unexpectedly. Open the file again; if it keeps failing, restart the app.',
    }));
    console.error(event.message);
  };
  return mine;
}

/** Starts the worker ahead of its first call (loading and compiling it takes a moment), e.g. while a file is picked. */
export function startWorker(): void {
  getWorker();
}

/**
 * A worker with nothing of an earlier file, for a file about to be opened. A worker that was asked anything is
 * ended and a new one started: reading a big sheet is one synchronous parse that no message can interrupt, so a
 * second file dropped meanwhile would otherwise wait seconds for the first one's read; and the earlier file's
 * table, edits, kept cells and undo history go with the old worker. Calls still waiting on it are rejected with
 * SUPERSEDED. An unused worker (started ahead by startWorker) is kept. Returns whether a worker was ended.
 */
export function freshWorker(): boolean {
  if (!worker || !used) {
    getWorker();
    return false;
  }
  worker.terminate();
  worker = null;
  rejectPending(new PipelineError(SUPERSEDED, {
    vi: 'Một tệp khác đã được mở nên việc đang làm với tệp trước đã dừng. Hãy tiếp tục với tệp vừa mở.',
    en: 'Another file was opened, so the work on the earlier file was stopped. Go on with the file just opened.',
  }));
  getWorker();
  return true;
}

/** Calls one worker method; ArrayBuffers in `transfer` are moved, not copied. */
export function callWorker<M extends WorkerMethod>(method: M, args: WorkerApi[M][0], transfer: Transferable[] = []): Promise<WorkerApi[M][1]> {
  const id = nextId++;
  const message: WorkerRequest<M> = { id, method, args };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    const w = getWorker();
    used = true;
    w.postMessage(message, transfer);
  });
}
