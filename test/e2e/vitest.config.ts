import { defineConfig } from 'vitest/config';

// Browser end-to-end tests, one file at a time: each drives a real Chromium and a real omi-sandbox.
export default defineConfig({
  test: {
    root: import.meta.dirname + '/../..',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
