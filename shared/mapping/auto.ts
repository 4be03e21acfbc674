import type { Table } from '../ingest/types';
import type { ValueType } from '../omi/types';
import { findTarget } from './catalog';
import { headerCandidates, normaliseHeader, type Candidate } from './header-match';
import { VALUE_TYPE_WORDS } from './header-synonyms';
import { contentCandidates, profileColumn, type ColumnProfile } from './sniff';
import type { ColumnMapping, TargetCatalog, TargetId } from './types';

/** Below this a suggestion is not made: the column is left as "ignore" for the person to decide. */
export const MIN_CONFIDENCE = 0.45;

/** Which kind of phone or email a header names: `SĐT công ty` → office, `ĐT nhà` → home; default personal. */
export function valueTypeOf(header: string): ValueType {
  const words = ` ${normaliseHeader(header)} `;
  for (const { type, words: ws } of VALUE_TYPE_WORDS) if (ws.some((w) => words.includes(` ${w} `))) return type;
  return 'personal';
}

/** Merges what the header says with what the values say. */
function combine(header: Candidate[], content: Candidate[], profile: ColumnProfile): Candidate[] {
  const out = header.map((c) => ({ ...c }));
  for (const c of content) {
    const same = out.find((h) => h.target === c.target);
    if (same) {
      same.score = Math.min(0.99, Math.max(same.score, c.score) + 0.04);
      same.vi += `; ${c.vi}`;
      same.en += `; ${c.en}`;
    } else out.push({ ...c });
  }
  // A header that says phone or email over values that are clearly not: trust it less.
  if (profile.sampled >= 4) {
    for (const c of out) {
      const share = c.target === 'phones' ? profile.phones / profile.sampled : c.target === 'emails' ? profile.emails / profile.sampled : 1;
      if (share < 0.2) {
        // Less sure, but still a suggestion: the header is what the person wrote.
        c.score = Math.max(MIN_CONFIDENCE, c.score - 0.25);
        c.vi += `; nhưng ít giá trị giống ${c.target === 'phones' ? 'số điện thoại' : 'email'}`;
        c.en += `; but few values look like ${c.target === 'phones' ? 'phone numbers' : 'emails'}`;
      }
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The file splits family and given names ("Họ" + "Tên"): a "Tên" column is only part of the name. */
function splitNameWarning(table: Table): boolean {
  return table.columns.some((c) => /^(ho|ho dem|ho va ten dem|ho lot|last name|surname|family name)$/.test(normaliseHeader(c.header)));
}

/**
 * Suggests a target for every column of the table, with a confidence and a reason: from the header
 * (Vietnamese or English, any accents, case, spacing, abbreviations), from the account's dynamic
 * attributes and funnels, and from the values when the header says little. A single-valued target never
 * gets two columns: the weaker column falls back to its next suggestion or to "ignore", saying why.
 * Several phone and email columns are kept, each with its type (home / personal / office).
 */
export function autoMap(table: Table, catalog: TargetCatalog): ColumnMapping[] {
  const splitName = splitNameWarning(table);
  const options = table.columns.map((col) => {
    const profile = profileColumn(table, col.index);
    // A blank header was given a made-up name by ingest ("Cột C"): only the values can speak for it.
    const headerText = col.originalHeader !== undefined && col.originalHeader.trim() === '' ? '' : col.header;
    let cands = combine(headerCandidates(headerText, catalog), contentCandidates(profile), profile)
      .filter((c) => findTarget(catalog, c.target));
    if (splitName && /^(ten|first name|given name|ten rieng)$/.test(normaliseHeader(col.header))) {
      cands = cands.map((c) => c.target === 'fullName'
        ? { ...c, score: 0.5, vi: `${c.vi}; tệp tách riêng họ và tên, cột này chỉ có tên`, en: `${c.en}; the file splits family and given names, this column holds only the given name` }
        : c);
    }
    if (profile.sampled === 0 && cands.length === 0) {
      cands = [{ target: 'ignore', score: 0.6, vi: 'cột trống', en: 'the column is empty' }];
    }
    return { col, cands: cands.filter((c) => c.score >= MIN_CONFIDENCE) };
  });

  const taken = new Map<TargetId, string>();
  const result: ColumnMapping[] = new Array(table.columns.length);
  // Strongest suggestions choose first, so the weaker of two "Tên" columns is the one that yields.
  const order = options.map((o, i) => ({ i, best: o.cands[0]?.score ?? 0 })).sort((a, b) => b.best - a.best || a.i - b.i);
  for (const { i } of order) {
    const { col, cands } = options[i];
    let chosen: Candidate | undefined;
    const lost: string[] = [];
    for (const c of cands) {
      const def = findTarget(catalog, c.target)!;
      if (!def.multi && taken.has(c.target)) {
        lost.push(`${def.label.vi}|${def.label.en}|${taken.get(c.target)}`);
        continue;
      }
      chosen = c;
      break;
    }
    const m: ColumnMapping = { column: col.index, header: col.header, target: 'ignore', confidence: 0 };
    if (chosen) {
      m.target = chosen.target;
      m.confidence = Math.round(chosen.score * 100) / 100;
      m.why = { vi: chosen.vi, en: chosen.en };
      const def = findTarget(catalog, chosen.target)!;
      if (!def.multi) taken.set(chosen.target, col.header);
      if (chosen.target === 'phones' || chosen.target === 'emails') m.valueType = valueTypeOf(col.header);
    }
    if (lost.length) {
      const [vi, en, other] = lost[0].split('|');
      const note = { vi: `"${vi}" đã lấy từ cột "${other}"`, en: `"${en}" is already mapped from column "${other}"` };
      m.why = chosen ? { vi: `${m.why!.vi}; ${note.vi}`, en: `${m.why!.en}; ${note.en}` } : note;
      if (!chosen) m.confidence = 0.5;
    }
    if (!m.why) m.why = { vi: 'không nhận ra cột này; hãy chọn trường', en: 'no field recognised; please choose one' };
    m.reason = m.why.en;
    result[i] = m;
  }
  return result;
}
