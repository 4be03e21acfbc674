/** Builds the renderer for the harness (vite, same settings as the app) and returns the folder it wrote. */
import { build } from 'vite';
import config, { HARNESS_RENDERER_DIR } from './vite.config';

/** Set by test/e2e/global-setup.ts once it has built the renderer for the whole run. */
const BUILT_ENV = 'OMI_HARNESS_RENDERER_BUILT';

export async function buildRenderer(): Promise<string> {
  if (process.env[BUILT_ENV] === HARNESS_RENDERER_DIR) return HARNESS_RENDERER_DIR;
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

/** Builds once for a whole test run; later buildRenderer() calls in the run's workers reuse it. */
export async function buildRendererOnce(): Promise<void> {
  await buildRenderer();
  process.env[BUILT_ENV] = HARNESS_RENDERER_DIR;
}
