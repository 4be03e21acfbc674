/**
 * The store's search index: each contact's keyword-comparable text (folded name, phone cores, lower-case
 * e-mails), computed once per contact version, and trigram posting lists over that text so that a keyword
 * search looks at the few contacts that can match instead of the whole store.
 *
 * Keyword matching is by substring ("111 222" finds 0987.111.222), so an exact-value map would not do: a
 * substring of length ≥ 3 contains every trigram of itself, so the contacts holding the rarest trigram of the
 * keyword are a superset of the matches. The search then checks each candidate exactly, which is why postings
 * may be stale after an update (an old trigram still lists the contact): the check drops it, and nothing is
 * ever missed because the new text's trigrams are added when the contact changes.
 */
import { fold, phoneCore } from './fold';

/** What a keyword is compared with, for one version of a contact. */
export interface Folded {
  name: string;
  phones: string[];
  emails: string[];
}

/** The parts of a contact the index reads (a StoredContact has them all). */
export interface Indexable {
  fullName?: string;
  phones: { data: string }[];
  emails: { data: string }[];
}

/** Which text a trigram came from: the name, a phone or an e-mail. */
export type GramKind = 'n' | 'p' | 'e';

interface Entry extends Folded {
  srcName: string | undefined;
  srcPhones: Indexable['phones'];
  srcEmails: Indexable['emails'];
}

/** Every distinct run of three characters in `s`. */
function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/** Folded text and trigram postings by store position (the contact's index in creation order). */
export class SearchIndex {
  private entries: Entry[] = [];
  private grams = new Map<string, number[]>();

  /** Forgets everything (the store was replaced). */
  clear(): void {
    this.entries = [];
    this.grams = new Map();
  }

  /** Indexes the contact at `pos` (a new contact, or one whose name, phones or e-mails may have changed). */
  put(pos: number, c: Indexable): void {
    const old = this.entries[pos];
    if (old && old.srcName === c.fullName && old.srcPhones === c.phones && old.srcEmails === c.emails) return;
    const e: Entry = {
      srcName: c.fullName,
      srcPhones: c.phones,
      srcEmails: c.emails,
      name: c.fullName ? fold(c.fullName) : '',
      phones: c.phones.map((p) => phoneCore(p.data)),
      emails: c.emails.map((m) => m.data.toLowerCase()),
    };
    this.entries[pos] = e;
    this.post('n', [e.name], old?.name === e.name ? undefined : pos);
    this.post('p', e.phones, sameList(old?.phones, e.phones) ? undefined : pos);
    this.post('e', e.emails, sameList(old?.emails, e.emails) ? undefined : pos);
  }

  /** The folded text of the contact at `pos` (indexed by put). */
  folded(pos: number): Folded {
    return this.entries[pos];
  }

  /**
   * Positions (any order, maybe repeated) of every contact whose `kind` text may contain `text`; undefined
   * when `text` is shorter than a trigram, so it cannot narrow the search.
   */
  candidates(kind: GramKind, text: string): number[] | undefined {
    if (text.length < 3) return undefined;
    let best: number[] | undefined;
    for (const g of trigrams(text)) {
      const list = this.grams.get(kind + g);
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best;
  }

  private post(kind: GramKind, texts: string[], pos: number | undefined): void {
    if (pos === undefined) return;
    const seen = new Set<string>();
    for (const t of texts) for (const g of trigrams(t)) seen.add(g);
    for (const g of seen) {
      const key = kind + g;
      const list = this.grams.get(key);
      if (!list) this.grams.set(key, [pos]);
      else if (list[list.length - 1] !== pos) list.push(pos);
    }
  }
}

function sameList(a: string[] | undefined, b: string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}
