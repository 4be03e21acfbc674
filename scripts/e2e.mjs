#!/usr/bin/env node
// Runs the browser end-to-end tests (test/e2e/*.e2e.ts) in Debian's Chromium through the browser harness.
// The performance run (test/e2e/perf.e2e.ts, figures in test-results/perf.json) measures rather than tests, so it
// runs only with `--perf` or OMI_E2E_PERF=1 — `npm run bench` does that (100,000- and 200,000-row files: minutes).
// Other arguments are passed to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const dir = 'test/e2e';
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')) : [];
if (files.length === 0) {
  console.log('e2e: no browser tests yet');
  process.exit(0);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('e2e: /usr/bin/chromium is missing. Install it with `apt-get install -y chromium` (.ci/run does this).');
  process.exit(1);
}
const args = process.argv.slice(2);
const perf = args.includes('--perf') || process.env.OMI_E2E_PERF === '1';
const noPerf = !perf || args.includes('--no-perf');
const pass = args.filter((a) => a !== '--no-perf' && a !== '--perf');
const exclude = noPerf ? ['--exclude', 'test/e2e/perf.e2e.ts'] : [];
const r = spawnSync('npx', ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts', ...exclude, ...pass], { stdio: 'inherit' });
process.exit(r.status ?? 1);
