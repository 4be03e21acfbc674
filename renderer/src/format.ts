/** Number and duration formatting in the UI language (Vietnamese uses "." for thousands). */
import i18next from 'i18next';

function locale(): string {
  return i18next.language === 'en' ? 'en-US' : 'vi-VN';
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

export function formatPercent(n: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(n);
}

/** 83_000 → "1:23"; 3_723_000 → "1:02:03". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
