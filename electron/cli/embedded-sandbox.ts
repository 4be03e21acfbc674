/**
 * `--sandbox`: the local OMI sandbox started inside this process on a free loopback port, its contacts kept in
 * the user's data folder so that later runs (and the app) see what earlier runs imported.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { startSandboxServer } from '../sandbox/server';
import { sandboxDataPath } from '../main/paths';

/** Where to send requests, and how to stop the sandbox (its data file is flushed on close). */
export interface EmbeddedSandbox {
  baseUrl: string;
  token: string;
  dataFile: string;
  close(): Promise<void>;
}

/** Starts the sandbox with its store in `<userData>/sandbox/data.json`. */
export async function startEmbeddedSandbox(userDataDir: string, log: (line: string) => void): Promise<EmbeddedSandbox> {
  const dataFile = sandboxDataPath(userDataDir);
  await mkdir(dirname(dataFile), { recursive: true });
  const sb = await startSandboxServer({ port: 0, dataFile, log });
  return { baseUrl: sb.url, token: sb.token, dataFile, close: () => sb.close() };
}
