import { cleanGender } from '../clean/gender';
import { isValidEmail } from '../clean/email';
import { cleanPhones } from '../clean/phone';
import type { Table } from '../ingest/types';
import type { Candidate } from './header-match';

const SAMPLE = 100;

/** What the values of a column look like, from up to 100 non-empty cells. */
export interface ColumnProfile {
  sampled: number;
  emails: number;
  phones: number;
  genders: number;
  urls: number;
  dates: number;
  names: number;
}

/** Looks at a column's values: how many are emails, phones, genders, URLs, dates, people's names. */
export function profileColumn(table: Table, column: number): ColumnProfile {
  const p: ColumnProfile = { sampled: 0, emails: 0, phones: 0, genders: 0, urls: 0, dates: 0, names: 0 };
  for (const row of table.rows) {
    if (p.sampled >= SAMPLE) break;
    const cell = (row.cells[column] ?? '').trim();
    if (!cell) continue;
    p.sampled++;
    const kind = row.kinds?.[column];
    if (kind === 'date') p.dates++;
    const first = cell.split(/[\s,;|/]+/)[0].toLowerCase();
    if (cell.includes('@') && isValidEmail(first.replace(/^mailto:/, ''))) p.emails++;
    else if (/^https?:\/\//i.test(cell)) p.urls++;
    else if (/\d{3}/.test(cell) && cell.replace(/\D/g, '').length >= 9 && !/\p{L}{3,}/u.test(cell)) {
      const r = cleanPhones(cell, { kind, raw: row.raw?.[column] });
      if (r.value.length > 0) p.phones++;
    } else if (cleanGender(cell).value) p.genders++;
    else if (/^\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){1,5}$/u.test(cell) || /^\p{Lu}+(?: \p{Lu}+){1,5}$/u.test(cell)) p.names++;
  }
  return p;
}

/** Targets the values point to, when enough of them agree. Content alone never scores above 0.85. */
export function contentCandidates(p: ColumnProfile): Candidate[] {
  if (p.sampled === 0) return [];
  const out: Candidate[] = [];
  const share = (n: number) => n / p.sampled;
  const pct = (n: number) => Math.round(share(n) * 100);
  const add = (target: Candidate['target'], n: number, min: number, vi: string, en: string, base = 0.45) => {
    if (share(n) >= min) out.push({ target, score: Math.min(0.85, base + 0.4 * share(n)), vi: `${pct(n)}% giá trị là ${vi}`, en: `${pct(n)}% of values are ${en}` });
  };
  add('emails', p.emails, 0.6, 'email', 'emails');
  add('phones', p.phones, 0.6, 'số điện thoại', 'phone numbers');
  add('gender', p.genders, 0.8, 'giới tính', 'genders');
  add('avatarUrl', p.urls, 0.8, 'địa chỉ web', 'web addresses', 0.3);
  add('fullName', p.names, 0.8, 'tên người', "people's names", 0.1);
  return out.sort((a, b) => b.score - a.score);
}
