/**
 * The worker's "keep the original" on one cell (with undo/redo through the edit history, the changed count, the
 * grid rows, the "Clean only" export and the plan) and its preview of duplicate groups, on the real messy workbook.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { MESSY_ROWS, writeMessyWorkbook } from '../../../test/fixtures/messy';
import { Pipeline } from './pipeline';

const PHONE = 2;
const EMAIL = 3;
/** Row 7: ALL CAPS name, old 11-digit mobile, gmial.com typo — three switchable changes and no other. */
const caps = MESSY_ROWS.find((r) => /ALL CAPS/.test(r.why))!;
const dup = MESSY_ROWS.find((r) => r.expect.outcome === 'duplicate')!;

describe('keeping a cell as typed, and previewing duplicate groups, in the worker', () => {
  let dir: string;
  let bytes: ArrayBuffer;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'omi-keep-'));
    const file = join(dir, 'messy.xlsx');
    writeMessyWorkbook(file);
    const buf = readFileSync(file);
    bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function prepared(policy: 'keep-first' | 'merge' = 'keep-first') {
    const p = new Pipeline();
    await p.open(bytes.slice(0), 'messy.xlsx');
    const { mappings } = p.suggestMapping({ layout: [], funnels: [] }, []);
    const summary = p.prepare(mappings, policy, []);
    return { p, mappings, summary };
  }
  const rowOf = (p: Pipeline, sheetRow: number) => p.rows(0, 1000).find((r) => r.rowNumber === sheetRow)!;
  const cleanCsv = (p: Pipeline) => {
    const wb = XLSX.read(new Uint8Array(p.cleanExport('csv')), { type: 'array', raw: true });
    return XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets[wb.SheetNames[0]], { raw: false, defval: '' });
  };

  it('keeps one phone as typed: unmarked, refused with a reason, not sent, original in the clean file; undo and redo', async () => {
    const { p, summary } = await prepared();
    const t = rowOf(p, caps.sheetRow).rowIndex;
    expect(rowOf(p, caps.sheetRow).changes.map((c) => c.code)).toContain('phone.2018-conversion');
    const other = MESSY_ROWS.find((r) => r !== caps && /11-digit/.test(r.why))!;

    let s = p.keepOriginal(t, PHONE, 'phone.2018-conversion', true);
    let row = rowOf(p, caps.sheetRow);
    expect(row.changes.filter((c) => c.column === PHONE)).toEqual([]);
    expect(row.kept).toEqual([{ column: PHONE, codes: ['phone.2018-conversion'] }]);
    expect(row.issues.filter((i) => i.column === PHONE).map((i) => i.code)).toEqual(['phone.invalid', 'cell.kept-original']);
    expect(s.canUndo).toBe(true);
    // The rest of the file still gets the conversion.
    expect(rowOf(p, other.sheetRow).changes.map((c) => c.code)).toContain('phone.2018-conversion');
    expect(cleanCsv(p).find((r) => r['STT'] === caps.table[0])?.['SĐT']).toBe('01662345678');
    const sent = p.plan('create', { chunkSize: 50, concurrency: 1, maxRetries: 0 }).rows.find((r) => r.rowNumber === caps.sheetRow)!;
    expect(sent.contact.phones ?? []).toEqual([]);

    s = p.undo();
    row = rowOf(p, caps.sheetRow);
    expect(row.kept).toBeUndefined();
    expect(row.changes.find((c) => c.column === PHONE)?.after).toBe(caps.expect.phones![0]);
    expect(cleanCsv(p).find((r) => r['STT'] === caps.table[0])?.['SĐT']).toBe(caps.expect.phones![0]);
    expect(s.counts).toEqual(summary.counts);
    p.redo();
    expect(rowOf(p, caps.sheetRow).kept).toEqual([{ column: PHONE, codes: ['phone.2018-conversion'] }]);
  });

  it('the count of changed rows follows; a change that cannot be turned off is refused with a sentence', async () => {
    const { p, summary } = await prepared();
    const t = rowOf(p, caps.sheetRow).rowIndex;
    p.keepOriginal(t, 1, 'name.title-case', true);
    p.keepOriginal(t, PHONE, 'phone.2018-conversion', true);
    const s = p.keepOriginal(t, EMAIL, 'email.typo-fixed', true);
    expect(rowOf(p, caps.sheetRow).changes).toEqual([]);
    expect(s.counts.changed).toBe(summary.counts.changed - 1);
    expect(p.setFilter('changed').viewCount).toBe(summary.counts.changed - 1);
    expect(() => p.keepOriginal(t, PHONE, 'phone.format', true)).toThrow(/Edit the cell/);
    // Turning it back on is the opposite step.
    p.keepOriginal(t, 1, 'name.title-case', false);
    expect(rowOf(p, caps.sheetRow).changes.map((c) => c.code)).toEqual(['name.title-case']);
  });

  it('typing a new value into a kept cell drops the keep; undo brings both back', async () => {
    const { p } = await prepared();
    const t = rowOf(p, caps.sheetRow).rowIndex;
    p.keepOriginal(t, PHONE, 'phone.2018-conversion', true);
    p.edit(t, PHONE, '0166 234 5678');
    expect(rowOf(p, caps.sheetRow).kept).toBeUndefined();
    expect(rowOf(p, caps.sheetRow).changes.map((c) => c.code)).toContain('phone.2018-conversion');
    p.undo();
    expect(rowOf(p, caps.sheetRow)).toMatchObject({ cells: expect.arrayContaining(['01662345678']), kept: [{ column: PHONE, codes: ['phone.2018-conversion'] }] });
  });

  it('keeps a whole column as typed in one undoable step', async () => {
    const { p } = await prepared();
    const withSwitchable = p.rows(0, 1000).filter((r) => r.changes.some((c) => c.column === PHONE && ['phone.leading-zero', 'phone.2018-conversion'].includes(c.code))).length;
    expect(withSwitchable).toBeGreaterThan(1);
    const s = p.keepColumn(PHONE);
    expect(s.touched).toBe(withSwitchable);
    expect(p.rows(0, 1000).some((r) => r.changes.some((c) => c.column === PHONE && ['phone.leading-zero', 'phone.2018-conversion'].includes(c.code)))).toBe(false);
    // Other kinds of change in that column (spaces removed, +84) stay: the values could not be sent without them.
    expect(p.rows(0, 1000).some((r) => r.changes.some((c) => c.code === 'phone.format'))).toBe(true);
    p.undo();
    expect(p.rows(0, 1000).filter((r) => r.changes.some((c) => c.code === 'phone.2018-conversion')).length).toBeGreaterThan(0);
  });

  it('previews a duplicate group under each policy; the merged contact is the one the plan sends', async () => {
    const { p, mappings } = await prepared();
    // One group for the repeated contact (not one per shared value), in words.
    expect(p.duplicates(10).map((g) => [g.rowNumbers, g.title])).toEqual([[[dup.expect.duplicateOf, dup.sheetRow], {
      vi: 'Cùng số điện thoại 0912 345 678 và email an.nguyen@gmail.com', en: 'Same phone 0912 345 678 and email an.nguyen@gmail.com',
    }]]);
    // Give the repeated row a second email, so merging has something to bring from it.
    p.edit(rowOf(p, dup.sheetRow).rowIndex, EMAIL, 'an.nguyen@company.vn');
    const listed = p.duplicates(10);
    expect(listed.map((g) => g.title?.en)).toEqual(['Same phone 0912 345 678']);
    const key = listed[0].key;
    const first = p.duplicatePreview(key, 20)!;
    expect(first.rowNumbers).toEqual([dup.expect.duplicateOf, dup.sheetRow]);
    expect(first.members.map((m) => [m.rowNumber, m.outcome])).toEqual([[dup.expect.duplicateOf, 'sent'], [dup.sheetRow, 'skipped']]);
    expect(first.members[1].reason?.en).toMatch(new RegExp(`Duplicate of row ${dup.expect.duplicateOf}`));
    expect(first.members[1].contact.emails?.map((e) => e.data)).toEqual(['an.nguyen@company.vn']);

    p.prepare(mappings, 'merge', []);
    const merged = p.duplicatePreview(p.duplicates(10).find((g) => g.rowNumbers.includes(dup.sheetRow))!.key, 20)!;
    expect(merged.stale).toBe(false);
    expect(merged.members.map((m) => m.outcome)).toEqual(['merged', 'skipped']);
    expect(merged.merged?.contact.emails?.map((e) => e.data)).toEqual(['an.nguyen@gmail.com', 'an.nguyen@company.vn']);
    expect(merged.merged?.from).toContainEqual({ field: 'emails', value: 'an.nguyen@company.vn', rowNumber: dup.sheetRow });
    const planned = p.plan('create', { chunkSize: 50, concurrency: 1, maxRetries: 0 }).rows.find((r) => r.rowNumber === dup.expect.duplicateOf)!;
    expect({ ...planned.contact, refId: undefined }).toEqual({ ...merged.merged!.contact, refId: undefined });

    // An edit after the check: the group is worked out again, and the plan sends what the rows now hold.
    const plannedKeeper = () => p.plan('create', { chunkSize: 50, concurrency: 1, maxRetries: 0 }).rows.find((r) => r.rowNumber === dup.expect.duplicateOf)!;
    p.edit(rowOf(p, dup.sheetRow).rowIndex, 8, 'Gặp ở hội chợ');
    const again = p.duplicatePreview(merged.key, 20)!;
    expect(again.stale).toBe(false);
    expect(again.merged?.contact.note).toBe('Gặp ở hội chợ');
    expect(plannedKeeper().contact.note).toBe('Gặp ở hội chợ');
    // The repeated row made unique: no group any more, both rows sent, each with its own values.
    p.edit(rowOf(p, dup.sheetRow).rowIndex, PHONE, '0977 000 111');
    const s = p.edit(rowOf(p, dup.sheetRow).rowIndex, EMAIL, 'someone.else@gmail.com');
    expect(s.duplicateGroups).toBe(0);
    expect(rowOf(p, dup.sheetRow).status).toBe('valid');
    expect(plannedKeeper().contact.emails?.map((e) => e.data)).toEqual(['an.nguyen@gmail.com']);
    expect(p.plan('create', { chunkSize: 50, concurrency: 1, maxRetries: 0 }).rows.some((r) => r.rowNumber === dup.sheetRow)).toBe(true);
    p.undo();
    p.undo();
    expect(p.duplicatePreview(merged.key, 20)?.merged?.contact.note).toBe('Gặp ở hội chợ');
    expect(p.duplicatePreview('phone:0000000000', 20)).toBeNull();
  });

  it('a row typed into a group joins it at once, and leaves it on undo', async () => {
    const { p, summary } = await prepared();
    const other = MESSY_ROWS.find((r) => r.expect.outcome === 'import' && r.sheetRow > dup.expect.duplicateOf! && r.sheetRow !== dup.sheetRow && r.expect.phones?.length)!;
    const s = p.edit(rowOf(p, other.sheetRow).rowIndex, PHONE, '0912 345 678');
    expect(rowOf(p, other.sheetRow)).toMatchObject({ status: 'duplicate', duplicateOf: dup.expect.duplicateOf });
    expect(s.counts.duplicates).toBe(summary.counts.duplicates + 1);
    const joined = p.duplicates(10).find((g) => g.key === 'phone:0912345678');
    expect(joined?.rowNumbers).toEqual([dup.expect.duplicateOf!, other.sheetRow, dup.sheetRow].sort((a, b) => a - b));
    // Still one group for the contact, titled with every value its rows share.
    expect(p.duplicates(10).filter((g) => g.rowNumbers.includes(dup.sheetRow))).toHaveLength(1);
    expect(joined?.title?.en).toBe('Same phone 0912 345 678 and email an.nguyen@gmail.com');
    const back = p.undo();
    expect(rowOf(p, other.sheetRow).status).toBe('valid');
    expect(back.counts).toEqual(summary.counts);
    expect(back.duplicateGroups).toBe(summary.duplicateGroups);
  });

  it('shows only one group\'s rows in the grid, then every row again', async () => {
    const { p, summary } = await prepared();
    const g = p.duplicates(1)[0];
    expect(p.setFilter('all', undefined, g.rowNumbers).viewCount).toBe(g.rowNumbers.length);
    expect(p.rows(0, 10).map((r) => r.rowNumber)).toEqual(g.rowNumbers);
    expect(p.setFilter('all').viewCount).toBe(summary.counts.total);
  });
});
