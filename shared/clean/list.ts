import { isPlaceholder } from './placeholder';
import { foldKey } from './text-compare';
import { change, plain, type Cleaned, type CleanContext } from './types';

/**
 * Tags, industries, groups: split on `,` `;` `/` `|` and new lines, trimmed, inner spaces collapsed,
 * duplicates dropped (the first spelling kept; `VIP` and `vip` are the same tag).
 */
export function cleanList(cell: string, _ctx: CleanContext = {}): Cleaned<string[]> {
  const text = cell.normalize('NFC').trim();
  if (text === '' ) return plain([]);
  if (isPlaceholder(text)) {
    return { value: [], changes: [change('list.placeholder', cell, '', { vi: 'Ô chỉ ghi "không có"; coi như để trống.', en: 'The cell only says "nothing"; treated as empty.' })], issues: [] };
  }
  const parts = text.split(/[,;/|\n\r]+/).map((p) => p.trim().replace(/\s+/g, ' ')).filter(Boolean);
  const seen = new Set<string>();
  const out: string[] = [];
  const dropped: string[] = [];
  for (const p of parts) {
    const k = foldKey(p) || p;
    if (seen.has(k) || isPlaceholder(p)) dropped.push(p);
    else {
      seen.add(k);
      out.push(p);
    }
  }
  if (dropped.length === 0) return plain(out);
  return {
    value: out,
    changes: [change('list.duplicate-removed', text, out.join(', '), {
      vi: `Bỏ giá trị lặp hoặc trống: ${dropped.join(', ')}.`,
      en: `Dropped repeated or empty values: ${dropped.join(', ')}.`,
    })],
    issues: [],
  };
}
