/**
 * "Keep the original" on one cell (PrepareOptions.keepOriginal): that cell keeps its value as typed for the chosen
 * change, every other cell of the file still gets it, and turning it back on gives the row it had before. Checked on
 * a real .xlsx of random messy-looking rows, with fast-check picking the cell and the change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import { isSwitchable, SWITCHABLE_CHANGES } from '../../shared/prepare/keep';
import { prepareRow, prepareTable } from '../../shared/prepare/prepare';
import type { PrepareOptions } from '../../shared/prepare/types';
import { SANDBOX_FUNNELS, SANDBOX_LAYOUT } from '../mapping/account';
import { sheetTable, type Cell } from './sheet';

const dir = mkdtempSync(join(tmpdir(), 'keep-original-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const catalog = buildTargetCatalog(SANDBOX_LAYOUT, SANDBOX_FUNNELS);

const HEADERS = ['Họ tên', 'SĐT', 'Máy bàn', 'Email', 'Ghi chú'];
const name = fc.constantFrom('NGUYỄN thị ánh', 'lê hoàng long', 'Trần Văn B', '  phạm  thu hà ', 'N/A', '');
const phone = fc.constantFrom<Cell>('0912345678', '0912 345 678', '+84 912 345 680', '01662345678', '0123 456 7890', '912345679', 912345679, '12345', '0903123456 / 01662345679', '');
const landline = fc.constantFrom<Cell>('04 3826 1234', '(028) 3823 4567', '0438265555', '');
const email = fc.constantFrom('an@gmail.com', 'AN@GMIAL.COM', 'ngoc.tran@gmial.com', 'x@', ' Long.Le@Gmail.com', '');
const rows = fc.sample(fc.tuple(name, phone, landline, email, fc.constantFrom('', 'ghi chú')), { numRuns: 120, seed: 20261129 });

const table = sheetTable(dir, 'keep.xlsx', [HEADERS, ...rows]);
const mapping = autoMap(table, catalog);
const base: PrepareOptions = { duplicatePolicy: 'keep-first' };
const all = table.rows.map((_r, i) => prepareRow(table, i, mapping, catalog, base));
/** Every switchable change made anywhere in the file: [row index, column, code]. */
const switchable = all.flatMap((r, i) => r.changes.filter((c) => isSwitchable(c.code)).map((c) => [i, c.column, c.code] as const));

describe('keeping one cell as typed', () => {
  it('maps the header as expected and the file has every switchable change in it', () => {
    expect(mapping.map((m) => m.target)).toEqual(['fullName', 'phones', 'phones', 'emails', 'note']);
    expect(new Set(switchable.map(([, , code]) => code))).toEqual(SWITCHABLE_CHANGES);
  });

  it('takes that change off that cell only; the rest of the row and of the file is untouched', () => {
    fc.assert(fc.property(fc.constantFrom(...switchable), ([i, column, code]) => {
      const keepOriginal = [{ rowNumber: table.rows[i].rowNumber, column, codes: [code] }];
      const kept = prepareTable(table, mapping, catalog, { ...base, keepOriginal });
      const fresh = prepareTable(table, mapping, catalog, base);
      const row = kept.rows[i];
      expect(row.changes.some((c) => c.column === column && c.code === code)).toBe(false);
      // Other columns of the row: the same changes and issues as without the keep.
      const elsewhere = <T extends { column: number | null }>(xs: T[]) => xs.filter((x) => x.column !== column);
      expect(elsewhere(row.changes)).toEqual(elsewhere(fresh.rows[i].changes));
      expect(elsewhere(row.issues).filter((x) => x.column !== null)).toEqual(elsewhere(fresh.rows[i].issues).filter((x) => x.column !== null));
      // Other rows: exactly as before (their duplicate findings may follow the kept row's new value, so compare fresh rows).
      for (let j = 0; j < table.rows.length; j++) {
        if (j !== i) expect(prepareRow(table, j, mapping, catalog, { ...base, keepOriginal })).toEqual(all[j]);
      }
    }), { numRuns: 12, seed: 1 });
  });

  it('turning it off again gives back the same row (and the table and the single-row path agree)', () => {
    fc.assert(fc.property(fc.subarray([...switchable], { minLength: 1, maxLength: 6 }), (picks) => {
      const keepOriginal = picks.map(([i, column, code]) => ({ rowNumber: table.rows[i].rowNumber, column, codes: [code] }));
      const on = prepareTable(table, mapping, catalog, { ...base, keepOriginal });
      for (const [i] of picks) expect(prepareRow(table, i, mapping, catalog, { ...base, keepOriginal })).toMatchObject({ changes: on.rows[i].changes, contact: on.rows[i].contact });
      const off = prepareTable(table, mapping, catalog, { ...base, keepOriginal: [] });
      expect(off).toEqual(prepareTable(table, mapping, catalog, base));
    }), { numRuns: 15, seed: 2 });
  });

  it('a change that cannot be turned off is still made (the value could not be sent otherwise)', () => {
    const i = all.findIndex((r) => r.changes.some((c) => c.code === 'phone.format'));
    const column = all[i].changes.find((c) => c.code === 'phone.format')!.column;
    const r = prepareRow(table, i, mapping, catalog, { ...base, keepOriginal: [{ rowNumber: table.rows[i].rowNumber, column, codes: ['phone.format'] }] });
    expect(r).toEqual(all[i]);
  });

  it('an 11-digit phone kept as typed is left out, and the cell says why', () => {
    const i = table.rows.findIndex((r) => r.cells[1] === '01662345678');
    expect(all[i].contact.phones?.map((p) => p.data)).toContain('0362345678');
    const r = prepareRow(table, i, mapping, catalog, { ...base, keepOriginal: [{ rowNumber: table.rows[i].rowNumber, column: 1, codes: ['phone.2018-conversion'] }] });
    expect(r.contact.phones?.map((p) => p.data) ?? []).not.toContain('0362345678');
    expect(r.contact.phones?.map((p) => p.data) ?? []).not.toContain('01662345678');
    const why = r.issues.filter((x) => x.column === 1).map((x) => x.code);
    expect(why).toEqual(['phone.invalid', 'cell.kept-original']);
    expect(r.issues.find((x) => x.code === 'cell.kept-original')!.message.en).toMatch(/2018.*left out/);
  });

  it('a name kept as typed is sent as typed, and the whole-file switch still works beside it', () => {
    const i = table.rows.findIndex((r) => r.cells[0] === 'NGUYỄN thị ánh');
    const keepOriginal = [{ rowNumber: table.rows[i].rowNumber, column: 0, codes: ['name.title-case'] }];
    expect(prepareRow(table, i, mapping, catalog, { ...base, keepOriginal }).contact.fullName).toBe('NGUYỄN thị ánh');
    const j = table.rows.findIndex((r, k) => k !== i && r.cells[0] === 'lê hoàng long');
    expect(prepareRow(table, j, mapping, catalog, { ...base, keepOriginal }).contact.fullName).toBe('Lê Hoàng Long');
    // Turned off for the whole file: the kept cell's own set still holds it.
    const both = { ...base, keepOriginal: [{ rowNumber: table.rows[i].rowNumber, column: 1, codes: ['phone.leading-zero'] }], disabledChanges: ['name.title-case'] };
    expect(prepareRow(table, i, mapping, catalog, both).contact.fullName).toBe('NGUYỄN thị ánh');
    expect(prepareRow(table, j, mapping, catalog, both).contact.fullName).toBe('lê hoàng long');
  });
});
