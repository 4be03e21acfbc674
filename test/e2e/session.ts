/**
 * What most end-to-end files start from: a real sandbox, the harness serving the built renderer over the real
 * main-process handlers, a browser on it and a scratch folder — started before the file's tests, stopped after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
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
}

/**
 * Registers beforeAll / afterAll that start and stop the app for the calling file. `ownUserData`: the harness
 * keeps its settings, templates and journals under the scratch folder instead of its default.
 */
export function useAppSession(prefix: string, opts: { ownUserData?: boolean } = {}): AppSession {
  const app = {} as AppSession;
  beforeAll(async () => {
    app.tmp = mkdtempSync(join(tmpdir(), prefix));
    const [dir, sandbox] = await Promise.all([buildRenderer(), startSandbox()]);
    app.sandbox = sandbox;
    app.harness = await startHarness({
      rendererDir: dir,
      sandbox: { url: sandbox.url, token: sandbox.token },
      ...(opts.ownUserData ? { userDataDir: join(app.tmp, 'userData') } : {}),
    });
    app.ui = await openBrowser(app.harness.url);
  });
  afterAll(async () => {
    await app.ui?.close();
    await app.harness?.close();
    await app.sandbox?.stop();
    if (app.tmp) rmSync(app.tmp, { recursive: true, force: true });
  });
  return app;
}
