/**
 * `omi-import` entry point: parse the arguments, run, print one line for any error a person can act on
 * (Vietnamese, then English) and exit with the documented status. Never a stack trace for a user's mistake;
 * an unexpected crash still prints one line and exits 1, with the details only when OMI_IMPORT_DEBUG is set.
 */
import { createRequire } from 'node:module';
import { isOmiError } from '../../shared/omi/errors';
import { isUserError } from '../../shared/text';
import { userDataDir } from '../main/paths';
import { parseCliArgs } from './args';
import { CliError, oneLine } from './cli-error';
import { ExitCode } from './exit-codes';
import { helpText } from './help';
import { ProgressView, stderrSink } from './progress';
import { runImport } from './run';
import { StopControl } from './stop';

/** The package's version: the bundle sits in dist/, package.json one folder up. */
function version(): string {
  try {
    return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  } catch {
    return 'dev';
  }
}

async function main(argv: string[]): Promise<number> {
  const progress = new ProgressView(stderrSink());
  const stop = new StopControl((signal) => {
    progress.note(`Đã dừng ngay (${signal}) / stopped at once (${signal}).`);
    // 1 = stopped before the end, as documented (not the shell's 130), so a scheduler sees one meaning per status.
    process.exit(ExitCode.rowsFailed);
  });
  stop.install();
  try {
    const cmd = parseCliArgs(argv);
    if (cmd.kind === 'help') {
      process.stdout.write(helpText());
      return ExitCode.ok;
    }
    if (cmd.kind === 'version') {
      process.stdout.write(`omi-import ${version()}\n`);
      return ExitCode.ok;
    }
    return await runImport(cmd.options, {
      argv, env: process.env, userDataDir: userDataDir(), progress, stop,
      stdout: (t) => void process.stdout.write(t),
      now: () => Date.now(),
    });
  } catch (e) {
    progress.closeLine();
    if (e instanceof CliError) {
      process.stderr.write(`${oneLine(e.text)}\n`);
      return e.exitCode;
    }
    if (isUserError(e)) {
      process.stderr.write(`${oneLine(e.text)}\n`);
      return ExitCode.usage;
    }
    if (isOmiError(e)) {
      process.stderr.write(`${oneLine(e.text)}\n`);
      return ExitCode.connection;
    }
    process.stderr.write(`${oneLine({
      vi: 'Lỗi không mong đợi trong omi-import; không dòng nào bị gửi hai lần. Chạy lại với OMI_IMPORT_DEBUG=1 để xem chi tiết và báo cho nhóm phát triển.',
      en: 'Unexpected error in omi-import; no row is sent twice. Run again with OMI_IMPORT_DEBUG=1 for details and tell the developers.',
    })}${e instanceof Error ? ` (${e.message.split('\n')[0]})` : ''}\n`);
    if (process.env.OMI_IMPORT_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    return ExitCode.rowsFailed;
  } finally {
    stop.uninstall();
  }
}

const code = await main(process.argv.slice(2));
// Flush stdout before leaving: a scheduler may pipe the --json object into a file.
process.stdout.write('', () => process.exit(code));
