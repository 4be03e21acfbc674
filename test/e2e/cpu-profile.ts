/**
 * A Chromium CPU profile (CDP Profiler) of the page's main thread around one phase of the end-to-end performance
 * run, reduced to what a long task was made of: the busy stretches (samples with no idle between them) over a
 * threshold, each with the functions that took its time. Only for tracing a long task by hand
 * (OMI_E2E_PERF_PROFILE=1); the raw profile is written beside perf.json and opens in Chromium's DevTools.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * One busy stretch and its heaviest functions. `atMs` is on the profile's own clock (ms after sampling started),
 * which is not the page's performance.now(): match stretches to the long tasks of perf.json by their lengths.
 */
export interface BusyStretch {
  atMs: number;
  durationMs: number;
  /** Inclusive ms per function (a function counted once per sample however deep it recurses). */
  total: [string, number][];
  /** Self ms per function. */
  self: [string, number][];
}

/** Starts sampling the page's main thread; the returned stop() writes `file` and returns the busy stretches ≥ minMs. */
export async function startCpuProfile(page: Page, file: string, minMs = 40): Promise<() => Promise<BusyStretch[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.detach();
    writeFileSync(file, JSON.stringify(profile));
    return busyStretches(profile, minMs).map((s) => ({ ...s, atMs: Math.round(s.atMs) }));
  };
}

function label(n: ProfileNode): string {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'}${where ? ' ' + where : ''}`;
}

function busyStretches(p: Profile, minMs: number): BusyStretch[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const idle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';
  const out: BusyStretch[] = [];
  let t = 0;
  let run: { start: number; samples: [number, number][] } | null = null;
  const close = (end: number) => {
    if (run && (end - run.start) / 1000 >= minMs) {
      const total = new Map<string, number>();
      const self = new Map<string, number>();
      for (const [id, dt] of run.samples) {
        const ms = dt / 1000;
        self.set(label(byId.get(id)!), (self.get(label(byId.get(id)!)) ?? 0) + ms);
        const seen = new Set<string>();
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const l = label(byId.get(cur)!);
          if (seen.has(l)) continue;
          seen.add(l);
          total.set(l, (total.get(l) ?? 0) + ms);
        }
      }
      const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, ms]) => [l, Math.round(ms * 10) / 10] as [string, number]);
      out.push({ atMs: run.start / 1000, durationMs: Math.round((end - run.start) / 1000), total: top(total, 30), self: top(self, 15) });
    }
    run = null;
  };
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i + 1] ?? 0;
    t += p.timeDeltas[i];
    if (idle(p.samples[i])) close(t);
    else (run ??= { start: t, samples: [] }).samples.push([p.samples[i], dt]);
  }
  close(t);
  return out;
}
