/** Builds the renderer for the harness (vite, same settings as the app) and returns the folder it wrote. */
import { build } from 'vite';
import config, { HARNESS_RENDERER_DIR } from './vite.config';

export async function buildRenderer(): Promise<string> {
  await build({ ...config, configFile: false });
  return HARNESS_RENDERER_DIR;
}
