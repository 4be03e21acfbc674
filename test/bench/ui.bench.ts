/**
 * The app's responsiveness, measured in the browser end-to-end run (test/e2e/perf.e2e.ts in Debian Chromium,
 * through the harness) and reported here: a 100,000-row file dropped → mapping screen, main-thread long tasks
 * while ingesting / preparing / uploading, and frame times while scrolling a 200,000-row grid against idle frames
 * of the same run. Needs /usr/bin/chromium and a renderer build (the e2e config builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { report } from './report';

const perfFile = join(process.cwd(), 'test-results', 'perf.json');
rmSync(perfFile, { force: true });
const run = spawnSync('npx', ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts', 'test/e2e/perf.e2e.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, OMI_E2E_PERF: '1' },
});
if (run.status !== 0 || !existsSync(perfFile)) {
  process.stderr.write(`ui bench: the browser perf run failed (exit ${run.status})\n`);
  process.exit(1);
}

interface LongTasks { over100ms: number; longestMs: number }
const perf = JSON.parse(readFileSync(perfFile, 'utf8')) as {
  dropToMappingMs: { value: number; rows: number };
  longTasksIngest: LongTasks;
  longTasksPrepare: LongTasks;
  longTasksUpload: LongTasks;
  gridScroll: { idleBaseline: { p50Ms: number; p95Ms: number }; fling: { p95Ms: number }; drag: { p95Ms: number } };
};

report({
  name: 'ui-drop-to-mapping',
  measured: `${perf.dropToMappingMs.rows.toLocaleString('en')}-row xlsx dropped → mapping screen (ms), against the 2 s target`,
  value: perf.dropToMappingMs.value,
  baseline: 2000,
  unit: 'ms',
  target: 1,
  direction: 'max',
});
for (const [phase, lt] of [['ingest', perf.longTasksIngest], ['prepare', perf.longTasksPrepare], ['upload', perf.longTasksUpload]] as const) {
  report({
    name: `ui-long-task-${phase}`,
    measured: `longest main-thread task while ${phase === 'ingest' ? 'ingesting' : phase === 'prepare' ? 'preparing' : 'uploading'} (${lt.over100ms} over 100 ms), against 100 ms`,
    value: lt.longestMs,
    baseline: 100,
    unit: 'ms',
    target: 1,
    direction: 'max',
  });
}
// Frames are paced by the display (60 Hz here: one every 16.67 ms), and Chromium coarsens the rAF clock to 0.1 ms,
// so a frame on time reads 16.6, 16.7 or 16.8 ms and a late one 33.3 ms or more. The p95 is therefore counted in
// display intervals (the idle frames' median of the same run): 1 means 95% of the frames came on the next vsync,
// which is what "p95 <= 16.7 ms" asks; a 0.1 ms clock tick over 16.7 is not a slow frame. Intervals are counted up
// from 2% over a whole one (0.33 ms, three clock ticks), so a frame even slightly late counts as two.
const interval = perf.gridScroll.idleBaseline.p50Ms;
for (const kind of ['fling', 'drag'] as const) {
  const p95 = perf.gridScroll[kind].p95Ms;
  report({
    name: `ui-grid-scroll-${kind}`,
    measured: `p95 frame time scrolling 200,000 rows (${kind}): ${p95.toFixed(1)} ms, in display intervals of ${interval.toFixed(1)} ms (idle median, same run); target 1 interval (16.7 ms at 60 Hz)`,
    value: Math.max(1, Math.ceil(p95 / interval - 0.02)),
    baseline: 1,
    unit: 'intervals',
    target: 1,
    direction: 'max',
  });
}
