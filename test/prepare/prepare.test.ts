import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import type { ColumnMapping } from '../../shared/mapping/types';
import { toContactInput, toUpdateBody } from '../../shared/prepare/payload';
import { applyDuplicates, prepareRow, prepareTable } from '../../shared/prepare/prepare';
import type { PreparedRow } from '../../shared/prepare/types';
import { validateContact } from '../../shared/validate/contact';
import { isUserError } from '../../shared/text';
import { SANDBOX_FUNNELS, SANDBOX_LAYOUT } from '../mapping/account';
import { sheetTable } from './sheet';

const dir = mkdtempSync(join(tmpdir(), 'prepare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const catalog = buildTargetCatalog(SANDBOX_LAYOUT, SANDBOX_FUNNELS);
const P = (data: string, type = 'personal', valueType = 'Cá nhân') => ({ data, type, valueType });

// Sheet rows 2..7. Row 2 is invalid (its name is too long) but shares row 3's phone: it must not be the one kept.
const DUP_ROWS = [
  ['Mã KH', 'Họ tên', 'SĐT', 'Email', 'Thẻ'],
  ['KH0', 'A'.repeat(300), '0912 345 678', '', ''],
  ['KH1', 'Nguyễn Văn An', '0912345678', 'an@gmail.com', 'VIP'],
  ['KH2', 'Nguyen Van An', '+84 912 345 678', 'an.work@company.vn', 'Lead'],
  ['KH3', 'An Nguyễn', '0987654321', 'an.work@company.vn', 'VIP, Sự kiện'],
  ['KH4', 'Trần Thị Bình', '0903123456', 'binh@gmail.com', ''],
  ['KH4', 'Trần Bình', '0868123456', '', ''],
];

describe('duplicates inside the file', () => {
  const table = sheetTable(dir, 'dups.xlsx', DUP_ROWS);
  const mapping = autoMap(table, catalog);

  it('groups rows by shared phone, email or refId, and keeps the first valid one', () => {
    const t = prepareTable(table, mapping, catalog, { duplicatePolicy: 'keep-first' });
    // Rows 3-4 share a phone and 4-5 an email: one contact, one group of three.
    expect(t.duplicates).toEqual([
      { key: 'phone:0912345678', keys: ['phone:0912345678', 'email:an.work@company.vn'], rowNumbers: [3, 4, 5] },
      { key: 'refId:KH4', keys: ['refId:KH4'], rowNumbers: [6, 7] },
    ]);
    expect(t.rows.map((r) => [r.rowNumber, r.status, r.duplicateOf])).toEqual([
      [2, 'invalid', undefined], [3, 'valid', undefined], [4, 'duplicate', 3], [5, 'duplicate', 3], [6, 'valid', undefined], [7, 'duplicate', 6],
    ]);
    expect(t.rows[0].issues.map((i) => [i.code, i.column])).toEqual([['text.too-long', 1]]);
    expect(t.rows[3].issues.at(-1)?.message.vi).toContain('dòng 3');
    // The reason in words: what row 4 shares with row 3, and row 5 reached only through row 4.
    expect(t.rows[2].issues.at(-1)?.message).toEqual({
      vi: 'Trùng với dòng 3 (cùng số điện thoại 0912 345 678); chỉ giữ dòng đầu tiên.',
      en: 'Same contact as row 3 (same phone 0912 345 678); only the first row is kept.',
    });
    expect(t.rows[3].issues.at(-1)?.message).toEqual({
      vi: 'Trùng với dòng 3 (qua dòng 4: cùng email an.work@company.vn); chỉ giữ dòng đầu tiên.',
      en: 'Same contact as row 3 (through row 4: same email an.work@company.vn); only the first row is kept.',
    });
    expect(t.rows[5].issues.at(-1)?.message.vi).toBe('Trùng với dòng 6 (cùng mã khách hàng (refId) KH4); chỉ giữ dòng đầu tiên.');
    expect(t.rows[1].contact.phones).toEqual([P('0912345678')]);
    expect(t.counts).toMatchObject({ total: 6, valid: 2, invalid: 1, duplicates: 3 });
  });

  it('merge: the kept row takes the union of phones, emails and tags', () => {
    const t = prepareTable(table, mapping, catalog, { duplicatePolicy: 'merge' });
    const kept = t.rows[1];
    expect(toContactInput(kept)).toEqual({
      refId: 'KH1', fullName: 'Nguyễn Văn An',
      phones: [P('0912345678'), P('0987654321')],
      emails: [P('an@gmail.com'), P('an.work@company.vn')],
      tags: ['VIP', 'Lead', 'Sự kiện'],
    });
    expect(kept.issues.map((i) => i.code)).toEqual(['duplicate.merged']);
    expect(t.rows[2]).toMatchObject({ status: 'duplicate', duplicateOf: 3 });
    expect(toContactInput(t.rows[4])).toMatchObject({ refId: 'KH4', phones: [P('0903123456'), P('0868123456')] });
  });

  it('keep-all: every row goes, each warned about the rows it resembles', () => {
    const t = prepareTable(table, mapping, catalog, { duplicatePolicy: 'keep-all' });
    expect(t.rows.map((r) => r.status)).toEqual(['invalid', 'valid', 'valid', 'valid', 'valid', 'valid']);
    expect(t.rows.every((r) => r.duplicateOf === undefined)).toBe(true);
    expect(t.rows[2].issues.map((i) => i.code)).toEqual(['duplicate.possible']);
    expect(t.rows[2].issues[0].message.en).toContain('row 3, 5');
  });

  it('after an edit, re-preparing one row and re-running duplicates gives the new groups', () => {
    const fresh = table.rows.map((_, i) => prepareRow(table, i, mapping, catalog, { duplicatePolicy: 'keep-first' }));
    const before = applyDuplicates(fresh, 'keep-first');
    expect(before.rows[2].duplicateOf).toBe(3);
    // The person fixes row 4: it is someone else.
    table.rows[2].cells[2] = '0977 111 222';
    table.rows[2].cells[3] = 'other@company.vn';
    fresh[2] = prepareRow(table, 2, mapping, catalog, { duplicatePolicy: 'keep-first' });
    const after = applyDuplicates(fresh, 'keep-first');
    expect(after.rows.map((r) => r.status)).toEqual(['invalid', 'valid', 'valid', 'valid', 'valid', 'duplicate']);
    expect(after.duplicates.map((g) => g.key)).toEqual(['refId:KH4']);
    // Inputs were not touched.
    expect(fresh[3].status).toBe('valid');
    expect(before.rows[3].status).toBe('duplicate');
  });
});

describe('one row, every kind of field', () => {
  const rows = [
    ['Họ tên', 'ĐT di động', 'SĐT công ty', 'Điện thoại bàn', 'Email', 'NV phụ trách', 'Ảnh đại diện', 'CMND/CCCD', 'Trạng thái', 'Giới tính', 'Ngày sinh', 'Ngành'],
    ['lê thị HỒNG', 912345678, '(024) 3826 1234', '04 3826 5555', 'HONG@GMAIL.COM; hong.le@company.vn', 'sale1@omicall.com', 'https://cdn.example.vn/h.png', 1090012345, 'Mới > Chưa gọi', 'Nữ', { date: '1990-03-15' }, 'Giáo dục; giáo dục | Y tế'],
    ['', '', '', '', '', 'not-an-email', 'ftp://x', '', 'Khách VIP', 'Bà', 'không nhớ', ''],
  ];
  const table = sheetTable(dir, 'kinds.xlsx', rows);
  const mapping = autoMap(table, catalog);

  it('maps, cleans and types every value', () => {
    expect(mapping.map((m) => [m.target, m.valueType])).toEqual([
      ['fullName', undefined], ['phones', 'personal'], ['phones', 'office'], ['phones', 'home'], ['emails', 'personal'], ['userOwnerEmail', undefined],
      ['avatarUrl', undefined], ['passport', undefined], ['funnel:f1', undefined], ['gender', undefined], ['dynamic:ngay_sinh', undefined], ['business', undefined],
    ]);
    const r = prepareRow(table, 0, mapping, catalog, { duplicatePolicy: 'keep-first' });
    expect(toContactInput(r)).toEqual({
      fullName: 'Lê Thị Hồng',
      phones: [P('0912345678'), P('02438261234', 'office', 'Công ty'), P('02438265555', 'home', 'Nhà')],
      emails: [P('hong@gmail.com'), P('hong.le@company.vn')],
      userOwnerEmail: 'sale1@omicall.com',
      avatarUrl: 'https://cdn.example.vn/h.png',
      passport: '1090012345',
      filterContacts: [{ id: 'f1', index: 1, secondLevelIndex: 1 }],
      gender: 'female',
      business: ['Giáo dục', 'Y tế'],
    });
    expect(r.dynamic).toEqual([{ fieldCode: 'ngay_sinh', values: [{ data: '1990-03-15', type: '', valueType: '' }] }]);
    expect(r.status).toBe('valid');
    // The landline column converts the old Hà Nội code; the reason says so.
    expect(r.changes.find((c) => c.code === 'phone.2017-area-code')).toMatchObject({ column: 3, before: '0438265555', after: '02438265555' });
  });

  it('bad values are left out with warnings; with no name, phone or email the row is blocked', () => {
    const r = prepareRow(table, 1, mapping, catalog, { duplicatePolicy: 'keep-first' });
    expect(toContactInput(r)).toEqual({});
    // The block sits on the name column (the first of name / phone / email mapped), where a red cell shows it.
    const nameColumn = mapping.find((m) => m.target === 'fullName')!.column;
    expect(r.issues.map((i) => [i.code, i.severity, i.column])).toEqual([
      ['email.invalid', 'warning', 5], ['url.invalid', 'warning', 6], ['funnel.unknown-status', 'warning', 8],
      ['gender.unknown', 'warning', 9], ['date.invalid', 'warning', 10], ['row.no-identity', 'error', nameColumn],
    ]);
    expect(r.status).toBe('invalid');
  });

  it('with none of name, phone or email mapped, the block stays on the row', () => {
    const r = prepareRow(table, 1, mapping.filter((m) => !['fullName', 'phones', 'emails'].includes(m.target)), catalog, { duplicatePolicy: 'keep-first' });
    expect(r.issues.find((i) => i.code === 'row.no-identity')?.column).toBeNull();
  });

  it('a change the person turned off is not made', () => {
    const on = prepareRow(table, 0, mapping, catalog, { duplicatePolicy: 'keep-first' });
    const off = prepareRow(table, 0, mapping, catalog, { duplicatePolicy: 'keep-first', disabledChanges: ['name.title-case'] });
    expect(on.contact.fullName).toBe('Lê Thị Hồng');
    expect(off.contact.fullName).toBe('lê thị HỒNG');
    expect(off.changes.map((c) => c.code)).not.toContain('name.title-case');
  });

  it('old area codes are converted only in a column that says it holds landlines', () => {
    const t = sheetTable(dir, 'landline.xlsx', [['Tên', 'Tel', 'Máy bàn'], ['An', '038 123 4567', '038 123 4567']]);
    const r = prepareRow(t, 0, autoMap(t, catalog), catalog, { duplicatePolicy: 'keep-first' });
    expect(r.contact.phones?.map((p) => p.data)).toEqual(['0381234567', '02381234567']);
  });

  it('an ignored column and an unknown target are skipped', () => {
    const m: ColumnMapping[] = mapping.map((x, i) => (i === 0 ? { ...x, target: 'ignore' } : i === 1 ? { ...x, target: 'dynamic:gone' } : x));
    const r = prepareRow(table, 0, m, catalog, { duplicatePolicy: 'keep-first' });
    expect(r.contact.fullName).toBeUndefined();
    expect(r.contact.phones?.map((p) => p.data)).toEqual(['02438261234', '02438265555']);
  });
});

describe('payload builders', () => {
  const row: PreparedRow = {
    rowNumber: 9, status: 'valid', issues: [], changes: [],
    contact: { refId: 'KH9', refCode: 'C9', refType: 'lead', fullName: 'Võ Thị Sáu', phones: [P('0345678901')], tags: ['VIP'], categories: [], note: '' },
    dynamic: [{ fieldCode: 'nguon_khach', values: [{ data: 'facebook', type: '', valueType: '' }] }],
  };

  it('toContactInput drops empty fields and copies', () => {
    const c = toContactInput(row);
    expect(c).toEqual({ refId: 'KH9', refCode: 'C9', refType: 'lead', fullName: 'Võ Thị Sáu', phones: [P('0345678901')], tags: ['VIP'] });
    c.phones![0].data = 'x';
    expect(row.contact.phones![0].data).toBe('0345678901');
  });

  it('toUpdateBody identifies by refId, else _id; adds and removes names; dynamic values as otherDynamicUpdates', () => {
    expect(toUpdateBody(row, { refId: 'KH9' }, { tagRemoves: ['Lead'], categoriesRemoves: [] })).toEqual({
      refId: 'KH9', fullName: 'Võ Thị Sáu', phones: [P('0345678901')], tags: ['VIP'], tagRemoves: ['Lead'],
      otherDynamicUpdates: [{ fieldCode: 'nguon_khach', values: [{ data: 'facebook', type: '', valueType: '' }] }],
    });
    const byId = toUpdateBody({ ...row, dynamic: [] }, { _id: 'abc123' });
    expect(byId._id).toBe('abc123');
    expect(byId.refId).toBeUndefined();
    expect(byId).not.toHaveProperty('refCode');
    expect(byId).not.toHaveProperty('otherDynamicUpdates');
  });

  it('toUpdateBody without an identity is a UserError naming the row', () => {
    try {
      toUpdateBody(row, {});
      expect.unreachable();
    } catch (e) {
      expect(isUserError(e) && e.code === 'update.no-identity' && e.text.vi.includes('Dòng 9')).toBe(true);
    }
  });
});

describe('validateContact: the last gate before upload', () => {
  it.each([
    [{ gender: 'nam' }, 'gender', 'gender.unknown'],
    [{ phones: [{ data: '0912345678', type: 'mobile', valueType: '' }] }, 'phones', 'value.type'],
    [{ phones: [{ data: '0912-345', type: 'home', valueType: 'Nhà' }] }, 'phones', 'phone.invalid'],
    [{ emails: [{ data: 'x@', type: 'home', valueType: 'Nhà' }] }, 'emails', 'email.invalid'],
    [{ userOwnerEmail: 'sale 1' }, 'userOwnerEmail', 'owner.invalid'],
    [{ avatarUrl: 'ftp://x.vn/a.png' }, 'avatarUrl', 'url.invalid'],
    [{ fullName: 'x'.repeat(256) }, 'fullName', 'text.too-long'],
    [{ passport: '1'.repeat(51) }, 'passport', 'text.too-long'],
    [{ tags: ['VIP', ' '] }, 'tags', 'list.empty'],
  ] as const)('%j is refused (%s, %s)', (contact, field, code) => {
    const found = validateContact(contact as never);
    expect(found.map((f) => [f.field, f.issue.code, f.issue.severity])).toEqual([[field, code, 'error']]);
  });

  it('a clean contact passes', () => {
    expect(validateContact({ fullName: 'An', gender: 'male', phones: [P('0912345678')], emails: [P('a@b.vn')], userOwnerEmail: 's@omicall.com', avatarUrl: 'https://a.vn/x.png', tags: ['VIP'] })).toEqual([]);
  });
});
