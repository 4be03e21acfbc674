/**
 * What every end-to-end file starts from: a real sandbox, the harness serving the built renderer over the real
 * main-process handlers, a browser on it and a scratch folder — started before the file's tests, stopped after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type SandboxHandle, type StartSandboxOptions } from '../support/sandbox';
import { buildRenderer } from '../harness/build';
import { startHarness, type Harness } from '../harness/server';
import { openBrowser, type BrowserSession } from './browser';

/** The running app of one test file (set once its beforeAll has run). */
export interface AppSession {
  sandbox: SandboxHandle;
  harness: Harness;
  ui: BrowserSession;
  /** A scratch folder for the file's workbooks and saved files, removed after. */
  tmp: string;
  /**
   * "The next start of the app": closes the browser and the harness (the main-process handlers), then starts new
   * ones on the same data folder (settings, templates, journals) and the same sandbox. `harness` and `ui` are
   * replaced. Needs `ownUserData` (otherwise the harness removes its data folder when it closes).
   */
  restartHarness(): Promise<void>;
}

/** How a file's app differs from the default one. */
export interface AppSessionOptions {
  /** The harness keeps its settings, templates and journals under the scratch folder instead of its default. */
  ownUserData?: boolean;
  /** How the sandbox process starts (its token, extra arguments such as a random seed). */
  sandbox?: StartSandboxOptions;
  /**
   * Where the app's built-in "Sandbox" connection points, when it must not be the test's sandbox (e.g. a closed
   * port, so that the test reaches the sandbox only as an OMI account, with its token typed in).
   */
  appSandbox?: { url: string; token: string };
}

/** Registers beforeAll / afterAll that start and stop the app for the calling file. */
export function useAppSession(prefix: string, opts: AppSessionOptions = {}): AppSession {
  let rendererDir = '';
  const startApp = async (): Promise<void> => {
    app.harness = await startHarness({
      rendererDir,
      sandbox: opts.appSandbox ?? { url: app.sandbox.url, token: app.sandbox.token },
      ...(opts.ownUserData ? { userDataDir: join(app.tmp, 'userData') } : {}),
    });
    app.ui = await openBrowser(app.harness.url);
  };
  const stopApp = async (): Promise<void> => {
    await app.ui?.close();
    await app.harness?.close();
  };
  const app = {
    async restartHarness() {
      if (!opts.ownUserData) throw new Error('restartHarness() needs useAppSession(…, { ownUserData: true }): the data folder must outlive the harness.');
      await stopApp();
      await startApp();
    },
  } as AppSession;
  beforeAll(async () => {
    app.tmp = mkdtempSync(join(tmpdir(), prefix));
    const [dir, sandbox] = await Promise.all([buildRenderer(), startSandbox(opts.sandbox)]);
    rendererDir = dir;
    app.sandbox = sandbox;
    await startApp();
  });
  afterAll(async () => {
    await stopApp();
    await app.sandbox?.stop();
    if (app.tmp) rmSync(app.tmp, { recursive: true, force: true });
  });
  return app;
}
