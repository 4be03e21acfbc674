/**
 * File → Table for the command, read in a worker thread (read-worker.ts) so that the read can be stopped: the
 * SheetJS parse is synchronous, so the ingest's own time checks (between its steps) cannot interrupt a parse that
 * is stuck, and nothing bounds its memory. Here the worker runs with a heap limit and is ended when the time limit
 * passes; either way, or if it dies, the user gets a sentence naming the file and the limit, and exit 2.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { CliError } from './cli-error';
import { readCrashed, readOutOfMemory, readTimedOut, type ReadLimits } from './read-limits';
import type { ReadReply } from './read-reply';
import type { LoadedTable, ReadRequest } from './read-table';
import type { SourceFile } from './source-file';
import { unpackTable } from './table-transfer';

export type { LoadedTable } from './read-table';

/** The built worker's file name, beside the command's bundle in dist/ (scripts/build-node.mjs). */
export const READ_WORKER_FILE = 'omi-import-read.mjs';

/**
 * Starts the worker: the built script beside the bundle (dist/omi-import-read.mjs), or, when the command runs from
 * its TypeScript sources (benchmarks, tests of the unbundled code), read-worker.ts through tsx — Node cannot load a
 * .ts file in a worker by itself, so tsx (a dev dependency, absent from the built command's path) is registered first.
 */
function startWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${READ_WORKER_FILE}`, import.meta.url), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./read-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { ...options, eval: true });
}

/**
 * Opens the file and reads the table (sheet by name or position, or the suggested one; header row given or
 * detected). The file's bytes are moved to the worker, not copied, so `src.bytes` is empty afterwards.
 * Throws `CliError` (exit 2) for anything wrong with the file or the sheet, and when a limit stops the read.
 */
export function loadTable(src: SourceFile, sheet: string | undefined, headerRow: number | undefined, limits: ReadLimits): Promise<LoadedTable> {
  const { bytes, fileName } = src;
  const request: ReadRequest = { bytes, fileName, sheet, headerRow, maxMillis: limits.maxMillis };
  // Only a buffer the bytes fill alone can be moved; a slice of a shared one is copied.
  const movable = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const worker = startWorker({
    workerData: request,
    transferList: movable ? [bytes.buffer as ArrayBuffer] : [],
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
  });
  return new Promise<LoadedTable>((resolve, reject) => {
    let settled = false;
    const settle = (result: () => LoadedTable) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        resolve(result());
      } catch (e) {
        reject(e);
      } finally {
        void worker.terminate();
      }
    };
    const timer = setTimeout(() => settle(() => {
      throw readTimedOut(fileName, limits.maxMillis);
    }), limits.maxMillis);
    worker.once('message', (m: ReadReply) => settle(() => {
      if (m.kind === 'table') return { info: m.info, table: unpackTable(m.packed) };
      if (m.kind === 'user-error') throw new CliError(m.exitCode, m.code, m.text, m.place);
      // A bug in the read: reported as the command reports any unexpected error (exit 1, details with OMI_IMPORT_DEBUG).
      const err = new Error(m.message);
      if (m.stack) err.stack = m.stack;
      throw err;
    }));
    worker.once('error', (e: Error & { code?: string }) => settle(() => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') throw readOutOfMemory(fileName, limits.heapMb);
      // The worker's script could not be loaded: the command is incompletely installed, not the file at fault.
      if (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'ERR_UNKNOWN_FILE_EXTENSION') {
        throw new Error(`omi-import is not completely built (${READ_WORKER_FILE} is missing beside it): run \`npm run build:node\` in the project folder.`);
      }
      throw readCrashed(fileName, e.message.split('\n')[0]);
    }));
    worker.once('exit', (code) => settle(() => {
      throw readCrashed(fileName, `exit code ${code}`);
    }));
  });
}
