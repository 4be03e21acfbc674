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

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./pipeline.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(new PipelineError(msg.error.code, msg.error.text));
  };
  worker.onerror = (event) => {
    const text = {
      vi: 'Bộ xử lý tệp gặp lỗi bất ngờ. Hãy mở lại tệp; nếu vẫn lỗi, khởi động lại ứng dụng.',
      en: 'The file processor failed unexpectedly. Open the file again; if it keeps failing, restart the app.',
    };
    for (const p of pending.values()) p.reject(new PipelineError('worker.crashed', text));
    pending.clear();
    console.error(event.message);
  };
  return worker;
}

/** Starts the worker ahead of its first call (loading and compiling it takes a moment), e.g. while a file is picked. */
export function startWorker(): void {
  getWorker();
}

/** Calls one worker method; ArrayBuffers in `transfer` are moved, not copied. */
export function callWorker<M extends WorkerMethod>(method: M, args: WorkerApi[M][0], transfer: Transferable[] = []): Promise<WorkerApi[M][1]> {
  const id = nextId++;
  const message: WorkerRequest<M> = { id, method, args };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    getWorker().postMessage(message, transfer);
  });
}
