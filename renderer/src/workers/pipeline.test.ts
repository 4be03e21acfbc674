/**
 * The worker's pipeline state on the real messy workbook (written by the fixture generator, read from disk):
 * prepare, filters, in-grid edits with undo/redo, bulk fixes, find & replace, the plan, and both exports.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { MESSY_ROWS, writeMessyWorkbook } from '../../../test/fixtures/messy';
import { Pipeline } from './pipeline';

const noIdentity = MESSY_ROWS.find((r) => r.expect.outcome === 'reject')!;
const capsName = MESSY_ROWS.find((r) => /ALL CAPS/.test(r.why))!;

describe('the pipeline worker state', () => {
  let dir: string;
  let bytes: ArrayBuffer;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'omi-pipeline-'));
    const file = join(dir, 'messy.xlsx');
    writeMessyWorkbook(file);
    const buf = readFileSync(file);
    bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function prepared() {
    const p = new Pipeline();
    const { table } = await p.open(bytes.slice(0), 'messy.xlsx');
    const { mappings } = p.suggestMapping({ layout: [], funnels: [] }, []);
    const summary = p.prepare(mappings, 'keep-first', []);
    return { p, table, mappings, summary };
  }

  function rowIndexOf(p: Pipeline, sheetRow: number): number {
    const rows = p.rows(0, 1000);
    return rows.find((r) => r.rowNumber === sheetRow)!.rowIndex;
  }

  it('finds the contact sheet, its header row, and the one row with no identity', async () => {
    const { table, summary } = await prepared();
    expect(table.sheet).toBe('Khách hàng');
    expect(table.headerRow).toBe(3);
    expect(summary.counts.total).toBe(MESSY_ROWS.length);
    expect(summary.counts.invalid).toBe(1);
    expect(summary.issues.find((i) => i.code === 'row.no-identity')?.count).toBe(1);
  });

  it('follows the duplicate policy: keep-first marks the repeat, keep-all sends both', async () => {
    const { p, mappings } = await prepared();
    const dups = MESSY_ROWS.filter((r) => r.expect.outcome === 'duplicate').length;
    expect(p.prepare(mappings, 'keep-first', []).counts.duplicates).toBe(dups);
    expect(p.duplicates(10).length).toBeGreaterThan(0);
    expect(p.prepare(mappings, 'keep-all', []).counts.duplicates).toBe(0);
  });

  it('turning an automatic change off keeps the original value', async () => {
    const { p, mappings } = await prepared();
    const code = 'phone.2018-conversion';
    const withChange = p.rows(0, 1000).filter((r) => r.changes.some((c) => c.code === code)).length;
    expect(withChange).toBeGreaterThan(0);
    p.prepare(mappings, 'keep-first', [code]);
    expect(p.rows(0, 1000).filter((r) => r.changes.some((c) => c.code === code))).toHaveLength(0);
  });

  it('filters rows by kind and by issue code', async () => {
    const { p } = await prepared();
    expect(p.setFilter('errors').viewCount).toBe(1);
    expect(p.rows(0, 10)[0].rowNumber).toBe(noIdentity.sheetRow);
    expect(p.setFilter('duplicates').viewCount).toBe(MESSY_ROWS.filter((r) => r.expect.outcome === 'duplicate').length);
    expect(p.setFilter('all', 'row.no-identity').viewCount).toBe(1);
    expect(p.setFilter('all').viewCount).toBe(MESSY_ROWS.length);
  });

  it('an edit fixes a row, undo brings the error back, redo fixes it again', async () => {
    const { p } = await prepared();
    const t = rowIndexOf(p, noIdentity.sheetRow);
    let s = p.edit(t, 2, '0903 111 222');
    expect(s.counts.invalid).toBe(0);
    expect(s.canUndo).toBe(true);
    const row = p.rows(0, 1000).find((r) => r.rowIndex === t)!;
    expect(row.status).toBe('valid');
    expect(row.edited).toEqual([2]);
    s = p.undo();
    expect(s.counts.invalid).toBe(1);
    expect(s.canRedo).toBe(true);
    expect(p.rows(0, 1000).find((r) => r.rowIndex === t)!.cells[2]).toBe('');
    s = p.redo();
    expect(s.counts.invalid).toBe(0);
  });

  it('title-cases names in bulk, and one undo reverts the whole fix', async () => {
    const { p } = await prepared();
    const t = rowIndexOf(p, capsName.sheetRow);
    const before = p.rows(0, 1000).find((r) => r.rowIndex === t)!.cells[1];
    const s = p.bulk('title-case');
    expect(s.touched).toBeGreaterThan(0);
    const after = p.rows(0, 1000).find((r) => r.rowIndex === t)!.cells[1];
    expect(after).not.toBe(before);
    expect(after).toBe(capsName.expect.fullName);
    p.undo();
    expect(p.rows(0, 1000).find((r) => r.rowIndex === t)!.cells[1]).toBe(before);
  });

  it('replaces text in one column only, and says how many cells changed', async () => {
    const { p } = await prepared();
    const addresses = MESSY_ROWS.filter((r) => r.table[5].includes('TP.HCM')).length;
    const s = p.findReplace({ find: 'TP.HCM', replace: 'Thành phố Hồ Chí Minh', column: 5, matchCase: true, wholeCell: false }, true).summary!;
    expect(s.touched).toBe(addresses);
    expect(p.rows(0, 1000).filter((r) => r.cells[5].includes('Thành phố Hồ Chí Minh'))).toHaveLength(addresses);
    expect(p.findReplace({ find: 'TP.HCM', replace: 'x', column: 1, matchCase: true, wholeCell: false }, true).summary?.touched ?? 0).toBe(0);
  });

  it('find & replace counts over every row first, then replaces whole gender cells only, as one undo step of user edits', async () => {
    const { p } = await prepared();
    const gender = 4;
    const q = { find: 'Nam', replace: 'Male', column: null, matchCase: false, wholeCell: true };
    // Expected from the fixture itself: cells whose whole (trimmed) text is "nam" in any case, per column.
    const whole = (col: number) => MESSY_ROWS.filter((r) => r.table[col].trim().toLowerCase() === 'nam').length;
    const inside = (col: number) => MESSY_ROWS.filter((r) => r.table[col].toLowerCase().includes('nam')).length;
    expect(whole(gender)).toBeGreaterThan(2);
    expect(inside(1) + inside(3)).toBeGreaterThan(0);
    const preview = p.findReplace(q, false);
    expect(preview).toEqual({ cells: whole(gender), columns: [{ column: gender, cells: whole(gender) }] });
    expect(preview.summary).toBeUndefined();
    expect(p.rows(0, 1000).filter((r) => r.edited.length > 0)).toHaveLength(0);
    // Inside cells, the same words would reach names and emails too: the preview says so per column.
    const loose = p.findReplace({ ...q, wholeCell: false }, false);
    expect(loose.columns).toEqual([1, 3, gender].map((c) => ({ column: c, cells: inside(c) })).filter((c) => c.cells > 0));
    // Diacritics count: "Năm" matches no cell.
    expect(p.findReplace({ ...q, find: 'Năm' }, false).cells).toBe(0);

    const done = p.findReplace(q, true);
    expect(done.summary?.touched).toBe(whole(gender));
    const rows = p.rows(0, 1000);
    expect(rows.map((r) => r.cells[1])).toEqual(MESSY_ROWS.map((r) => r.table[1]));
    expect(rows.map((r) => r.cells[3])).toEqual(MESSY_ROWS.map((r) => r.table[3]));
    const changed = rows.filter((r) => r.edited.includes(gender));
    expect(changed).toHaveLength(whole(gender));
    for (const r of changed) {
      expect(r.cells[gender]).toBe('Male');
      expect(r.editedFrom).toEqual([{ column: gender, before: MESSY_ROWS.find((m) => m.sheetRow === r.rowNumber)!.table[gender] }]);
    }
    p.undo();
    expect(p.rows(0, 1000).map((r) => r.cells[gender])).toEqual(MESSY_ROWS.map((r) => r.table[gender]));
    expect(p.rows(0, 1000).filter((r) => r.edited.length > 0)).toHaveLength(0);
    expect(p.findReplace({ ...q, find: 'no such text' }, true).summary?.canRedo).toBe(true);
  });

  it('a row fixed under the Errors filter stays in view until the filter is chosen again', async () => {
    const { p } = await prepared();
    expect(p.setFilter('errors').viewCount).toBe(1);
    const t = p.rows(0, 1)[0].rowIndex;
    const s = p.edit(t, 2, '0903 111 222');
    expect(s.counts.invalid).toBe(0);
    expect(s.viewCount).toBe(1);
    expect(s.outOfFilter).toBe(1);
    expect(p.rows(0, 1)[0]).toMatchObject({ rowIndex: t, status: 'valid' });
    const again = p.setFilter('errors');
    expect(again.viewCount).toBe(0);
    expect(again.outOfFilter).toBeUndefined();
  });

  it('plans only the valid rows, and re-plans a chosen subset', async () => {
    const { p, summary } = await prepared();
    const plan = p.plan('create', { chunkSize: 50, concurrency: 2, maxRetries: 3 });
    expect(plan.rows).toHaveLength(summary.counts.valid);
    expect(plan.rows.some((r) => r.rowNumber === noIdentity.sheetRow)).toBe(false);
    // The same plan, as the bytes the UI hands to the main process.
    const encoded = p.planEncoded('create', plan.options);
    expect(encoded).toMatchObject({ importId: plan.importId, rowCount: plan.rows.length });
    expect(JSON.parse(new TextDecoder().decode(encoded.bytes))).toEqual(plan);
    const some = plan.rows.slice(0, 2).map((r) => r.rowNumber);
    expect(p.plan('create', plan.options, some).rows.map((r) => r.rowNumber)).toEqual(some);
  });

  it('exports the cleaned table with every row, and the error report with the invalid one', async () => {
    const { p } = await prepared();
    const clean = XLSX.read(new Uint8Array(p.cleanExport('xlsx')));
    const cleanRows = XLSX.utils.sheet_to_json<Record<string, string>>(clean.Sheets[clean.SheetNames[0]], { defval: '' });
    expect(cleanRows).toHaveLength(MESSY_ROWS.length);
    expect(cleanRows.find((r) => r['Họ và tên'] === capsName.expect.fullName)).toBeTruthy();
    const result = { importId: 'x', outcomes: [], counts: { total: 0, created: 0, updated: 0, skipped: 0, failed: 0 }, cancelled: false, durationMs: 0 };
    const csv = new TextDecoder().decode(p.errorReport(result, 'csv'));
    expect(csv).toContain(noIdentity.table[8]);
  });
});
