/** Builds the renderer for the harness (vite, same settings as the app) and returns the folder it wrote. */
import { build } from 'vite';
import config, { HARNESS_RENDERER_DIR } from './vite.config';

export async function buildRenderer(): Promise<string> {
  // Under vitest NODE_ENV is "test", which would make Vite bundle React's development build (several times
  // slower, with dev-only warnings): the harness must run what users run.
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...config, configFile: false, mode: 'production' });
  } finally {
    process.env.NODE_ENV = before;
  }
  return HARNESS_RENDERER_DIR;
}
