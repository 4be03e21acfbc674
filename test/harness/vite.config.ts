/**
 * Builds the renderer alone for the browser harness, with the same root, plugins and worker format as
 * electron.vite.config.ts, into out/harness (so it never clobbers the app build in out/renderer).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** OMI_HARNESS_OUT gives a run its own folder, so e2e runs side by side never build over each other's renderer. */
export const HARNESS_RENDERER_DIR = resolve(process.env.OMI_HARNESS_OUT ?? resolve(import.meta.dirname, '../../out/harness'));

export default defineConfig({
  root: resolve(import.meta.dirname, '../../renderer'),
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: HARNESS_RENDERER_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // OMI_HARNESS_SOURCEMAP=1: source maps beside the build, to read a CPU profile of the e2e run by hand.
    sourcemap: process.env.OMI_HARNESS_SOURCEMAP === '1',
    rollupOptions: { input: { index: resolve(import.meta.dirname, '../../renderer/index.html') } },
  },
});
