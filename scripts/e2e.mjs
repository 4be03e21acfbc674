#!/usr/bin/env node
// Runs the browser end-to-end tests (test/e2e) in Debian's Chromium through the browser harness.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const dir = 'test/e2e';
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')) : [];
if (files.length === 0) {
  console.log('e2e: no browser tests yet');
  process.exit(0);
}
const r = spawnSync('npx', ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
