/**
 * The exit statuses `omi-import` promises (README, ../shared/DESIGN.md), so a scheduler can alert on failure.
 */
export const ExitCode = {
  /** Every valid row landed (or, with --dry-run, every row is valid). */
  ok: 0,
  /** Some rows were invalid or failed, or the import was stopped before the end (resume it). */
  rowsFailed: 1,
  /** Usage or file error: bad options, missing or unreadable file, unknown sheet, mapping naming missing columns. */
  usage: 2,
  /** Connection or credential error: server unreachable, token refused or missing. */
  connection: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
