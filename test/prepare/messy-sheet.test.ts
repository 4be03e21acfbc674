/**
 * The whole messy workbook (test/fixtures/messy.ts, written to a real .xlsx) → ingest → autoMap → prepareTable
 * must give exactly these ContactInputs. They follow MESSY_ROWS' documented intent, written out by hand, with two
 * deliberate differences explained where they occur:
 * - the "Nhóm" (group) column maps to `categories` (the API's group names), not `tags`;
 * - sheet row 9's second number `0283823456` has 10 digits, which no Vietnamese landline has had since 2017
 *   (028 + 8 digits): it is left out with a warning instead of being sent.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import type { Table } from '../../shared/ingest/types';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import type { ContactInput, DynamicUpdate } from '../../shared/omi/types';
import { toContactInput } from '../../shared/prepare/payload';
import { prepareTable } from '../../shared/prepare/prepare';
import { MESSY_HEADERS, MESSY_ROWS, writeMessyCsv, writeMessyWorkbook } from '../fixtures/messy';
import { SANDBOX_FUNNELS, SANDBOX_LAYOUT } from '../mapping/account';

const P = (data: string) => ({ data, type: 'personal', valueType: 'Cá nhân' });
const E = P;
const dyn = (source?: string, birth?: string): DynamicUpdate[] => [
  ...(source ? [{ fieldCode: 'nguon_khach', values: [{ data: source, type: '', valueType: '' }] }] : []),
  ...(birth ? [{ fieldCode: 'ngay_sinh', values: [{ data: birth, type: '', valueType: '' }] }] : []),
];

interface Want { row: number; status: 'valid' | 'invalid' | 'duplicate'; duplicateOf?: number; contact: ContactInput; dynamic: DynamicUpdate[]; issues?: string[]; changes?: string[] }

const WANT: Want[] = [
  { row: 4, status: 'valid', contact: { fullName: 'Nguyễn Văn An', phones: [P('0912345678')], emails: [E('an.nguyen@gmail.com')], gender: 'male', address: '12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM', jobTitle: 'Giám đốc', categories: ['VIP'] }, dynamic: dyn('facebook', '1985-04-12'), issues: [], changes: [] },
  { row: 5, status: 'valid', contact: { fullName: 'Nguyễn Văn Nam', phones: [P('0912345679')], emails: [E('nam.nguyen@gmail.com')], gender: 'male', address: 'Hà Nội', jobTitle: 'Kế toán' }, dynamic: dyn('su_kien', '1990-03-15'), changes: ['phone.leading-zero', 'email.normalised', 'date.format'] },
  { row: 6, status: 'valid', contact: { fullName: 'Nguyễn Thị Lan', phones: [P('0912345680')], emails: [E('lan.nguyen@yahoo.com')], gender: 'female', address: 'Đà Nẵng', jobTitle: 'Nhân viên', categories: ['Khách mới'] }, dynamic: dyn('facebook', '1992-07-01'), changes: ['phone.format', 'phone.country-code'] },
  { row: 7, status: 'valid', contact: { fullName: 'Trần Thị Bích Ngọc', phones: [P('0362345678')], emails: [E('ngoc.tran@gmail.com')], gender: 'female', address: 'Hải Phòng', categories: ['VIP', 'Khách mới'] }, dynamic: dyn('su_kien'), issues: ['email.typo-fixed'], changes: ['name.title-case', 'phone.2018-conversion', 'email.typo-fixed'] },
  { row: 8, status: 'valid', contact: { fullName: 'Lê Hoàng Long', phones: [P('0987654321')], emails: [E('long.le@gmail.com')], gender: 'male', address: 'Cần Thơ', jobTitle: 'Trưởng phòng' }, dynamic: [], changes: ['name.title-case', 'phone.format', 'email.normalised'] },
  // 0283823456 is not a valid number today (see the note at the top): left out, reported.
  { row: 9, status: 'valid', contact: { fullName: 'Phạm Thu Hà', phones: [P('0903123456')], emails: [E('ha.pham@company.vn')], gender: 'female', address: '45 Nguyễn Huệ, Q.1, TP.HCM', jobTitle: 'Trợ lý', note: 'Gọi giờ hành chính\n(8h-17h) "ưu tiên"' }, dynamic: dyn('facebook', '1995-02-28'), issues: ['phone.invalid'] },
  { row: 10, status: 'valid', contact: { fullName: 'Đỗ Minh Đức', emails: [E('duc.do@gmail.com')], gender: 'male' }, dynamic: [], issues: ['phone.invalid'] },
  { row: 11, status: 'valid', contact: { fullName: 'Vũ Thị Hoa', phones: [P('0934567890')], gender: 'female', address: 'Huế' }, dynamic: dyn('facebook'), issues: ['email.invalid'] },
  { row: 12, status: 'valid', contact: { fullName: 'Hoàng Văn Tùng', phones: [P('0976543210')], emails: [E('tung.hoang@outlook.com')], address: 'Nha Trang', jobTitle: 'Kỹ sư' }, dynamic: dyn('su_kien'), issues: ['gender.unknown'] },
  { row: 13, status: 'valid', contact: { fullName: 'Phạm Minh Tuấn', phones: [P('0398765432')], gender: 'male' }, dynamic: [] },
  { row: 15, status: 'duplicate', duplicateOf: 4, contact: { fullName: 'Nguyễn Văn An', phones: [P('0912345678')], emails: [E('an.nguyen@gmail.com')], gender: 'male' }, dynamic: dyn('facebook'), issues: ['duplicate.of'] },
  { row: 16, status: 'invalid', contact: { note: 'Khách vãng lai, chưa có thông tin' }, dynamic: dyn('su_kien'), issues: ['row.no-identity'] },
  { row: 17, status: 'valid', contact: { fullName: 'Võ Thị Sáu', phones: [P('0345678901')], emails: [E('sau.vo@gmail.com')], gender: 'female', address: 'Vũng Tàu' }, dynamic: dyn('facebook', '1998-12-24') },
  { row: 18, status: 'valid', contact: { fullName: 'Bùi Quang Huy', phones: [P('0912345681')], emails: [E('huy.bui@gmail.com')], gender: 'male', address: 'Biên Hòa' }, dynamic: dyn('su_kien'), changes: ['phone.country-code'] },
  { row: 19, status: 'valid', contact: { fullName: 'Ngô Thanh Tâm', phones: [P('02838234567')], emails: [E('tam.ngo@company.vn')], gender: 'female', address: 'Q.3, TP.HCM', jobTitle: 'Kế toán trưởng' }, dynamic: dyn('su_kien', '1979-09-02') },
  { row: 20, status: 'valid', contact: { fullName: 'Lâm Quốc Bảo', phones: [P('0888123456')], emails: [E('bao.lam@gmail.com')], gender: 'male', address: 'Bình Dương', jobTitle: 'Chủ cửa hàng', categories: ['Đại lý'] }, dynamic: dyn('facebook') },
  { row: 21, status: 'valid', contact: { fullName: 'Đặng Thị Mai', phones: [P('0868123456')], emails: [E('mai.dang@gmail.com')], gender: 'female', address: 'Bình Dương', categories: ['Đại lý'] }, dynamic: dyn('facebook') },
  { row: 22, status: 'valid', contact: { fullName: 'Lý Thị Thu Trang', phones: [P('0707123456')], emails: [E('trang.ly@gmail.com')], gender: 'female', address: 'Đà Lạt' }, dynamic: [] },
  { row: 23, status: 'valid', contact: { fullName: 'Trịnh Công Sơn', phones: [P('0834567890')], emails: [E('son.trinh@gmail.com')], gender: 'male', address: 'Huế', categories: ['VIP'] }, dynamic: dyn('su_kien', '1980-02-28'), changes: ['phone.format', 'phone.2018-conversion', 'date.format'] },
  { row: 24, status: 'valid', contact: { fullName: 'Lê Văn Tám', phones: [P('0812345678')], emails: [E('tam.le@gmail.com')], gender: 'male', address: 'Hà Nội', categories: ['Khách mới'] }, dynamic: dyn('facebook', '2000-01-01') },
];

const dir = mkdtempSync(join(tmpdir(), 'messy-prepare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const catalog = buildTargetCatalog(SANDBOX_LAYOUT, SANDBOX_FUNNELS);

function read(name: string): Table {
  return ingest(new Uint8Array(readFileSync(join(dir, name))), name).table;
}

describe('the messy workbook prepares to the expected contacts', () => {
  let table: Table;
  beforeAll(() => {
    writeMessyWorkbook(join(dir, 'messy.xlsx'));
    table = read('messy.xlsx');
  });

  it('maps every column as a person would', () => {
    const mapping = autoMap(table, catalog);
    expect(mapping.map((m) => [m.header, m.target])).toEqual([
      ['STT', 'ignore'], ['Họ và tên', 'fullName'], ['SĐT', 'phones'], ['Email', 'emails'], ['Giới tính', 'gender'], ['Địa chỉ', 'address'],
      ['Chức vụ', 'jobTitle'], ['Nhóm', 'categories'], ['Ghi chú', 'note'], ['Nguồn khách hàng', 'dynamic:nguon_khach'], ['Ngày sinh', 'dynamic:ngay_sinh'],
    ]);
    expect(mapping.map((m) => m.header)).toEqual([...MESSY_HEADERS]);
  });

  it('every row comes out with the expected contact, dynamic values, status and findings', () => {
    const prepared = prepareTable(table, autoMap(table, catalog), catalog, { duplicatePolicy: 'keep-first' });
    expect(prepared.rows.map((r) => r.rowNumber)).toEqual(MESSY_ROWS.map((r) => r.sheetRow));
    expect(prepared.rows.map((r) => r.rowNumber)).toEqual(WANT.map((w) => w.row));
    for (const [i, w] of WANT.entries()) {
      const r = prepared.rows[i];
      const where = `sheet row ${w.row}`;
      expect(toContactInput(r), where).toEqual(w.contact);
      expect(r.dynamic, where).toEqual(w.dynamic);
      expect(r.status, where).toBe(w.status);
      expect(r.duplicateOf, where).toBe(w.duplicateOf);
      expect(r.issues.map((x) => x.code), where).toEqual(w.issues ?? []);
      if (w.changes) expect(r.changes.map((c) => c.code), where).toEqual(w.changes);
      // MESSY_ROWS' own outcome agrees.
      const m = MESSY_ROWS[i].expect;
      expect(r.status, where).toBe(m.outcome === 'import' ? 'valid' : m.outcome === 'reject' ? 'invalid' : 'duplicate');
    }
    expect(prepared.counts).toEqual({ total: 20, valid: 18, invalid: 1, duplicates: 1, warnings: 6, changed: prepared.rows.filter((r) => r.changes.length).length });
    // One repeated contact is one group, carrying both values its rows share.
    expect(prepared.duplicates).toEqual([{ key: 'phone:0912345678', keys: ['phone:0912345678', 'email:an.nguyen@gmail.com'], rowNumbers: [4, 15] }]);
  });

  it('every change names its column and says before → after in both languages', () => {
    const prepared = prepareTable(table, autoMap(table, catalog), catalog, { duplicatePolicy: 'keep-first' });
    const conv = prepared.rows.find((r) => r.rowNumber === 7)!.changes.find((c) => c.code === 'phone.2018-conversion')!;
    expect(conv).toMatchObject({ column: 2, before: '01662345678', after: '0362345678' });
    for (const r of prepared.rows) {
      for (const c of r.changes) {
        expect(c.reason.vi && c.reason.en).toBeTruthy();
        expect(c.before).not.toBe(c.after);
      }
      for (const i of r.issues) expect(i.message.vi && i.message.en).toBeTruthy();
    }
  });

  it('the CSV export of the same sheet prepares to the same contacts (the merged group cell aside)', () => {
    writeMessyCsv(join(dir, 'messy.csv'));
    const csv = read('messy.csv');
    const prepared = prepareTable(csv, autoMap(csv, catalog), catalog, { duplicatePolicy: 'keep-first' });
    for (const [i, w] of WANT.entries()) {
      const want = { ...w.contact };
      // A CSV holds a merged cell's value once: sheet row 21's group is empty there.
      if (w.row === 21) delete want.categories;
      expect(toContactInput(prepared.rows[i]), `csv row for sheet row ${w.row}`).toEqual(want);
    }
  });
});
