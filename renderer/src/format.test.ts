import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, formatRate, rateCount } from './format';

const inLang = async <T>(lng: 'vi' | 'en', f: () => T): Promise<T> => {
  await i18next.changeLanguage(lng);
  return f();
};

beforeAll(async () => {
  await i18next.init({ lng: 'vi', resources: {} });
});

describe('formatDuration', () => {
  it('says durations in words with their unit, in both languages', async () => {
    const cases: [number, string, string][] = [
      [0, '0 giây', '0 seconds'],
      [1_000, '1 giây', '1 second'],
      [32_400, '32 giây', '32 seconds'],
      [60_000, '1 phút', '1 minute'],
      [83_000, '1 phút 23 giây', '1 minute 23 seconds'],
      [3_600_000, '1 giờ', '1 hour'],
      [3_900_000, '1 giờ 5 phút', '1 hour 5 minutes'],
      [3_923_000, '1 giờ 5 phút', '1 hour 5 minutes'],
      [2 * 3_600_000 + 60_000, '2 giờ 1 phút', '2 hours 1 minute'],
    ];
    for (const [ms, vi, en] of cases) {
      expect(await inLang('vi', () => formatDuration(ms))).toBe(vi);
      expect(await inLang('en', () => formatDuration(ms))).toBe(en);
    }
  });

  it('rounds a time left to whole minutes from a minute on, and never shows a negative time', async () => {
    expect(await inLang('en', () => formatDuration(59_000, { approximate: true }))).toBe('59 seconds');
    expect(await inLang('en', () => formatDuration(83_000, { approximate: true }))).toBe('1 minute');
    expect(await inLang('en', () => formatDuration(95_000, { approximate: true }))).toBe('2 minutes');
    expect(await inLang('vi', () => formatDuration(3_929_000, { approximate: true }))).toBe('1 giờ 5 phút');
    expect(await inLang('vi', () => formatDuration(-5_000))).toBe('0 giây');
    expect(await inLang('vi', () => formatDuration(0))).toBe('0 giây');
  });

  it('says a run of a fraction of a second took under a second, not 0', async () => {
    expect(await inLang('vi', () => formatDuration(420))).toBe('< 1 giây');
    expect(await inLang('en', () => formatDuration(420))).toBe('< 1 second');
    expect(await inLang('en', () => formatDuration(600))).toBe('1 second');
  });

  it('never writes a bare clock time like 1:23 or 0:32', async () => {
    for (const lng of ['vi', 'en'] as const) {
      await i18next.changeLanguage(lng);
      for (let ms = 0; ms < 3 * 3_600_000; ms += 7_777) expect(formatDuration(ms)).not.toMatch(/\d:\d/);
    }
  });
});

describe('formatRate', () => {
  it('shows a slow import as under one row a second, not 0', async () => {
    expect(await inLang('vi', () => formatRate(0.3))).toBe('< 1');
    expect(await inLang('en', () => formatRate(0.94))).toBe('< 1');
    expect(await inLang('vi', () => rateCount(0.3))).toBe(1);
  });

  it('keeps one decimal under 10 rows a second (in the language\'s decimal mark) and whole numbers above', async () => {
    expect(await inLang('vi', () => formatRate(2.46))).toBe('2,5');
    expect(await inLang('en', () => formatRate(2.46))).toBe('2.5');
    expect(await inLang('en', () => formatRate(3))).toBe('3');
    expect(await inLang('en', () => formatRate(1234.4))).toBe('1,234');
    expect(await inLang('vi', () => formatRate(1234.4))).toBe('1.234');
    expect(rateCount(1234.4)).toBe(1234);
  });

  it('shows 0 before anything was measured', async () => {
    for (const r of [0, Number.NaN, -1]) expect(await inLang('en', () => formatRate(r))).toBe(formatNumber(0));
  });
});
