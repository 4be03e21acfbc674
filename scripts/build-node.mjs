#!/usr/bin/env node
// Builds the two Node commands (omi-import, omi-sandbox) into dist/ with esbuild.
// Dependencies stay external: they are installed beside the package.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'electron/cli/main.ts', out: 'dist/omi-import.mjs' },
  // The worker thread omi-import reads the file in (electron/cli/workbook.ts loads it from beside the bundle).
  { in: 'electron/cli/read-worker.ts', out: 'dist/omi-import-read.mjs' },
  { in: 'electron/sandbox/main.ts', out: 'dist/omi-sandbox.mjs' },
];

for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
