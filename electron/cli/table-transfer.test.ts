/**
 * The Table the read worker sends comes back exactly as read: tables read from generated files (the messy
 * workbook, with raw values, kinds, converted legacy text, notes; the messy CSV in Windows-1258, with no kinds)
 * go through pack → structured clone (as postMessage does) → unpack and are strictly equal to the original.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import type { Table } from '../../shared/ingest/types';
import { writeMessyCsv, writeMessyWorkbook } from '../../test/fixtures/messy';
import { packTable, unpackTable } from './table-transfer';

const dir = mkdtempSync(join(tmpdir(), 'omi-transfer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(write: (path: string) => void, name: string): Table {
  const path = join(dir, name);
  write(path);
  return ingest(new Uint8Array(readFileSync(path)), name).table;
}

/** What the receiving thread gets: the packed form cloned, its buffers moved. */
function roundTrip(table: Table): Table {
  const { packed, transfer } = packTable(table);
  return unpackTable(structuredClone(packed, { transfer }));
}

describe('packTable / unpackTable', () => {
  it('gives back the workbook table exactly, raw values and kinds included', () => {
    const table = read((p) => writeMessyWorkbook(p), 'Khách hàng.xlsx');
    // The file has what the codec must carry: numbers and dates with raw values, kinds, converted legacy text.
    expect(table.rows.some((r) => r.raw?.some((v) => typeof v === 'number'))).toBe(true);
    expect(table.rows.some((r) => r.kinds?.includes('date') || r.kinds?.includes('number'))).toBe(true);
    expect(table.columns.some((c) => c.conversion)).toBe(true);
    const copy = structuredClone(table);
    const back = roundTrip(table);
    expect(back).toStrictEqual(copy);
  });

  it('gives back a text file table (no kinds, raw only where legacy text was converted)', () => {
    const table = read((p) => writeMessyCsv(p, { encoding: 'windows-1258' }), 'khach-hang.csv');
    expect(table.rows.every((r) => r.kinds === undefined)).toBe(true);
    const copy = structuredClone(table);
    expect(roundTrip(table)).toStrictEqual(copy);
  });

  it('keeps holes as holes and an explicit undefined as it is', () => {
    const table = read((p) => writeMessyWorkbook(p), 'Khách hàng.xlsx');
    const row = table.rows.find((r) => r.raw)!;
    const width = row.cells.length;
    row.raw = new Array(width);
    row.raw[1] = undefined;
    row.raw[width - 1] = null;
    const back = roundTrip(structuredClone(table)).rows.find((r) => r.rowNumber === row.rowNumber)!;
    expect(back.raw).toHaveLength(width);
    expect(0 in back.raw!).toBe(false);
    expect(1 in back.raw!).toBe(true);
    expect(back.raw![width - 1]).toBeNull();
  });
});
