import type { CellKind } from '../ingest/types';
import { change, issue, plain, type Cleaned } from './types';

/**
 * A number cell → plain digits with a `.` decimal point (`1500000`, `2.5`). Raw Excel numbers are taken as
 * they are. Text follows Vietnamese habits: `1.500.000` and `1,5` (dot thousands, comma decimals), but a lone
 * `1,500,000` or `1,234.5` is read the English way. Currency words and spaces are dropped.
 */
export function cleanNumber(cell: string, kind?: CellKind, raw?: unknown): Cleaned<string | undefined> {
  const text = cell.trim();
  if (kind === 'number' && typeof raw === 'number' && Number.isFinite(raw)) {
    const v = String(raw);
    return v === text ? plain(v) : { value: v, changes: [change('number.format', text, v, NUMBER_FORMAT)], issues: [] };
  }
  if (text === '') return plain(undefined);
  let t = text.replace(/\s|đồng|đ|vnđ|vnd|₫|usd|\$/gi, '');
  const neg = /^-/.test(t);
  t = t.replace(/^[-+]/, '');
  let v: string | null = null;
  if (/^\d+$/.test(t)) v = t;
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) v = t.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) v = t.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(t)) v = t.replace(',', '.');
  else if (/^\d*\.\d+$/.test(t)) v = t;
  if (v !== null) {
    const out = (neg ? '-' : '') + canonical(v);
    const issues = significantDigits(out) > EXACT_DIGITS ? [tooPrecise(text)] : [];
    return out === text ? { value: out, changes: [], issues } : { value: out, changes: [change('number.format', text, out, NUMBER_FORMAT)], issues };
  }
  return {
    value: undefined,
    changes: [],
    issues: [issue('error', 'number.invalid', {
      vi: `"${text}" không phải là số.`,
      en: `"${text}" is not a number.`,
    })],
  };
}

/** Digits a number keeps exactly once stored as a double (as OMI and spreadsheets store numbers). */
const EXACT_DIGITS = 15;

/**
 * `0012.500` → `12.5`: the typed digits without leading or trailing zeros, never through a float (a 20-digit code
 * written through Number() would silently lose its last digits).
 */
function canonical(v: string): string {
  const [whole, fraction = ''] = v.split('.');
  const int = whole.replace(/^0+(?=\d)/, '') || '0';
  const frac = fraction.replace(/0+$/, '');
  return frac === '' ? int : `${int}.${frac}`;
}

function significantDigits(out: string): number {
  return out.replace(/\D/g, '').replace(/^0+/, '').length;
}

function tooPrecise(text: string) {
  return issue('warning', 'number.precision', {
    vi: `"${text}" có hơn ${EXACT_DIGITS} chữ số: OMI lưu số với khoảng ${EXACT_DIGITS} chữ số nên các chữ số cuối có thể bị đổi. Nếu đây là một mã (không phải số để tính), hãy ánh xạ cột vào trường dạng chữ.`,
    en: `"${text}" has more than ${EXACT_DIGITS} digits: OMI keeps about ${EXACT_DIGITS} digits of a number, so the last ones may change. If it is a code (not a number to count with), map the column to a text field.`,
  });
}

const NUMBER_FORMAT = { vi: 'Số được ghi lại không có dấu phân cách hàng nghìn.', en: 'Number written without thousands separators.' };
