import type { MergeRange, SourceRow } from '../source';
import { columnLetter } from './names';

/**
 * Merged cells from the header row down: Excel keeps the value only in the top-left cell, but every row the range
 * covers means it (a group name merged over five contacts), so the value is copied into each covered cell.
 * Ranges above the header (titles) are left alone.
 */
export function fillMerges(rows: (SourceRow | undefined)[], merges: MergeRange[], headerIdx: number): { ranges: number; cells: number; sample: string } {
  let ranges = 0;
  let cells = 0;
  const samples: string[] = [];
  for (const m of merges) {
    if (m.s.r < headerIdx || m.s.r >= rows.length) continue;
    const top = rows[m.s.r];
    const text = top?.texts[m.s.c] ?? '';
    if (text === '') continue;
    const raw = top?.raw?.[m.s.c];
    const kind = top?.kinds?.[m.s.c];
    ranges++;
    if (samples.length < 3) samples.push(`${columnLetter(m.s.c)}${m.s.r + 1}:${columnLetter(m.e.c)}${m.e.r + 1}`);
    for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) {
      const row = (rows[r] ??= { texts: [] });
      for (let c = m.s.c; c <= m.e.c; c++) {
        if (r === m.s.r && c === m.s.c) continue;
        while (row.texts.length <= c) row.texts.push('');
        row.texts[c] = text;
        if (raw !== undefined) (row.raw ??= [])[c] = raw;
        if (kind !== undefined || row.kinds) {
          if (!row.kinds) row.kinds = row.texts.map((t) => (t === '' ? 'empty' : 'text'));
          while (row.kinds.length <= c) row.kinds.push('empty');
          row.kinds[c] = kind ?? 'text';
        }
        cells++;
      }
    }
  }
  return { ranges, cells, sample: samples.join(', ') };
}
