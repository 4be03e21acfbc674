import { foldKey } from '../clean/text-compare';
import type { TargetCatalog, TargetId } from './types';
import { FUNNEL_HEADERS, HEADER_SYNONYMS, IGNORE_HEADERS } from './header-synonyms';

/** A possible target for a column, with how sure and why. */
export interface Candidate {
  target: TargetId;
  score: number;
  vi: string;
  en: string;
}

/** Folded header text: `SĐT (Công ty)` → `sdt cong ty`. */
export function normaliseHeader(header: string): string {
  return foldKey(header);
}

/**
 * How well a folded phrase names a folded header: exact 0.95; the same letters without spaces 0.9
 * (`sodienthoai`); contained as whole words 0.55–0.9, more for a phrase covering more of the header.
 */
export function phraseScore(h: string, phrase: string): number {
  if (h === phrase) return 0.95;
  if (h.replace(/ /g, '') === phrase.replace(/ /g, '')) return 0.9;
  const hw = h.split(' ');
  const pw = phrase.split(' ');
  if (pw.length >= hw.length) return 0;
  for (let i = 0; i + pw.length <= hw.length; i++) {
    let ok = true;
    for (let j = 0; j < pw.length; j++) if (hw[i + j] !== pw[j]) { ok = false; break; }
    if (ok) return 0.55 + 0.35 * (pw.length / hw.length);
  }
  return 0;
}

/** Every target the header could mean, best first. */
export function headerCandidates(header: string, catalog: TargetCatalog): Candidate[] {
  const h = normaliseHeader(header);
  if (!h) return [];
  const out: Candidate[] = [];
  const push = (target: TargetId, score: number) => {
    if (score <= 0) return;
    const prev = out.find((c) => c.target === target);
    if (prev && prev.score >= score) return;
    const c = { target, score, vi: `tiêu đề cột "${header}"`, en: `header "${header}"` };
    if (prev) Object.assign(prev, c);
    else out.push(c);
  };
  for (const [field, phrases] of Object.entries(HEADER_SYNONYMS)) {
    let best = 0;
    for (const p of phrases) best = Math.max(best, phraseScore(h, p));
    push(field as TargetId, best);
  }
  if (IGNORE_HEADERS.includes(h)) push('ignore', 0.9);
  // "Column 5" says nothing: a weak "ignore" that any content evidence beats.
  else if (/^(cot|column|col)( \d+| [a-z]{1,3})?$/.test(h)) push('ignore', 0.46);
  const funnels = catalog.targets.filter((t) => t.group === 'funnel');
  for (const t of catalog.targets) {
    if (t.group === 'dynamic' && t.attribute) {
      // The account's own fields are named by the account: a match on them is worth a little more.
      const s = Math.max(phraseScore(h, foldKey(t.attribute.name)), phraseScore(h, foldKey(t.attribute.fieldCode)));
      push(t.id, s > 0 ? Math.min(0.97, s + 0.02) : 0);
    } else if (t.group === 'funnel' && t.funnel) {
      let s = phraseScore(h, foldKey(t.funnel.name));
      for (const p of FUNNEL_HEADERS) {
        const g = phraseScore(h, p);
        if (g > 0) s = Math.max(s, funnels.length === 1 ? Math.min(g, 0.85) : Math.min(g, 0.5));
      }
      push(t.id, s);
    }
  }
  return out.sort((a, b) => b.score - a.score);
}
