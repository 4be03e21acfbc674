import { defineConfig } from 'vitest/config';

// Unit tests of the renderer's pure modules (the root vitest.config.ts covers shared/, electron/ and test/).
export default defineConfig({
  test: { root: import.meta.dirname + '/..', include: ['renderer/**/*.test.ts'], testTimeout: 20_000 },
});
