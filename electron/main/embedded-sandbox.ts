import { startSandboxServer, type RunningSandbox } from '../sandbox/server';
import { sandboxDataPath } from './paths';

/**
 * The app's "Sandbox" connection: the local OMI sandbox started once, on demand, inside the main process,
 * its contacts kept in the user's data folder (the same store `omi-import --sandbox` uses).
 */
export function embeddedSandbox(userDataDir: string): () => Promise<{ url: string; token: string }> {
  let started: Promise<RunningSandbox> | null = null;
  return async () => {
    started ??= startSandboxServer({ port: 0, dataFile: sandboxDataPath(userDataDir) }).catch((e: unknown) => {
      started = null;
      throw e;
    });
    const sb = await started;
    return { url: sb.url, token: sb.token };
  };
}
