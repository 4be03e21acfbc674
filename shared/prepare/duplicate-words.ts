/**
 * Duplicate groups in words for a person: the values rows share ("số điện thoại 0912 345 678 và email …"), never the
 * `phone:0912345678` keys the grouping works with.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Bilingual } from '../text';
import type { DuplicateGroup } from './types';

/** Values named at most in one sentence; the rest are counted ("and 3 more"). */
const MAX_VALUES = 4;

// Digit groups of a Vietnamese national number, by its first 5 digits and length: libphonenumber picks its format
// from no more than the leading digits and the length, and a parse costs ~0.1 ms (duplicate-words.test.ts checks this
// against libphonenumber itself on random numbers).
const groupingCache = new Map<string, number[] | null>();

/** A phone as people write it: Vietnamese numbers national (`0912 345 678`), others international (`+65 9123 4567`). */
export function displayPhone(data: string): string {
  if (/^0\d{8,10}$/.test(data)) {
    const cacheKey = data.slice(0, 5) + ':' + data.length;
    let groups = groupingCache.get(cacheKey);
    if (groups === undefined) {
      const shown = parsePhoneNumberFromString(data, 'VN')?.formatNational();
      groups = shown && shown.replace(/\D/g, '') === data ? shown.split(/\D+/).map((g) => g.length) : null;
      groupingCache.set(cacheKey, groups);
    }
    if (!groups) return data;
    const out: string[] = [];
    let at = 0;
    for (const n of groups) {
      out.push(data.slice(at, at + n));
      at += n;
    }
    return out.join(' ');
  }
  if (data.startsWith('+')) return parsePhoneNumberFromString(data)?.formatInternational() ?? data;
  return data;
}

type Kind = 'phone' | 'email' | 'refId';

const NAMES: Record<Kind, { vi: string; en: [string, string] }> = {
  phone: { vi: 'số điện thoại', en: ['phone', 'phones'] },
  email: { vi: 'email', en: ['email', 'emails'] },
  refId: { vi: 'mã khách hàng (refId)', en: ['customer ID (refId)', 'customer IDs (refId)'] },
};

/** "a, b và c" / "a, b and c". */
function list(parts: string[], and: string): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

/**
 * The shared values in words, lower case, to follow "cùng" / "same": `phone:0912345678` and
 * `email:an@gmail.com` → "số điện thoại 0912 345 678 và email an@gmail.com" / "phone 0912 345 678 and email
 * an@gmail.com". Phones first, then emails, then customer IDs; past a few values the rest are counted.
 */
export function sharedInWords(keys: readonly string[]): Bilingual {
  const byKind = new Map<Kind, string[]>();
  for (const k of keys) {
    const at = k.indexOf(':');
    const kind = k.slice(0, at) as Kind;
    if (!(kind in NAMES)) continue;
    const value = k.slice(at + 1);
    const bucket = byKind.get(kind);
    if (bucket) bucket.push(value);
    else byKind.set(kind, [value]);
  }
  let room = MAX_VALUES;
  let more = 0;
  const vi: string[] = [];
  const en: string[] = [];
  for (const kind of ['phone', 'email', 'refId'] as const) {
    const values = byKind.get(kind);
    if (!values) continue;
    const named = values.slice(0, Math.max(room, 0));
    more += values.length - named.length;
    room -= named.length;
    if (!named.length) continue;
    const shown = named.map((v) => (kind === 'phone' ? displayPhone(v) : v)).join(', ');
    vi.push(`${NAMES[kind].vi} ${shown}`);
    en.push(`${NAMES[kind].en[values.length > 1 ? 1 : 0]} ${shown}`);
  }
  if (more) {
    vi.push(`${more} giá trị khác`);
    en.push(`${more} more`);
  }
  return { vi: list(vi, 'và'), en: list(en, 'and') };
}

/** A group's title: "Cùng số điện thoại 0912 345 678 và email an@gmail.com" / "Same phone 0912 345 678 and email …". */
export function duplicateTitle(group: Pick<DuplicateGroup, 'key' | 'keys'>): Bilingual {
  const words = sharedInWords(group.keys ?? [group.key]);
  return { vi: `Cùng ${words.vi}`, en: `Same ${words.en}` };
}

/** The groups as listed for a person: each with its title. */
export function withTitles(groups: readonly DuplicateGroup[]): DuplicateGroup[] {
  return groups.map((g) => ({ ...g, title: duplicateTitle(g) }));
}
