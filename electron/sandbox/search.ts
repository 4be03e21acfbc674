/**
 * Search (endpoint 4): keyword over phone / e-mail / full name, name filters, date ranges, id lists, paging.
 * What the specification leaves open is decided here (see the README): keyword matching ignores case and
 * Vietnamese diacritics, phones match whatever the format, filters match any of the given names, newest first.
 */
import type { SearchPage } from '../../shared/omi/types';
import type { ContactStore, StoredContact } from './store';

/** Lower case without diacritics, đ → d, runs of spaces collapsed: "  Nguyễn  Đức " → "nguyen duc". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The subscriber part of a Vietnamese-style phone number: digits only, without a leading 0, 84 or +84, so that
 * "+84 912 345 678", "0912345678" and "84912345678" all become "912345678".
 */
export function phoneCore(s: string): string {
  let d = s.replace(/\D/g, '');
  if (d.startsWith('84') && d.length >= 11) d = d.slice(2);
  else if (d.startsWith('0')) d = d.replace(/^0+/, '');
  return d;
}

const PHONE_KEYWORD = /^[+\d\s().-]+$/;

/** A search body after checking (see checkSearchBody in routes). */
export interface SearchQuery {
  keyword?: string;
  tags?: string[];
  business?: string[];
  categories?: string[];
  ranges?: { field: 'created_date' | 'last_updated_date'; from?: number; to?: number }[];
  includeIds?: string[];
  excludeIds?: string[];
}

function anyName(have: string[], wanted: string[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  const set = new Set(have.map(fold));
  return wanted.some((w) => set.has(fold(w)));
}

/** What a keyword is compared with, folded once per contact version (search runs over the whole store). */
interface Folded {
  srcName: string | undefined;
  srcPhones: StoredContact['phones'];
  srcEmails: StoredContact['emails'];
  name: string;
  phones: string[];
  emails: string[];
}
const foldedCache = new WeakMap<StoredContact, Folded>();

function folded(c: StoredContact): Folded {
  const hit = foldedCache.get(c);
  // Updates replace fullName / the phone and e-mail lists, so identity tells whether the cache is stale.
  if (hit && hit.srcName === c.fullName && hit.srcPhones === c.phones && hit.srcEmails === c.emails) return hit;
  const f: Folded = {
    srcName: c.fullName,
    srcPhones: c.phones,
    srcEmails: c.emails,
    name: c.fullName ? fold(c.fullName) : '',
    phones: c.phones.map((p) => phoneCore(p.data)),
    emails: c.emails.map((e) => e.data.toLowerCase()),
  };
  foldedCache.set(c, f);
  return f;
}

function keywordMatcher(keyword: string): (c: StoredContact) => boolean {
  const k = fold(keyword);
  if (k === '') return () => true;
  const core = PHONE_KEYWORD.test(keyword.trim()) ? phoneCore(keyword) : '';
  const words = k.split(' ');
  return (c) => {
    const f = folded(c);
    if (core.length >= 3 && f.phones.some((p) => p.includes(core))) return true;
    if (f.emails.some((e) => e.includes(k))) return true;
    // "nguyen an" finds "Nguyễn Văn An": every word of the keyword must be in the name.
    return f.name !== '' && (f.name.includes(k) || words.every((w) => f.name.includes(w)));
  };
}

/** All contacts matching the query, newest first. */
export function findContacts(store: ContactStore, q: SearchQuery): StoredContact[] {
  const byKeyword = q.keyword ? keywordMatcher(q.keyword) : () => true;
  const include = q.includeIds && q.includeIds.length > 0 ? new Set(q.includeIds) : undefined;
  const exclude = new Set(q.excludeIds ?? []);
  const out = store.all().filter((c) => {
    if (include && !include.has(c.id)) return false;
    if (exclude.has(c.id)) return false;
    if (!anyName(c.tags, q.tags) || !anyName(c.business, q.business) || !anyName(c.categories, q.categories)) return false;
    for (const r of q.ranges ?? []) {
      const t = r.field === 'created_date' ? c.createdDate : c.updatedDate;
      if (r.from !== undefined && t < r.from) return false;
      if (r.to !== undefined && t > r.to) return false;
    }
    return byKeyword(c);
  });
  return out.sort((a, b) => b.createdDate - a.createdDate || b.seq - a.seq);
}

/** One page of results with the API's paging numbers (page from 1; next/previous null at the ends). */
export function pageOf(store: ContactStore, found: StoredContact[], page: number, size: number): SearchPage {
  const total = found.length;
  const totalPages = Math.ceil(total / size);
  const hasNext = page < totalPages;
  const hasPrevious = page > 1;
  return {
    next_page: hasNext ? page + 1 : null,
    page_number: page,
    has_previous: hasPrevious,
    has_next: hasNext,
    total_pages: totalPages,
    previous_page: hasPrevious ? page - 1 : null,
    total_items: total,
    page_size: size,
    items: found.slice((page - 1) * size, page * size).map((c) => store.toItem(c)),
  };
}
