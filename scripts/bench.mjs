#!/usr/bin/env node
// Runs every benchmark (test/bench/*.bench.ts), each in its own Node process so memory peaks do not mix,
// and prints one row per result: name, what was measured, the baseline from the same run, the ratio and the target.
// A benchmark prints lines `BENCH {json}` with { name, measured, value, baseline, ratio, target, holds, unit }.
// `npm run bench -- --json` prints one JSON object { "<name>": { ratio, target, holds, ... } }.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const json = process.argv.includes('--json');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dir = join(process.cwd(), 'test', 'bench');
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();

const results = {};
for (const file of files) {
  if (!json) process.stderr.write(`running ${file} …\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', join(dir, file)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('BENCH '));
  if (run.status !== 0 || lines.length === 0) {
    results[file] = { ratio: null, target: null, holds: false, error: `exit ${run.status}` };
    continue;
  }
  for (const line of lines) {
    const r = JSON.parse(line.slice(6));
    results[r.name] = r;
  }
}

if (json) {
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
} else {
  const rows = Object.entries(results).map(([name, r]) => [
    name,
    r.measured ?? r.error ?? '',
    r.baseline == null ? '' : `${fmt(r.value)} vs ${fmt(r.baseline)} ${r.unit ?? ''}`.trim(),
    r.ratio == null ? '—' : r.ratio.toFixed(3),
    r.target == null ? '—' : `${r.direction === 'min' ? '≥' : '≤'} ${r.target}`,
    r.holds ? 'holds' : 'MISSES',
  ]);
  const head = ['benchmark', 'measured', 'value vs baseline', 'ratio', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
}
const allHold = Object.values(results).every((r) => r.holds);
process.exitCode = allHold ? 0 : 1;

function fmt(n) {
  return typeof n === 'number' ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2)) : String(n);
}
