/**
 * What the read worker (read-worker.ts) sends back to the command: the table, a sentence for the user, or a bug.
 */
import type { Workbook } from '../../shared/ingest/types';
import type { Bilingual, Place } from '../../shared/text';
import type { ExitCodeValue } from './exit-codes';
import type { PackedTable } from './table-transfer';

/** The worker's one message. */
export type ReadReply =
  | { kind: 'table'; info: Workbook; packed: PackedTable }
  /** A `UserError` / `CliError` thrown by the read, in parts. */
  | { kind: 'user-error'; exitCode: ExitCodeValue; code: string; text: Bilingual; place?: Place }
  /** Anything else thrown: a bug, reported as the command reports unexpected errors. */
  | { kind: 'failure'; message: string; stack?: string };
