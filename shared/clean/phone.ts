import { isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { CellKind } from '../ingest/types';
import type { CellChange, CellIssue } from '../prepare/types';
import { convertLandline2017 } from './landline-2017';
import { convertMobile2018 } from './phone-2018';
import { isPlaceholder } from './placeholder';
import { allowed, change, issue, type Cleaned, type CleanContext } from './types';

/** How to read one phone cell. */
export interface PhoneOptions extends CleanContext {
  /** Country of numbers written without a country code. Default `VN`. */
  defaultCountry?: string;
  /** The column holds landlines (its header says so): old 2017 area codes are converted. */
  landline?: boolean;
  /** The cell's kind and raw value from the Table: a `number` cell lost its leading zero in Excel. */
  kind?: CellKind;
  raw?: unknown;
}

// Words that separate several numbers in one cell, besides / , ; | and new lines.
const SPLIT = /[/,;|\n\r\\]+|\s+(?:hoặc|hoac|or|và|va|and|hay)\s+|\s[-–—]\s/i;
// What starts an extension: "024 3826 1234 ext 12", "máy lẻ 12".
const EXTENSION = /\s*(?:ext\.?|extension|x|máy lẻ|may le|ml|nhánh|nhanh|số lẻ)\s*:?\s*\d{1,6}\s*$/i;

const validCache = new Map<string, boolean>();
const NATIONAL10 = /^0[1-9]\d{8}$/;

/**
 * Valid Vietnamese national number? libphonenumber's VN patterns look at no more than the first 4 significant
 * digits and the length, so the answer is cached on those: 100,000 rows cost a few thousand parses, not 100,000.
 * (phone.test.ts checks this against libphonenumber itself on random numbers.)
 */
function validVN(national: string): boolean {
  if (!/^0\d{8,10}$/.test(national)) return false;
  const key = national.slice(0, 5) + ':' + national.length;
  let ok = validCache.get(key);
  if (ok === undefined) {
    ok = isValidPhoneNumber(national, 'VN');
    validCache.set(key, ok);
  }
  return ok;
}

/**
 * Cleans one phone cell into numbers: Vietnamese ones in national form (`0912345678`), foreign ones in
 * international form (`+6591234567`). Several numbers in one cell are split. Every rewrite is a change;
 * a number that is still not valid is left out of the value and reported (a warning: the rest of the contact
 * still goes in), with the closest guess as its suggestion.
 */
export function cleanPhones(cell: string, opts: PhoneOptions = {}): Cleaned<string[]> {
  const changes: CellChange[] = [];
  const issues: CellIssue[] = [];
  let text = cell.trim();
  if (opts.kind === 'number' && typeof opts.raw === 'number' && Number.isSafeInteger(opts.raw) && opts.raw > 0) {
    // The cell shows what Excel chose (maybe 9.12E+08); the raw number has every digit.
    text = String(opts.raw);
  }
  if (text === '') return { value: [], changes, issues };
  // Fast path: already a clean 10-digit national number (most cells of a kept list).
  if (!opts.landline && text.length === 10 && NATIONAL10.test(text) && (opts.defaultCountry ?? 'VN').toUpperCase() === 'VN' && validVN(text)) {
    return { value: [text], changes, issues };
  }
  if (isPlaceholder(text)) {
    changes.push(change('phone.placeholder', cell, '', PLACEHOLDER_REASON));
    return { value: [], changes, issues };
  }
  const pieces = splitNumbers(text);
  if (pieces.length > 1) {
    changes.push(change('phone.split', cell, pieces.join(', '), {
      vi: `Ô có ${pieces.length} số điện thoại; đã tách thành từng số.`,
      en: `The cell holds ${pieces.length} phone numbers; they were split.`,
    }));
  }
  const out: string[] = [];
  for (const piece of pieces) {
    const one = cleanOne(piece, opts, opts.kind === 'number' && pieces.length === 1);
    changes.push(...one.changes);
    // A suggestion is a new value for the whole cell.
    for (const i of one.issues) issues.push(i.suggestion && pieces.length > 1 ? { ...i, suggestion: text.replace(piece, i.suggestion) } : i);
    // Only numbers that pass go into the contact; a bad one stays visible through its issue.
    if (one.value && !one.issues.some((i) => i.code === 'phone.invalid') && !out.includes(one.value)) out.push(one.value);
  }
  return { value: out, changes, issues };
}

const PLACEHOLDER_REASON = {
  vi: 'Ô chỉ ghi "không có" (N/A, -, …); coi như để trống.',
  en: 'The cell only says "nothing" (N/A, -, …); treated as empty.',
};

/** Splits a cell into the numbers it holds. */
function splitNumbers(text: string): string[] {
  const parts = text.split(SPLIT).map((p) => p.trim()).filter((p) => /\d/.test(p));
  const out: string[] = [];
  for (const p of parts) {
    const digits = p.replace(EXTENSION, '').replace(/\D/g, '');
    const intl = /^\s*(\+|00)/.test(p);
    if (digits.length <= (intl ? 15 : 12)) {
      out.push(p);
      continue;
    }
    out.push(...splitRun(p));
  }
  return out;
}

/** "0912 345 678 0987 654 321": groups space-separated runs into numbers of a plausible length. */
function splitRun(p: string): string[] {
  const tokens = p.split(/[\s.\-–()]+/).filter(Boolean);
  const out: string[] = [];
  let acc = '';
  for (const t of tokens) {
    acc += t;
    const d = acc.replace(/\D/g, '');
    const want = /^0[12]/.test(d) ? 11 : /^84/.test(d) ? 11 : 10;
    if (d.length >= want) {
      out.push(acc);
      acc = '';
    }
  }
  if (acc) out.push(acc);
  return out.length > 1 ? out : [p];
}

/** One number: text removal, country code, lost leading zero, 2018 and 2017 conversions, validity. */
function cleanOne(piece: string, opts: PhoneOptions, fromNumberCell: boolean): Cleaned<string> {
  const changes: CellChange[] = [];
  const issues: CellIssue[] = [];
  let text = piece;
  const ext = EXTENSION.exec(text);
  if (ext) {
    text = text.slice(0, ext.index);
    changes.push(change('phone.extension-removed', piece, text.trim(), {
      vi: `Bỏ số máy lẻ "${ext[0].trim()}" (OMI không lưu số máy lẻ).`,
      en: `Removed the extension "${ext[0].trim()}" (OMI does not store extensions).`,
    }));
  }
  if (/\p{L}/u.test(text)) {
    const stripped = text.replace(/\([^)]*\p{L}[^)]*\)/gu, ' ').replace(/[^\d+\s.\-()]/g, ' ').trim();
    changes.push(change('phone.text-removed', text.trim(), stripped, {
      vi: 'Bỏ chữ lẫn trong số điện thoại.',
      en: 'Removed words mixed into the phone number.',
    }));
    text = stripped;
  }
  let intl = /^\s*\+/.test(text);
  let digits = text.replace(/\D/g, '');
  if (digits === '') return { value: '', changes, issues };
  if (!intl && digits.startsWith('00')) {
    intl = true;
    digits = digits.slice(2);
  }
  const compact = (intl ? '+' : '') + digits;
  if (compact !== text.trim() && digits.length > 0) {
    changes.push(change('phone.format', text.trim(), compact, {
      vi: 'Bỏ dấu cách, dấu chấm, gạch ngang, ngoặc trong số điện thoại.',
      en: 'Removed spaces, dots, dashes and brackets from the phone number.',
    }));
  }
  const country = (opts.defaultCountry ?? 'VN').toUpperCase();
  let national: string;
  if (intl && !digits.startsWith('84')) return foreign('+' + digits, piece, changes, issues);
  if (intl || (digits.startsWith('84') && (digits.length === 11 || digits.length === 12))) {
    national = '0' + digits.slice(2).replace(/^0+/, '');
    changes.push(change('phone.country-code', compact, national, {
      vi: 'Đổi mã quốc gia +84 sang số 0 đầu (dạng số trong nước).',
      en: 'Replaced the +84 country code with a leading 0 (national form).',
    }));
  } else if (country !== 'VN') {
    return foreign(digits, piece, changes, issues, country);
  } else {
    national = digits;
  }
  if (!national.startsWith('0') && (/^[35789]\d{8}$/.test(national) || /^1[2689]\d{8}$/.test(national) || /^2\d{9}$/.test(national))) {
    const fixed = '0' + national;
    if (allowed(opts, 'phone.leading-zero')) {
      changes.push(change('phone.leading-zero', national, fixed, fromNumberCell
        ? { vi: 'Excel lưu số này dạng số nên mất số 0 đầu; đã thêm lại.', en: 'Excel stored this as a number and dropped the leading 0; it was added back.' }
        : { vi: 'Số thiếu số 0 đầu; đã thêm lại.', en: 'The number had lost its leading 0; it was added back.' }));
      national = fixed;
    }
  }
  const converted2018 = convertMobile2018(national);
  if (converted2018 && allowed(opts, 'phone.2018-conversion')) {
    changes.push(change('phone.2018-conversion', national, converted2018, {
      vi: `Đầu số 11 số ${national.slice(0, 4)} đã đổi thành ${converted2018.slice(0, 3)} từ năm 2018.`,
      en: `The 11-digit prefix ${national.slice(0, 4)} became ${converted2018.slice(0, 3)} in 2018.`,
    }));
    national = converted2018;
  }
  const landline = convertLandline2017(national);
  // Only an old-length (10-digit) number or one that is not valid today: an 11-digit valid number is already new.
  if (landline && opts.landline && allowed(opts, 'phone.2017-area-code') && validVN(landline.number) && (national.length === 10 || !validVN(national))) {
    changes.push(change('phone.2017-area-code', national, landline.number, {
      vi: `Mã vùng cũ ${landline.from} đã đổi thành ${landline.to} từ năm 2017 (cột này là số máy bàn).`,
      en: `The old area code ${landline.from} became ${landline.to} in 2017 (this column holds landlines).`,
    }));
    national = landline.number;
  }
  if (!validVN(national)) {
    const suggestion = landline && validVN(landline.number) ? landline.number : undefined;
    issues.push(issue('warning', 'phone.invalid', suggestion
      ? {
        vi: `"${piece}" không phải số điện thoại hợp lệ hiện nay và sẽ không được nhập. Nếu là số máy bàn mã vùng cũ, số mới là ${suggestion}.`,
        en: `"${piece}" is not a valid phone number today and will be left out. If it is a landline with an old area code, the new number is ${suggestion}.`,
      }
      : {
        vi: `"${piece}" không phải số điện thoại Việt Nam hợp lệ (10 số, đầu số đang dùng) nên sẽ không được nhập. Hãy sửa nếu cần.`,
        en: `"${piece}" is not a valid Vietnamese phone number (10 digits, a prefix in use), so it will be left out. Fix it if needed.`,
      }, suggestion));
  }
  return { value: national, changes, issues };
}

/** A number with a foreign country code: kept in international form, checked against that country's rules. */
function foreign(number: string, typed: string, changes: CellChange[], issues: CellIssue[], country?: string): Cleaned<string> {
  const parsed = parsePhoneNumberFromString(number, country as CountryCode | undefined);
  if (parsed && parsed.isValid()) {
    if (parsed.number !== number) {
      changes.push(change('phone.international', number, parsed.number, {
        vi: 'Số nước ngoài: ghi dạng quốc tế (+mã nước).',
        en: 'Foreign number: written in international form (+country code).',
      }));
    }
    return { value: parsed.number, changes, issues };
  }
  issues.push(issue('warning', 'phone.invalid', {
    vi: `"${typed.trim()}" không phải số điện thoại hợp lệ của nước có mã này nên sẽ không được nhập. Hãy kiểm tra lại.`,
    en: `"${typed.trim()}" is not a valid phone number for its country code, so it will be left out. Please check it.`,
  }));
  return { value: number, changes, issues };
}
