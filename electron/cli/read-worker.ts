/**
 * Entry of the worker thread that reads the user's file (built as dist/omi-import-read.mjs beside the command).
 * The SheetJS parse is synchronous and its memory cannot be bounded from inside: run here, the command can stop it
 * when the time limit passes and the heap limit given to the worker ends it instead of the whole process.
 * Answers with exactly one `ReadReply`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../../shared/text';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';
import { readTable, type ReadRequest } from './read-table';
import type { ReadReply } from './read-reply';
import { packTable } from './table-transfer';

function reply(message: ReadReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

try {
  const { info, table } = readTable(workerData as ReadRequest);
  const { packed, transfer } = packTable(table);
  reply({ kind: 'table', info, packed }, transfer);
} catch (e) {
  if (isUserError(e)) {
    // Classes do not survive the trip between threads: the parts are sent and the error is made again there.
    reply({ kind: 'user-error', exitCode: e instanceof CliError ? e.exitCode : ExitCode.usage, code: e.code, text: e.text, place: e.place });
  } else {
    const err = e instanceof Error ? e : new Error(String(e));
    reply({ kind: 'failure', message: err.message, stack: err.stack });
  }
}
