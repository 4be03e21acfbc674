import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import { autoMap, valueTypeOf } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import type { Table } from '../../shared/ingest/types';
import { HEADER_SETS, SAMPLE_VALUES, type HeaderSet } from './header-sets';
import { SANDBOX_FUNNELS, SANDBOX_LAYOUT } from './account';

const dir = mkdtempSync(join(tmpdir(), 'automap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const catalog = buildTargetCatalog(SANDBOX_LAYOUT, SANDBOX_FUNNELS);

/** Writes the header set as a real file (xlsx, or CSV for every other set) and reads it back through ingest. */
function fileFor(set: HeaderSet, i: number): Table {
  const rows = [set.columns.map((c) => c[0])];
  for (let r = 0; r < 4; r++) rows.push(set.columns.map(([, target, , values]) => (values ?? SAMPLE_VALUES[target] ?? [])[r] ?? ''));
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const name = `set-${i}.${i % 2 ? 'csv' : 'xlsx'}`;
  const path = join(dir, name);
  if (i % 2) writeFileSync(path, '\ufeff' + (XLSX.write(wb, { bookType: 'csv', type: 'string' }) as string), 'utf8');
  else writeFileSync(path, new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer));
  const { table } = ingest(new Uint8Array(readFileSync(path)), name, { headerRow: 1 });
  return table;
}

describe('autoMap on realistic header sets', () => {
  it('has at least 30 of them', () => expect(HEADER_SETS.length).toBeGreaterThanOrEqual(30));

  it.each(HEADER_SETS.map((s, i) => [s.name, s, i] as const))('%s', (_name, set, i) => {
    const table = fileFor(set, i);
    const mapping = autoMap(table, catalog);
    expect(mapping).toHaveLength(set.columns.length);
    const got = mapping.map((m) => [table.columns[m.column].originalHeader, m.target]);
    expect(got).toEqual(set.columns.map(([h, t]) => [h, t]));
    set.columns.forEach(([, , valueType], c) => {
      if (valueType) expect(mapping[c].valueType, `${set.columns[c][0]} type`).toBe(valueType);
    });
    for (const m of mapping) {
      expect(m.confidence).toBeGreaterThanOrEqual(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
      expect(m.reason).toBeTruthy();
      expect(m.why?.vi).toBeTruthy();
      if (m.target !== 'ignore') expect(m.confidence).toBeGreaterThanOrEqual(0.45);
    }
  });
});

describe('autoMap rules', () => {
  it('never gives a single-valued field two columns, and says why the weaker one yields', () => {
    const set = HEADER_SETS.find((s) => s.name === 'two ID columns: the second yields')!;
    const m = autoMap(fileFor(set, 100), catalog);
    expect(m[1].target).toBe('passport');
    expect(m[2].target).toBe('ignore');
    expect(m[2].why?.vi).toContain('Hộ chiếu');
    expect(m[2].reason).toContain('already mapped');
  });

  it('a column of emails under a vague header is emails, with the share as its reason', () => {
    const m = autoMap(fileFor(HEADER_SETS.find((s) => s.name === 'vague header over emails')!, 101), catalog);
    expect(m[1]).toMatchObject({ target: 'emails' });
    expect(m[1].reason).toContain('100% of values are emails');
    expect(m[1].confidence).toBeLessThan(0.9);
  });

  it('a header that agrees with its values is surer than the header alone', () => {
    const agree = autoMap(fileFor({ name: 'a', columns: [['SĐT', 'phones']] }, 102), catalog)[0];
    const disagree = autoMap(fileFor({ name: 'b', columns: [['SĐT', 'phones', undefined, ['abc', 'def', 'ghi', 'jkl']]] }, 103), catalog)[0];
    expect(agree.confidence).toBeGreaterThan(disagree.confidence);
    expect(disagree.reason).toContain('few values look like phone numbers');
  });

  it('a given-name column beside a family-name column is only a weak full name', () => {
    const m = autoMap(fileFor(HEADER_SETS.find((s) => s.name === 'family and given names split')!, 104), catalog);
    expect(m[1].confidence).toBe(0.5);
    expect(m[1].why?.vi).toContain('tách riêng họ và tên');
  });

  it('dynamic attributes and funnels only when the account has them', () => {
    const bare = buildTargetCatalog([], []);
    const m = autoMap(fileFor(HEADER_SETS.find((s) => s.name === 'custom fields by name and code')!, 105), bare);
    expect(m.map((x) => x.target)).toEqual(['fullName', 'jobTitle', 'ignore', 'ignore']);
  });

  it.each([
    ['SĐT công ty', 'office'], ['ĐT cơ quan', 'office'], ['Phone (work)', 'office'], ['SĐT nhà', 'home'], ['Điện thoại nhà riêng', 'home'],
    ['Di động', 'personal'], ['SĐT', 'personal'], ['Email cá nhân', 'personal'], ['Email cty', 'office'],
  ])('valueTypeOf(%j) = %s', (h, t) => expect(valueTypeOf(h)).toBe(t));
});
