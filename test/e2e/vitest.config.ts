import { defineConfig } from 'vitest/config';

// Browser end-to-end tests (one file at a time: each drives a real Chromium and a real omi-sandbox), and the
// renderer's own tests (pure modules beside their code, and the worker's pipeline on real fixture files), which
// the root vitest.config.ts does not include.
export default defineConfig({
  test: {
    root: import.meta.dirname + '/../..',
    include: ['test/e2e/**/*.e2e.ts', 'test/e2e/**/*.test.ts', 'renderer/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
