/**
 * In-page measurements for the end-to-end performance run: long tasks (PerformanceObserver 'longtask') and the
 * app's own performance marks (omi:file-dropped, omi:mapping-ready, omi:prepare-*, omi:import-*), plus a
 * scripted scroll of the review grid that records the time between animation frames. Nothing here asserts a
 * timing: the figures go to test-results/perf.json for `npm run bench` to report.
 */
import type { Page } from 'playwright-core';

/** Installs the long-task observer before any page script runs. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no long-task support: the list stays empty and the report says so */
    }
  });
}

/** Start time (ms since navigation) of the last mark with that name, or null. */
export async function markTime(page: Page, name: string): Promise<number | null> {
  return page.evaluate((n) => {
    const marks = performance.getEntriesByName(n, 'mark');
    return marks.length ? marks[marks.length - 1].startTime : null;
  }, name);
}

/**
 * Long tasks that started between two marks: how many, the longest, how many went over 100 ms, and the longest
 * few as [ms after the first mark, duration] with the app's marks in the same window (to tell what they were).
 */
export async function longTasksBetween(page: Page, from: string, to: string) {
  const [a, b] = [await markTime(page, from), await markTime(page, to)];
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const inside = a === null || b === null ? [] : tasks.filter((t) => t.start >= a && t.start <= b);
  return {
    windowMs: a !== null && b !== null ? Math.round(b - a) : null,
    count: inside.length,
    over100ms: inside.filter((t) => t.duration > 100).length,
    longestMs: Math.round(Math.max(0, ...inside.map((t) => t.duration))),
    longest: [...inside].sort((x, y) => y.duration - x.duration).slice(0, 5).map((t) => [Math.round(t.start - a!), Math.round(t.duration)]),
    marks: a === null || b === null ? [] : await marksBetween(page, a, b),
  };
}

/** The app's own marks (omi:*) between two times, as [name, ms after `from`]. */
async function marksBetween(page: Page, from: number, to: number): Promise<[string, number][]> {
  return page.evaluate(({ from, to }) => performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('omi:') && m.startTime >= from && m.startTime <= to)
    .map((m) => [m.name, Math.round(m.startTime - from)] as [string, number]), { from, to });
}

/** Drops a file on the app's drop zone the way a user's drag and drop does (a File in a DataTransfer). */
export async function dropFile(page: Page, fileUrl: string, fileName: string): Promise<void> {
  const handle = await page.evaluateHandle(async ({ url, name }) => {
    const blob = await (await fetch(url)).blob();
    const dt = new DataTransfer();
    dt.items.add(new File([blob], name));
    return dt;
  }, { url: fileUrl, name: fileName });
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: handle });
}

/** Scrolls the grid `frames` frames of `step` px each and returns frame-time statistics (ms). */
export async function scrollGrid(page: Page, frames: number, step: number) {
  return page.evaluate(async ({ frames, step }) => {
    const grid = document.querySelector<HTMLElement>('[data-testid="grid"]')!;
    const times: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let i = 0; i < frames; i++) {
      grid.scrollTop += step;
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      times.push(now - last);
      last = now;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return { frames, stepPx: step, p50Ms: pct(0.5), p95Ms: pct(0.95), maxMs: sorted[sorted.length - 1], scrolledTo: grid.scrollTop };
  }, { frames, step });
}

/**
 * Frame times with nothing happening (the same number of frames): the baseline of this machine at this moment,
 * so the grid's figure can be read as a ratio on a busy machine.
 */
export async function idleFrames(page: Page, frames: number) {
  return page.evaluate(async (frames) => {
    const times: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let i = 0; i < frames; i++) {
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      times.push(now - last);
      last = now;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return { frames, p50Ms: pct(0.5), p95Ms: pct(0.95) };
  }, frames);
}
