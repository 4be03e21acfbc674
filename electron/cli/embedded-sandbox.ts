/**
 * `--sandbox`: the local OMI sandbox started inside this process on a free loopback port, its contacts kept in
 * the user's data folder so that later runs (and the app) see what earlier runs imported. When the app (or
 * another run) already has its sandbox on that data folder, the rows go to that one instead: two sandboxes on
 * one data file would overwrite each other.
 */
import { DataFileBusyError } from '../sandbox/data-lock';
import { SANDBOX_OWNERS, startOrJoinSandbox } from '../sandbox/shared-sandbox';
import { sandboxDataPath } from '../main/paths';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';

/** Where to send requests, and how to stop the sandbox (its data file is flushed on close). */
export interface EmbeddedSandbox {
  baseUrl: string;
  token: string;
  dataFile: string;
  close(): Promise<void>;
}

/**
 * Starts the sandbox with its store in `<userData>/sandbox/data.json`, or uses the running one that holds it.
 * Throws CliError (exit 3) when another program holds the data file and its sandbox does not answer.
 */
export async function startEmbeddedSandbox(userDataDir: string, log: (line: string) => void): Promise<EmbeddedSandbox> {
  const dataFile = sandboxDataPath(userDataDir);
  try {
    const sb = await startOrJoinSandbox(dataFile, SANDBOX_OWNERS.cli, log);
    if (sb.joined) {
      log(`  Dùng sandbox đang chạy của ${sb.joined.program.vi} (tiến trình ${sb.joined.pid}) / using the running sandbox of ${sb.joined.program.en} (process ${sb.joined.pid})`);
    }
    return { baseUrl: sb.url, token: sb.token, dataFile, close: () => sb.close() };
  } catch (e) {
    if (e instanceof DataFileBusyError) throw new CliError(ExitCode.connection, e.code, e.text);
    throw e;
  }
}
