import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';

// The public csv-spectrum corpus: each csvs/<name>.csv has json/<name>.json, an array of { header: value } objects.
const root = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
/** Where the corpus's JSON disagrees with its own CSV (upstream defect): the value the CSV really holds. */
const ERRATA: Record<string, { row: number; key: string; csvValue: string }> = {
  location_coordinates: { row: 0, key: 'Contact Phone Number', csvValue: '2095257564' },
};
const names = readdirSync(join(root, 'csvs')).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4));

describe('csv-spectrum', () => {
  it('has its corpus installed', () => expect(names.length).toBeGreaterThanOrEqual(12));

  for (const name of names) {
    it(name, () => {
      const json = JSON.parse(readFileSync(join(root, 'json', `${name}.json`), 'utf8')) as Record<string, string>[] | Record<string, string>;
      const expected = Array.isArray(json) ? json : [json];
      const fix = ERRATA[name];
      if (fix) expected[fix.row][fix.key] = fix.csvValue;
      const { table } = ingest(new Uint8Array(readFileSync(join(root, 'csvs', `${name}.csv`))), `${name}.csv`);
      const got = table.rows.map((r) => Object.fromEntries(table.columns.map((c) => [c.header, r.cells[c.index]])));
      // Ingest trims the edges of cells (spaces, invisible characters); the corpus has none that matter.
      expect(got).toEqual(expected.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.trim()]))));
      expect(table.headerRow).toBe(1);
    });
  }
});
