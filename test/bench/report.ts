/**
 * How a benchmark reports one result to scripts/bench.mjs. `direction: 'max'` means the ratio must stay at or
 * under the target (time against a baseline); `'min'` means at or above it (throughput against a baseline).
 */
export interface BenchResult {
  name: string;
  measured: string;
  value: number;
  baseline: number;
  unit: string;
  target: number;
  direction: 'max' | 'min';
}

export function report(r: BenchResult): void {
  const ratio = r.value / r.baseline;
  const holds = r.direction === 'max' ? ratio <= r.target : ratio >= r.target;
  process.stdout.write(`BENCH ${JSON.stringify({ ...r, ratio, holds })}\n`);
}

/** Median wall time in ms of `runs` runs of `fn` (after one warm-up). */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
