/**
 * A Chromium CPU profile (CDP Profiler) of the page's main thread around one phase of the end-to-end performance
 * run, reduced to what a long task was made of: the busy stretches (samples with no idle between them) over a
 * threshold, each with the functions that took its time. Only for tracing a long task by hand
 * (OMI_E2E_PERF_PROFILE=1); the raw profile is written beside perf.json and opens in Chromium's DevTools.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

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

/** One main-thread task of the page from a Chromium trace: wall ms and the thread's own CPU ms in it. */
export interface TracedTask {
  atMs: number;
  wallMs: number;
  cpuMs: number;
}

/**
 * Starts a Chromium trace of the page (toplevel tasks); stop() writes it to `file` and returns the renderer main
 * thread's longest tasks by wall time and by CPU time. CPU time does not grow when the machine is shared, so it
 * tells whether a task got shorter when the wall figures of two runs were taken under different loads.
 */
export async function startTrace(browser: Browser, page: Page, file: string): Promise<() => Promise<{ byWall: TracedTask[]; byCpu: TracedTask[]; tasksOver50CpuMs: number }>> {
  await browser.startTracing(page, { path: file, categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  return async () => {
    const buf = await browser.stopTracing();
    const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const tasks = events
      // Both names may wrap the same task, one inside the other: the outermost one of each start time counts.
      .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.dur !== undefined)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
      .filter((e, i, all) => i === 0 || e.ts >= all[i - 1].ts + all[i - 1].dur!)
      .map((e) => ({ ts: e.ts, wallMs: e.dur! / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
    const t0 = Math.min(...tasks.map((t) => t.ts));
    const round = (t: { ts: number; wallMs: number; cpuMs: number }): TracedTask => ({ atMs: Math.round((t.ts - t0) / 1000), wallMs: Math.round(t.wallMs), cpuMs: Math.round(t.cpuMs) });
    return {
      byWall: [...tasks].sort((a, b) => b.wallMs - a.wallMs).slice(0, 8).map(round),
      byCpu: [...tasks].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 8).map(round),
      tasksOver50CpuMs: tasks.filter((t) => t.cpuMs > 50).length,
    };
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}
