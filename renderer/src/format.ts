/** Number and duration formatting in the UI language (Vietnamese uses "." for thousands). */
import i18next from 'i18next';

function locale(): string {
  return i18next.language === 'en' ? 'en-US' : 'vi-VN';
}

// One formatter per locale and kind: building an Intl.NumberFormat costs far more than formatting with one, and
// screens format numbers on every progress event and for every row they show.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(kind: 'number' | 'percent'): Intl.NumberFormat {
  const key = `${locale()}:${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(), kind === 'percent' ? { style: 'percent', maximumFractionDigits: 0 } : undefined);
    formatters.set(key, f);
  }
  return f;
}

export function formatNumber(n: number): string {
  return formatter('number').format(n);
}

export function formatPercent(n: number): string {
  return formatter('percent').format(n);
}

/** 83_000 → "1:23"; 3_723_000 → "1:02:03". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
