import { isValidEmail } from '../clean/email';
import type { ContactInput, DynamicUpdate } from '../omi/types';
import { CORE_FIELDS, LIST_FIELDS } from '../mapping/catalog';
import type { CellIssue } from '../prepare/types';
import { issue } from '../clean/types';

const GENDERS = new Set(['male', 'female', 'other']);
const VALUE_TYPES = new Set(['home', 'personal', 'office']);
/** The longest string the API takes in any field (what the sandbox enforces too). */
export const MAX_TEXT = 10_000;

function bad(out: FieldIssue[], field: string, code: string, vi: string, en: string): void {
  out.push({ field, issue: issue('error', code, { vi, en }) });
}

const LIMITS = Object.entries(CORE_FIELDS).map(([f, spec]) => [f as keyof ContactInput, Math.min(spec.maxLength ?? MAX_TEXT, MAX_TEXT)] as const);

/** A problem found in the finished contact, tied to the field it concerns. */
export interface FieldIssue {
  field: string;
  issue: CellIssue;
}

/**
 * Checks a finished ContactInput against what the API refuses: gender outside male/female/other, a
 * Value.type outside home/personal/office, malformed emails (contact and owner), a non-http avatar URL,
 * empty names in lists, over-long text. The cleaners already keep such values out; this is the last
 * gate before upload, so a bug upstream cannot turn into a refused batch.
 */
export function validateContact(contact: ContactInput, dynamic: DynamicUpdate[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (contact.gender !== undefined && !GENDERS.has(contact.gender)) {
    bad(out, 'gender', 'gender.unknown', `Giới tính "${contact.gender}" không hợp lệ (chỉ nhận male, female, other).`, `Gender "${contact.gender}" is not accepted (only male, female, other).`);
  }
  for (const key of ['phones', 'emails'] as const) {
    for (const v of contact[key] ?? []) {
      if (!VALUE_TYPES.has(v.type)) bad(out, key, 'value.type', `Loại "${v.type}" không hợp lệ (home, personal, office).`, `Type "${v.type}" is not accepted (home, personal, office).`);
      if (!v.data || !v.data.trim()) bad(out, key, 'value.empty', 'Giá trị trống.', 'Empty value.');
      if (key === 'emails' && v.data && !isValidEmail(v.data)) bad(out, key, 'email.invalid', `"${v.data}" không phải email hợp lệ.`, `"${v.data}" is not a valid email.`);
      if (key === 'phones' && v.data && !/^\+?\d{7,15}$/.test(v.data)) bad(out, key, 'phone.invalid', `"${v.data}" không phải số điện thoại hợp lệ.`, `"${v.data}" is not a valid phone number.`);
    }
  }
  if (contact.userOwnerEmail !== undefined && !isValidEmail(contact.userOwnerEmail)) {
    bad(out, 'userOwnerEmail', 'owner.invalid', `Email nhân viên phụ trách "${contact.userOwnerEmail}" không hợp lệ.`, `Owner email "${contact.userOwnerEmail}" is not valid.`);
  }
  if (contact.avatarUrl !== undefined && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(contact.avatarUrl)) {
    bad(out, 'avatarUrl', 'url.invalid', `Ảnh đại diện "${contact.avatarUrl}" không phải địa chỉ http(s).`, `Avatar "${contact.avatarUrl}" is not an http(s) address.`);
  }
  for (const [field, max] of LIMITS) {
    const v = contact[field];
    if (typeof v === 'string' && v.length > max) {
      bad(out, field, 'text.too-long', `Quá dài: ${v.length} ký tự, tối đa ${max}. Hãy rút gọn.`, `Too long: ${v.length} characters, at most ${max}. Please shorten it.`);
    }
  }
  for (const field of ['tags', 'business', 'categories'] as const) {
    const max = LIST_FIELDS[field].maxLength ?? MAX_TEXT;
    for (const n of contact[field] ?? []) {
      if (!n.trim()) bad(out, field, 'list.empty', 'Tên trống trong danh sách.', 'An empty name in the list.');
      else if (n.length > max) bad(out, field, 'text.too-long', `"${n.slice(0, 30)}…" dài quá ${max} ký tự.`, `"${n.slice(0, 30)}…" is longer than ${max} characters.`);
    }
  }
  for (const d of dynamic) {
    for (const v of d.values) {
      if (v.data.length > MAX_TEXT) bad(out, `dynamic:${d.fieldCode}`, 'text.too-long', `Giá trị dài quá ${MAX_TEXT} ký tự.`, `Value longer than ${MAX_TEXT} characters.`);
    }
  }
  return out;
}
