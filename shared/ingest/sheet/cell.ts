import { SSF } from '@e965/xlsx';
import type { CellObject } from '@e965/xlsx';
import type { CellKind } from '../types';
import type { SourceRow } from '../source';

const dateFormatCache = new Map<string, boolean>();
function isDateFormat(z: string | number | undefined): boolean {
  if (z === undefined || z === 'General') return false;
  const key = String(z);
  let v = dateFormatCache.get(key);
  if (v === undefined) {
    v = SSF.is_date(key) === true;
    dateFormatCache.set(key, v);
  }
  return v;
}

const p2 = (n: number) => (n < 10 ? '0' : '') + n;

/** An Excel date serial as Vietnamese Excel shows it: dd/mm/yyyy, with HH:mm(:ss) when there is a time of day. */
export function formatSerialDate(serial: number, date1904: boolean): string {
  const d = SSF.parse_date_code(serial, { date1904 });
  const time = d.H || d.M || d.S ? `${p2(d.H)}:${p2(d.M)}${d.S ? ':' + p2(d.S) : ''}` : '';
  if (serial < 1 && !date1904) return time || '00:00';
  const date = `${p2(d.d)}/${p2(d.m)}/${d.y}`;
  return time ? `${date} ${time}` : date;
}

/**
 * A number as Excel shows it, except that whole numbers are never shown in scientific notation: a phone
 * number typed as 84912345678 must come out as "84912345678", not "8.49123E+10". `w` is SheetJS's formatted text.
 */
function numberText(v: number, w: string | undefined): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) {
    if (w === undefined || /e/i.test(w)) return String(v);
    return w;
  }
  return w ?? String(v);
}

/** Turns one dense SheetJS row into a SourceRow (text as shown, raw value and kind for non-text cells). */
export function sheetRow(cells: (CellObject | undefined)[] | undefined, date1904: boolean): SourceRow | undefined {
  if (!cells) return undefined;
  const n = cells.length;
  const texts: string[] = new Array(n);
  let raw: SourceRow['raw'];
  let kinds: CellKind[] | undefined;
  for (let c = 0; c < n; c++) {
    const cell = cells[c];
    if (cell === undefined || cell === null || cell.v === undefined || cell.v === null) {
      texts[c] = '';
      if (kinds) kinds[c] = 'empty';
      continue;
    }
    let kind: CellKind;
    switch (cell.t) {
      case 's':
        texts[c] = cell.v as string;
        if (kinds) kinds[c] = texts[c] === '' ? 'empty' : 'text';
        continue;
      case 'n': {
        const v = cell.v as number;
        if (isDateFormat(cell.z)) {
          texts[c] = formatSerialDate(v, date1904);
          kind = 'date';
        } else {
          texts[c] = numberText(v, cell.w);
          kind = 'number';
        }
        (raw ??= [])[c] = v;
        break;
      }
      case 'b':
        texts[c] = cell.v ? 'TRUE' : 'FALSE';
        (raw ??= [])[c] = cell.v as boolean;
        kind = 'boolean';
        break;
      case 'e':
        texts[c] = cell.w ?? '#ERROR';
        kind = 'error';
        break;
      case 'd': {
        const d = cell.v as Date;
        texts[c] = `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
        kind = 'date';
        break;
      }
      default:
        texts[c] = '';
        kind = 'empty';
    }
    if (!kinds) {
      kinds = new Array(n);
      for (let k = 0; k < c; k++) kinds[k] = texts[k] === '' ? 'empty' : 'text';
    }
    kinds[c] = kind;
  }
  return { texts, raw, kinds };
}
