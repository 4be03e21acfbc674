import { describe, expect, it } from 'vitest';
import { buildSummary, exitCodeFor, formatSummary } from './summary';

const base = {
  file: 'leads.xlsx', sheet: 'Khách', headerRow: 2,
  mapping: { 'Họ tên': 'fullName', 'SĐT': 'phones', 'Ghi chú lạ': 'ignore' },
  prepared: { counts: { total: 10, valid: 8, invalid: 1, duplicates: 1, warnings: 0, changed: 3 } },
  reportPath: null, journalPath: '/j.jsonl', durationMs: 1234.4,
};

describe('buildSummary', () => {
  it('has exactly the documented keys', () => {
    const s = buildSummary({ ...base, result: { counts: { total: 8, created: 7, updated: 0, skipped: 0, failed: 1 }, cancelled: false }, sent: 8 });
    expect(Object.keys(s)).toEqual(['file', 'sheet', 'headerRow', 'mapping', 'rows', 'reportPath', 'journalPath', 'durationMs']);
    expect(Object.keys(s.rows)).toEqual(['total', 'valid', 'invalid', 'duplicates', 'sent', 'created', 'updated', 'skipped', 'failed']);
    expect(s.mapping).toEqual({ 'Họ tên': 'fullName', 'SĐT': 'phones', 'Ghi chú lạ': 'ignore' });
    expect(s.rows).toEqual({ total: 10, valid: 8, invalid: 1, duplicates: 1, sent: 8, created: 7, updated: 0, skipped: 0, failed: 1 });
    expect(s.durationMs).toBe(1234);
  });
});

describe('exitCodeFor', () => {
  const clean = { ...base, prepared: { counts: { ...base.prepared.counts, invalid: 0, valid: 9 } } };
  it('is 0 only when every valid row landed', () => {
    const ok = buildSummary({ ...clean, result: { counts: { total: 9, created: 5, updated: 0, skipped: 4, failed: 0 }, cancelled: false } });
    expect(exitCodeFor(ok, false, false)).toBe(0);
    const short = buildSummary({ ...clean, result: { counts: { total: 9, created: 5, updated: 0, skipped: 0, failed: 0 }, cancelled: false } });
    expect(exitCodeFor(short, false, false)).toBe(1);
    expect(exitCodeFor(ok, false, true)).toBe(1);
  });
  it('is 1 when a row failed or was invalid, also in a dry run', () => {
    const failed = buildSummary({ ...clean, result: { counts: { total: 9, created: 8, updated: 0, skipped: 0, failed: 1 }, cancelled: false } });
    expect(exitCodeFor(failed, false, false)).toBe(1);
    expect(exitCodeFor(buildSummary(base), true, false)).toBe(1);
    expect(exitCodeFor(buildSummary(clean), true, false)).toBe(0);
  });
});

describe('formatSummary', () => {
  it('says a dry run sent nothing', () => {
    const text = formatSummary(buildSummary(base), true);
    expect(text).toContain('Dry run done (nothing sent)');
    expect(text).not.toContain('sent 0');
  });
});
