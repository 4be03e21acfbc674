/**
 * The one error type the command's steps throw for a person: a bilingual sentence and the exit status it ends with.
 * `main.ts` prints it on one line (Vietnamese, then English) and exits; never a stack trace.
 */
import { UserError, type Bilingual, type Place } from '../../shared/text';
import { ExitCode, type ExitCodeValue } from './exit-codes';

export class CliError extends UserError {
  readonly exitCode: ExitCodeValue;
  constructor(exitCode: ExitCodeValue, code: string, text: Bilingual, place?: Place) {
    super(code, text, place);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A usage or file problem (exit 2). */
export function usageError(code: string, vi: string, en: string): CliError {
  return new CliError(ExitCode.usage, code, { vi, en });
}

/** A connection or credential problem (exit 3). */
export function connectionError(code: string, vi: string, en: string): CliError {
  return new CliError(ExitCode.connection, code, { vi, en });
}

/** One line for stderr: "Vietnamese — English", newlines flattened so a log keeps one line per error. */
export function oneLine(text: Bilingual): string {
  const flat = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
  const vi = flat(text.vi);
  const en = flat(text.en);
  return vi === en ? vi : `${vi} / ${en}`;
}
