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
    const n = Number(v);
    const out = (neg ? '-' : '') + String(n);
    return out === text ? plain(out) : { value: out, changes: [change('number.format', text, out, NUMBER_FORMAT)], issues: [] };
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

const NUMBER_FORMAT = { vi: 'Số được ghi lại không có dấu phân cách hàng nghìn.', en: 'Number written without thousands separators.' };
