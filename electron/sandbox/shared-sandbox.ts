/**
 * The embedded sandbox of `omi-import --sandbox` and of the app, on the one data file they share: started here
 * when the file is free; when another program's sandbox holds it and answers at its recorded address, that
 * sandbox is used instead (both then see the same contacts, and only one writes the file); otherwise a
 * DataFileBusyError says who holds it and what to do.
 */
import type { Bilingual } from '../../shared/text';
import { busyText, DataFileBusyError, type LockHolder } from './data-lock';
import { startSandboxServer } from './server';

/** A sandbox to send to: this process's own, or another program's that holds the data file. */
export interface SharedSandbox {
  url: string;
  token: string;
  dataFile: string;
  /** Set when the sandbox is another program's (then close() leaves it running). */
  joined?: LockHolder;
  /** Stops this process's own sandbox (flushing the data file); nothing for a joined one. */
  close(): Promise<void>;
}

/** The programs that embed the sandbox, as the lock names them to a person. */
export const SANDBOX_OWNERS = {
  app: { vi: 'ứng dụng OMI Importer', en: 'the OMI Importer app' },
  cli: { vi: 'lệnh omi-import --sandbox', en: 'the omi-import --sandbox command' },
} satisfies Record<string, Bilingual>;

/** How long a running sandbox gets to answer before it is judged not answering. */
const PROBE_MS = 3000;

/** Whether a sandbox answers at `url` (its admin stats route: loopback, no token). */
export async function sandboxAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/__sandbox/stats`, { signal: AbortSignal.timeout(PROBE_MS) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/** Starts the sandbox on `dataFile` as `owner`, or joins the running one that holds it (see above). */
export async function startOrJoinSandbox(dataFile: string, owner: Bilingual, log?: (line: string) => void): Promise<SharedSandbox> {
  try {
    const sb = await startSandboxServer({ port: 0, dataFile, owner, log });
    return { url: sb.url, token: sb.token, dataFile, close: () => sb.close() };
  } catch (e) {
    if (!(e instanceof DataFileBusyError)) throw e;
    const h = e.holder;
    if (h.url !== undefined && h.token !== undefined && (await sandboxAnswers(h.url))) {
      return { url: h.url, token: h.token, dataFile, joined: h, close: async () => {} };
    }
    throw new DataFileBusyError(dataFile, h, busyText(dataFile, h, 'silent'));
  }
}
