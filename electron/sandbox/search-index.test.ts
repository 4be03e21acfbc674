/**
 * The indexed search must answer exactly what a plain scan of the whole store, sorted newest first, answers:
 * random stores (with updates, so postings go stale) and random keywords are compared with that reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactInput } from '../../shared/omi/types';
import { findContacts, fold, phoneCore, type SearchQuery } from './search';
import { ContactStore, type StoredContact } from './store';

/** The search as it was before the indexes: every contact tested, then sorted newest first. */
function reference(store: ContactStore, q: SearchQuery): StoredContact[] {
  const k = fold(q.keyword ?? '');
  const core = /^[+\d\s().-]+$/.test((q.keyword ?? '').trim()) ? phoneCore(q.keyword ?? '') : '';
  const words = k.split(' ');
  const byKeyword = (c: StoredContact): boolean => {
    if (k === '') return true;
    const name = c.fullName ? fold(c.fullName) : '';
    if (core.length >= 3 && c.phones.some((p) => phoneCore(p.data).includes(core))) return true;
    if (c.emails.some((e) => e.data.toLowerCase().includes(k))) return true;
    return name !== '' && (name.includes(k) || words.every((w) => name.includes(w)));
  };
  const tagged = (c: StoredContact) => !q.tags?.length || q.tags.some((t) => c.tags.map(fold).includes(fold(t)));
  const include = q.includeIds?.length ? new Set(q.includeIds) : undefined;
  return store.all()
    .filter((c) => (!include || include.has(c.id)) && !(q.excludeIds ?? []).includes(c.id) && tagged(c) && byKeyword(c))
    .sort((a, b) => b.createdDate - a.createdDate || b.seq - a.seq);
}

const syllable = fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Đặng', 'Văn', 'Thị', 'An', 'Hoà', 'Đức', 'Minh', 'Ngọc', 'Kha');
const name = fc.array(syllable, { minLength: 0, maxLength: 4 }).map((w) => w.join(' '));
const digits = fc.array(fc.constantFrom('0', '1', '2', '3', '8', '9'), { minLength: 3, maxLength: 11 }).map((d) => d.join(''));
const phone = fc.tuple(fc.constantFrom('', '0', '+84 ', '84'), digits).map(([p, d]) => ({ data: p + d, type: 'personal', valueType: 'Cá nhân' }));
const email = fc.tuple(fc.constantFrom('an', 'hoa.nguyen', 'Duc', 'kh'), fc.constantFrom('@example.vn', '@CongTy.vn', '@x.com'))
  .map(([u, d]) => ({ data: u + d, type: 'home', valueType: 'Nhà' }));
const contact: fc.Arbitrary<ContactInput> = fc.record({
  fullName: name,
  phones: fc.array(phone, { maxLength: 2 }),
  emails: fc.array(email, { maxLength: 2 }),
  tags: fc.array(fc.constantFrom('Lead', 'VIP', 'lead'), { maxLength: 2 }),
});
const keyword = fc.oneof(
  name, digits, fc.constantFrom('nguyen van', 'đức', 'an', 'a', 'kh', 'example', 'CONGTY.VN', '+84 9', '111 222', '0', 'hoa.n', '  '),
  fc.tuple(fc.constantFrom('', '0', '+84 '), digits).map(([p, d]) => p + d),
);

describe('indexed search', () => {
  it('finds exactly what a full scan finds, in the same newest-first order, also after updates', () => {
    fc.assert(
      fc.property(
        fc.array(contact, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), contact), { maxLength: 10 }),
        fc.array(fc.tuple(keyword, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 8 }),
        (inputs, updates, queries) => {
          const store = ContactStore.empty([], []);
          for (const c of inputs) store.create(c);
          for (const [i, u] of updates) {
            const target = store.all()[i % store.size];
            store.update(target, { _id: target.id, fullName: u.fullName, phones: u.phones, emails: u.emails, tags: u.tags });
          }
          for (const [kw, withTag, withIds] of queries) {
            const q: SearchQuery = { keyword: kw };
            if (withTag) q.tags = ['LEAD'];
            if (withIds) q.includeIds = store.all().filter((_, i) => i % 3 === 0).map((c) => c.id);
            expect(findContacts(store, q).map((c) => c.seq)).toEqual(reference(store, q).map((c) => c.seq));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refId lookups see every contact with that refId, oldest first', () => {
    const store = ContactStore.empty([], []);
    store.create({ refId: 'a', fullName: 'Một' });
    store.create({ refId: 'b', fullName: 'Hai' });
    store.create({ refId: 'a', fullName: 'Ba' });
    expect(store.hasRefId('a')).toBe(true);
    expect(store.hasRefId('c')).toBe(false);
    expect(store.byRefId('a').map((c) => c.fullName)).toEqual(['Một', 'Ba']);
    store.replace({ ...store.snapshot(), contacts: store.all().slice(1) });
    expect(store.byRefId('a').map((c) => c.fullName)).toEqual(['Ba']);
    expect(findContacts(store, { keyword: 'mot' })).toEqual([]);
    expect(findContacts(store, { keyword: 'hai' }).map((c) => c.refId)).toEqual(['b']);
  });
});
