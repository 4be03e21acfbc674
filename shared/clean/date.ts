import type { CellKind } from '../ingest/types';
import { issue, change, plain, type Cleaned } from './types';

const DAY_MS = 86_400_000;
// Excel's day 0 in the 1900 system (with its fictional 29 Feb 1900 folded in for serials ≥ 61).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel date serial (1900 system) → `YYYY-MM-DD`, or null outside 1900–9999. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  const days = (EXCEL_EPOCH / DAY_MS) + (whole < 61 ? whole + 1 : whole);
  return civil(days);
}

/** Days since 1970-01-01 → YYYY-MM-DD without a Date object (H. Hinnant's civil_from_days), for speed on 100k rows. */
function civil(z0: number): string {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Two-digit years: 00–29 are 2000s, 30–99 are 1900s (birthdays and contract dates in contact lists). */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

/**
 * A date cell → `YYYY-MM-DD`. Excel dates come from the raw serial (exact, whatever the display format);
 * text is read day-first as Vietnamese write it (`15/03/1990`, `15-3-90`, `15.03.1990`), or ISO.
 * A text date that only works month-first (`03/25/1990`) is an error whose suggestion is that reading.
 */
export function cleanDate(cell: string, kind?: CellKind, raw?: unknown): Cleaned<string | undefined> {
  const text = cell.trim();
  if (kind === 'date' && typeof raw === 'number') {
    // A real Excel date: the serial is the date; writing it as YYYY-MM-DD is no reading of the text.
    const v = excelSerialToIso(raw);
    if (v) return plain(v);
  }
  if (kind === 'number' && typeof raw === 'number') {
    const v = excelSerialToIso(raw);
    if (v) return { value: v, changes: [change('date.excel-serial', text, v, EXCEL_SERIAL)], issues: [] };
  }
  if (text === '') return plain(undefined);
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(text);
  if (m) {
    const v = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (v) return v === text ? plain(v) : { value: v, changes: [change('date.format', text, v, DATE_FORMAT)], issues: [] };
  }
  m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})(?:\s.*)?$/.exec(text);
  if (m) {
    const y = fullYear(m[3]);
    const v = iso(y, Number(m[2]), Number(m[1]));
    if (v) return { value: v, changes: [change('date.format', text, v, DATE_FORMAT)], issues: [] };
    const swapped = iso(y, Number(m[1]), Number(m[2]));
    return {
      value: undefined,
      changes: [],
      issues: [issue('error', 'date.invalid', {
        vi: `"${text}" không phải ngày hợp lệ theo kiểu ngày/tháng/năm${swapped ? `; nếu là tháng/ngày/năm thì là ${swapped}` : ''}.`,
        en: `"${text}" is not a valid day/month/year date${swapped ? `; read month-first it is ${swapped}` : ''}.`,
      }, swapped ?? undefined)],
    };
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const v = excelSerialToIso(Number(text));
    if (v) return { value: v, changes: [change('date.excel-serial', text, v, EXCEL_SERIAL)], issues: [] };
  }
  return {
    value: undefined,
    changes: [],
    issues: [issue('error', 'date.invalid', {
      vi: `"${text}" không đọc được là ngày. Hãy ghi dạng ngày/tháng/năm, ví dụ 15/03/1990.`,
      en: `"${text}" cannot be read as a date. Write it as day/month/year, e.g. 15/03/1990.`,
    })],
  };
}

const EXCEL_SERIAL = { vi: 'Số ngày kiểu Excel được đổi thành ngày.', en: 'An Excel day number was turned into a date.' };
const DATE_FORMAT = { vi: 'Ngày được ghi lại dạng năm-tháng-ngày (YYYY-MM-DD) cho OMI.', en: 'Date written as YYYY-MM-DD for OMI.' };
