import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../shared/upload/types';
import { ProgressView, bar, formatDuration, formatProgress } from './progress';

function ev(sent: number, extra: Partial<ImportProgress> = {}): ImportProgress {
  return { total: 200, sent, created: sent, updated: 0, skipped: 0, failed: 0, rowsPerSecond: 50, etaMs: (200 - sent) * 20, state: 'running', final: false, ...extra };
}

function sink(isTTY: boolean) {
  let t = 0;
  const out: string[] = [];
  return { out, tick: (ms: number) => (t += ms), s: { write: (x: string) => void out.push(x), isTTY, columns: 100, now: () => t } };
}

describe('formatProgress', () => {
  it('says what was sent, created and failed, the speed and the time left', () => {
    expect(formatProgress(ev(50, { failed: 2, created: 48 }))).toBe('50/200 (25%) · tạo mới / created 48 · lỗi / failed 2 · 50 dòng/s / rows/s · còn / left 3 s');
  });
  it('drops speed and time left on the final event', () => {
    expect(formatProgress(ev(200, { final: true, state: 'done', etaMs: 0 }))).toBe('200/200 (100%) · tạo mới / created 200 · xong / done');
  });
  it('formats durations and bars', () => {
    expect(formatDuration(75_000)).toBe('1 m 15 s');
    expect(formatDuration(3_725_000)).toBe('1 h 2 m');
    expect(bar(1, 4, 8)).toBe('[##------]');
    expect(bar(0, 0, 4)).toBe('[####]');
  });
});

describe('ProgressView', () => {
  it('writes plain lines at most every 2 s in a log, and always the final one', () => {
    const { out, tick, s } = sink(false);
    const v = new ProgressView(s);
    tick(5000);
    v.update(ev(10));
    tick(500);
    v.update(ev(20));
    tick(2000);
    v.update(ev(30));
    tick(1);
    v.update(ev(200, { final: true, state: 'done' }));
    expect(out.map((l) => l.split(' ')[0])).toEqual(['10/200', '30/200', '200/200']);
    expect(out.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  });

  it('redraws one line in place on a terminal and never moves backwards', () => {
    const { out, tick, s } = sink(true);
    const v = new ProgressView(s);
    tick(1000);
    v.update(ev(100));
    tick(200);
    v.update(ev(90));
    tick(200);
    v.note('Đang dừng… / stopping…');
    v.update(ev(200, { final: true, state: 'done' }));
    expect(out[0].startsWith('\r\x1b[2K[')).toBe(true);
    expect(out.join('')).not.toContain('90/200');
    // the note starts on its own line after the bar
    expect(out.slice(1, 3)).toEqual(['\n', 'Đang dừng… / stopping…\n']);
    expect(out.at(-1)).toBe('\n');
  });
});
