/** Number and duration formatting in the UI language (Vietnamese uses "." for thousands and "," for decimals). */
import i18next from 'i18next';

function locale(): string {
  return i18next.language === 'en' ? 'en-US' : 'vi-VN';
}

type Kind = 'number' | 'percent' | 'decimal' | 'second' | 'minute' | 'hour';

// One formatter per locale and kind: building an Intl.NumberFormat costs far more than formatting with one, and
// screens format numbers on every progress event and for every row they show.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(kind: Kind): Intl.NumberFormat {
  const key = `${locale()}:${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(), options(kind));
    formatters.set(key, f);
  }
  return f;
}

function options(kind: Kind): Intl.NumberFormatOptions | undefined {
  switch (kind) {
    case 'number': return undefined;
    case 'percent': return { style: 'percent', maximumFractionDigits: 0 };
    case 'decimal': return { maximumFractionDigits: 1 };
    // Units in words ("32 seconds", "32 giây"): the Intl data knows each language's unit names and plurals.
    default: return { style: 'unit', unit: kind, unitDisplay: 'long' };
  }
}

/** 12345 → "12.345" (vi) / "12,345" (en). */
export function formatNumber(n: number): string {
  return formatter('number').format(n);
}

/** 0.42 → "42%". */
export function formatPercent(n: number): string {
  return formatter('percent').format(n);
}

/**
 * A speed in rows per second as people read it: "< 1" while a slow import sends less than a row a second (never
 * "0" once rows move), one decimal under 10 ("2,5" / "2.5"), whole numbers above. 0 (nothing measured yet) is "0".
 */
export function formatRate(perSecond: number): string {
  if (!(perSecond > 0)) return formatNumber(0);
  if (perSecond < 0.95) return `< ${formatNumber(1)}`;
  if (perSecond < 9.95) return formatter('decimal').format(perSecond);
  return formatNumber(Math.round(perSecond));
}

/** The whole number a rate shows, for choosing "row" or "rows" after formatRate (below 1 row a second: 1). */
export function rateCount(perSecond: number): number {
  if (!(perSecond > 0)) return 0;
  return perSecond < 9.95 ? Math.max(1, Math.round(perSecond * 10) / 10) : Math.round(perSecond);
}

/**
 * A duration in words: 32_000 → "32 giây" / "32 seconds"; 83_000 → "1 phút 23 giây" / "1 minute 23 seconds";
 * 3_900_000 → "1 giờ 5 phút" / "1 hour 5 minutes" (seconds are left out from an hour on). With `approximate`
 * (a time left, which is a guess) a duration of a minute or more is rounded to whole minutes: "khoảng 2 phút".
 */
export function formatDuration(ms: number, { approximate = false }: { approximate?: boolean } = {}): string {
  let s = Math.max(0, Math.round(ms / 1000));
  // A run that took a fraction of a second did take time: "< 1 giây", never "0 giây".
  if (s === 0 && ms > 0) return `< ${formatter('second').format(1)}`;
  if (approximate && s >= 60) s = Math.round(s / 60) * 60;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return m > 0 ? `${formatter('hour').format(h)} ${formatter('minute').format(m)}` : formatter('hour').format(h);
  if (m > 0) return sec > 0 ? `${formatter('minute').format(m)} ${formatter('second').format(sec)}` : formatter('minute').format(m);
  return formatter('second').format(sec);
}
