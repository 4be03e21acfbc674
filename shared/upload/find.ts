/**
 * Finding a row's contact on the server with search (keyword = phone, email, or full name). Used to check rows
 * whose creation is in doubt, to find the contact to update in upsert mode, and to spot a re-import.
 * The sandbox (and maybe OMI) echoes `ref_id` in search items: when items carry it, only the row's own refId
 * counts as a match for "did we create it?"; when they do not, equal phone or email is the best evidence left.
 */
import type { OmiApi, CallOptions } from '../omi/api';
import type { ContactInput, ContactItem } from '../omi/types';

/** What to search for, best first: phones, emails, then the full name. */
export function searchKeywords(c: ContactInput): string[] {
  const out: string[] = [];
  for (const p of c.phones ?? []) if (p.data.trim()) out.push(p.data.trim());
  for (const e of c.emails ?? []) if (e.data.trim()) out.push(e.data.trim());
  if (c.fullName?.trim()) out.push(c.fullName.trim());
  return out;
}

/** Digits of a phone with a Vietnamese +84 / 84 prefix turned into the leading 0, for comparing. */
export function phoneKey(s: string): string {
  const d = s.replace(/\D/g, '');
  if (d.startsWith('84') && d.length >= 11) return '0' + d.slice(2);
  return d;
}

function values(item: ContactItem, codes: string[], types: string[]): string[] {
  const out: string[] = [];
  for (const a of item.attribute_structure ?? []) {
    if (codes.includes(a.field_code) || types.includes(a.field_type)) for (const v of a.value ?? []) out.push(v.display_value);
  }
  return out;
}

/** Whether `item` shares a phone or an email with `c`. */
export function sharesPhoneOrEmail(item: ContactItem, c: ContactInput): boolean {
  const phones = new Set(values(item, ['phone_number'], ['phone']).map(phoneKey).filter(Boolean));
  if ((c.phones ?? []).some((p) => phones.has(phoneKey(p.data)))) return true;
  const emails = new Set(values(item, ['mail'], ['email']).map((e) => e.trim().toLowerCase()));
  return (c.emails ?? []).some((e) => emails.has(e.data.trim().toLowerCase()));
}

/** How strict a match must be. */
export type MatchRule =
  /** Our own creation: same ref_id when the server echoes ref_id, else same phone/email. */
  | 'own'
  /** Upsert: same ref_id, or same phone/email. */
  | 'same-person';

/**
 * Searches for the contact that `contact` (with `refId`) stands for. Returns it or null. Throws what the API
 * throws (the caller retries). Returns undefined when the row has nothing to search by.
 */
export async function findContact(
  api: OmiApi, contact: ContactInput, refId: string, rule: MatchRule, opts: CallOptions, maxPages = 5,
): Promise<ContactItem | null | undefined> {
  const keywords = searchKeywords(contact);
  if (keywords.length === 0) return undefined;
  let anyEcho = false;
  const candidates: ContactItem[] = [];
  // The first keyword is the most specific; a name is only searched when there is no phone or email.
  const kw = keywords[0];
  for (let page = 1; page <= maxPages; page++) {
    const res = await api.search({ keyword: kw }, { page, size: 50 }, opts);
    for (const item of res.items) {
      if (item.is_deleted) continue;
      if (typeof item.ref_id === 'string' && item.ref_id !== '') anyEcho = true;
      if (item.ref_id === refId) return item;
      candidates.push(item);
    }
    if (!res.has_next) break;
  }
  if (rule === 'own' && anyEcho) return null;
  return candidates.find((i) => (rule === 'same-person' || !i.ref_id) && sharesPhoneOrEmail(i, contact)) ?? null;
}
