import { defineConfig } from 'vitest/config';

// Browser end-to-end tests (one file at a time: each drives a real Chromium and a real omi-sandbox), and the
// renderer worker's pipeline tests that read real fixture files from disk.
export default defineConfig({
  test: {
    root: import.meta.dirname + '/../..',
    include: ['test/e2e/**/*.e2e.ts', 'test/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
