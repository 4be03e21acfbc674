import { processAlive } from '../sandbox/data-lock';
import { SANDBOX_OWNERS, sandboxAnswers, startOrJoinSandbox, type SharedSandbox } from '../sandbox/shared-sandbox';
import { sandboxDataPath } from './paths';

/** The app's sandbox connection: where to send, plus close() for the app's way out (flushes the data file). */
export type EmbeddedSandboxGetter = (() => Promise<{ url: string; token: string }>) & { close(): Promise<void> };

/**
 * The app's "Sandbox" connection: the local OMI sandbox started once, on demand, inside the main process, its
 * contacts kept in the user's data folder (the same store `omi-import --sandbox` uses). When a running
 * `omi-import --sandbox` holds that store, the app sends to its sandbox instead, and starts its own once that one
 * has ended. A holder that does not answer is a UserError (DataFileBusyError) naming it and what to do.
 * Without close() the pending changes are still written, synchronously, when the process exits.
 */
export function embeddedSandbox(userDataDir: string): EmbeddedSandboxGetter {
  let started: Promise<SharedSandbox> | null = null;
  const get = async () => {
    const current = started ? await started.catch(() => null) : null;
    // Another program's sandbox lasts only as long as that program: check it is still there before each use.
    if (current?.joined && !(processAlive(current.joined.pid) && (await sandboxAnswers(current.url)))) started = null;
    started ??= startOrJoinSandbox(sandboxDataPath(userDataDir), SANDBOX_OWNERS.app).catch((e: unknown) => {
      started = null;
      throw e;
    });
    const sb = await started;
    return { url: sb.url, token: sb.token };
  };
  return Object.assign(get, {
    async close() {
      const sb = started ? await started.catch(() => null) : null;
      started = null;
      await sb?.close();
    },
  });
}
