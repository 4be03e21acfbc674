/**
 * Search (endpoint 4): keyword over phone / e-mail / full name, name filters, date ranges, id lists, paging.
 * What the specification leaves open is decided here (see the README): keyword matching ignores case and
 * Vietnamese diacritics, phones match whatever the format, filters match any of the given names, newest first.
 */
import type { SearchPage } from '../../shared/omi/types';
import { fold, phoneCore } from './fold';
import type { Folded } from './search-index';
import type { ContactStore, StoredContact } from './store';

export { fold, phoneCore } from './fold';

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

/** A contact's folded tag / business / category names, once per list version (updates make new lists). */
const foldedNames = new WeakMap<string[], Set<string>>();

function anyName(have: string[], wanted: string[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  let set = foldedNames.get(have);
  if (!set) foldedNames.set(have, (set = new Set(have.map(fold))));
  return wanted.some((w) => set.has(fold(w)));
}

/** A keyword, folded once: the exact test for one contact, and where the index can narrow the search. */
interface KeywordPlan {
  matches(f: Folded): boolean;
  /** Positions that may match (any order, maybe repeated); undefined = every contact must be checked. */
  candidates(store: ContactStore): number[] | undefined;
}

function keywordPlan(keyword: string): KeywordPlan | undefined {
  const k = fold(keyword);
  if (k === '') return undefined;
  const core = PHONE_KEYWORD.test(keyword.trim()) ? phoneCore(keyword) : '';
  const words = k.split(' ');
  return {
    matches(f) {
      if (core.length >= 3 && f.phones.some((p) => p.includes(core))) return true;
      if (f.emails.some((e) => e.includes(k))) return true;
      // "nguyen an" finds "Nguyễn Văn An": every word of the keyword must be in the name.
      return f.name !== '' && (f.name.includes(k) || words.every((w) => f.name.includes(w)));
    },
    candidates(store) {
      const index = store.searchIndex;
      // A name matches only if it holds every word, so the rarest trigram of the longest words narrows it.
      let byName: number[] | undefined;
      for (const w of words) {
        const c = index.candidates('n', w);
        if (c && (!byName || c.length < byName.length)) byName = c;
      }
      const byEmail = index.candidates('e', k);
      if (!byName || !byEmail) return undefined;
      if (core.length < 3) return [...byName, ...byEmail];
      return [...byName, ...byEmail, ...(index.candidates('p', core) ?? [])];
    },
  };
}

/**
 * All contacts matching the query, newest first. The store keeps contacts in creation order, so newest first is
 * that order backwards (no sort); a keyword or an id list narrows the contacts looked at through the indexes.
 */
export function findContacts(store: ContactStore, q: SearchQuery): StoredContact[] {
  const all = store.all();
  const keyword = q.keyword ? keywordPlan(q.keyword) : undefined;
  const include = q.includeIds && q.includeIds.length > 0 ? new Set(q.includeIds) : undefined;
  const exclude = new Set(q.excludeIds ?? []);
  const test = (c: StoredContact, pos: number): boolean => {
    if (include && !include.has(c.id)) return false;
    if (exclude.has(c.id)) return false;
    if (!anyName(c.tags, q.tags) || !anyName(c.business, q.business) || !anyName(c.categories, q.categories)) return false;
    for (const r of q.ranges ?? []) {
      const t = r.field === 'created_date' ? c.createdDate : c.updatedDate;
      if (r.from !== undefined && t < r.from) return false;
      if (r.to !== undefined && t > r.to) return false;
    }
    return !keyword || keyword.matches(store.searchIndex.folded(pos));
  };

  let narrowed: number[] | undefined;
  if (include) {
    narrowed = [];
    for (const id of include) {
      const c = store.byPublicId(id);
      if (c) narrowed.push(store.positionOf(c));
    }
  }
  const byKeyword = keyword?.candidates(store);
  if (byKeyword && (!narrowed || byKeyword.length < narrowed.length)) narrowed = byKeyword;

  const out: StoredContact[] = [];
  // Sorting many candidates costs more than walking the store once.
  if (!narrowed || narrowed.length > all.length / 4) {
    for (let pos = all.length - 1; pos >= 0; pos--) if (test(all[pos], pos)) out.push(all[pos]);
    return out;
  }
  const positions = [...new Set(narrowed)].sort((a, b) => b - a);
  for (const pos of positions) if (test(all[pos], pos)) out.push(all[pos]);
  return out;
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
