import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanList } from './list';

describe('cleanList', () => {
  it.each([
    ['VIP', ['VIP']],
    ['VIP, Sự kiện', ['VIP', 'Sự kiện']],
    ['VIP;Sự kiện', ['VIP', 'Sự kiện']],
    ['VIP / Sự kiện', ['VIP', 'Sự kiện']],
    ['VIP | Sự kiện', ['VIP', 'Sự kiện']],
    ['VIP\nSự kiện', ['VIP', 'Sự kiện']],
    ['  VIP  ,,  Sự   kiện ;', ['VIP', 'Sự kiện']],
    ['VIP, vip, Vip', ['VIP']],
    ['Sự kiện, Su kien', ['Sự kiện']],
    ['Hội thảo 2024, Khách cũ', ['Hội thảo 2024', 'Khách cũ']],
  ])('%j → %j', (cell, want) => {
    expect(cleanList(cell).value).toEqual(want);
  });

  it('records dropped duplicates', () => {
    const r = cleanList('VIP, vip, Lead');
    expect(r.changes).toEqual([expect.objectContaining({ code: 'list.duplicate-removed', after: 'VIP, Lead' })]);
    expect(r.changes[0].reason.vi).toContain('vip');
  });

  it.each(['', ' ', 'N/A', '-'])('%j is an empty list', (cell) => expect(cleanList(cell).value).toEqual([]));

  it('never throws and is idempotent', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom('VIP', 'vip', 'Lead', ' Sự kiện ', 'Su kien', ';', '|', '\n')).map((a) => a.join(','))), (s) => {
      const once = cleanList(s).value;
      for (const x of once) expect(x).toBe(x.trim());
      const twice = cleanList(once.join(', '));
      expect(twice.value).toEqual(once);
      expect(twice.changes).toEqual([]);
    }), { numRuns: 2000 });
  });
});
