import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import type { Table } from '../../shared/ingest/types';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import { applyTemplate, matchTemplates, parseTemplateJson, renameTemplate, templateFromMapping, templateToJson } from '../../shared/mapping/templates';
import type { ColumnMapping } from '../../shared/mapping/types';
import { isUserError, type UserError } from '../../shared/text';
import { SANDBOX_FUNNELS, SANDBOX_LAYOUT } from './account';

const dir = mkdtempSync(join(tmpdir(), 'templates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const catalog = buildTargetCatalog(SANDBOX_LAYOUT, SANDBOX_FUNNELS);

function xlsx(name: string, rows: string[][]): Table {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Leads');
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer));
  return ingest(new Uint8Array(readFileSync(path)), name).table;
}

// The weekly event-leads export: same columns every week, sometimes reordered, sometimes with one more.
const WEEK1 = [
  ['Họ tên', 'SĐT', 'Email', 'Nhóm', 'Nguồn', 'Ghi chú'],
  ['Nguyễn Văn An', '0912345678', 'an@gmail.com', 'Hội thảo', 'Sự kiện', 'Quan tâm gói B'],
  ['Trần Thị Bình', '0987654321', 'binh@gmail.com', 'Hội thảo', 'Facebook', ''],
  ['Lê Hoàng Long', '0903123456', 'long@gmail.com', 'Webinar', 'Sự kiện', 'Gọi lại'],
];
const WEEK2 = [
  ['EMAIL', 'ho ten', 'Ghi chú', 'SĐT', 'Nhóm', 'Nguồn', 'Ngày đăng ký'],
  ['lan@gmail.com', 'Phạm Thu Lan', '', '0868123456', 'Webinar', 'Facebook', '05/03/2024'],
  ['tam@gmail.com', 'Ngô Thanh Tâm', 'VIP', '0888123456', 'Hội thảo', 'Sự kiện', '06/03/2024'],
];

/** What the person does on week 1: accept the suggestions, but "Nhóm" is their tag and "Nguồn" the lead source. */
function week1Mapping(table: Table): ColumnMapping[] {
  return autoMap(table, catalog).map((m) => {
    if (m.header === 'Nhóm') return { ...m, target: 'tags', confidence: 1 };
    if (m.header === 'Nguồn') return { ...m, target: 'dynamic:nguon_khach', confidence: 1 };
    return m;
  });
}

describe('mapping templates', () => {
  const week1 = xlsx('leads-week1.xlsx', WEEK1);
  const template = templateFromMapping('Leads sự kiện hằng tuần', week1Mapping(week1), 1_700_000_000_000);

  it('a template keeps every column, the ignored ones too', () => {
    expect(template.columns.map((c) => [c.header, c.target])).toEqual([
      ['Họ tên', 'fullName'], ['SĐT', 'phones'], ['Email', 'emails'], ['Nhóm', 'tags'], ['Nguồn', 'dynamic:nguon_khach'], ['Ghi chú', 'note'],
    ]);
    expect(template.columns[1].valueType).toBe('personal');
    expect(template).toMatchObject({ createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 });
  });

  it("next week's file (reordered, other case and accents, one new column) is matched and mapped in one click", () => {
    const week2 = xlsx('leads-week2.xlsx', WEEK2);
    const other = templateFromMapping('Danh bạ cũ', autoMap(xlsx('old.xlsx', [['STT', 'Tên KH', 'Địa chỉ'], ['1', 'A', 'Huế']]), catalog), 1);
    const matches = matchTemplates([other, template], week2);
    expect(matches[0].template.name).toBe('Leads sự kiện hằng tuần');
    expect(matches[0].score).toBeCloseTo(6 / 7, 3);
    expect(matches.find((m) => m.template.name === 'Danh bạ cũ')).toBeUndefined();

    const { mapping, missing } = applyTemplate(template, week2, catalog);
    expect(missing).toEqual([]);
    expect(mapping.map((m) => [m.header, m.target, m.confidence])).toEqual([
      ['EMAIL', 'emails', 1], ['ho ten', 'fullName', 1], ['Ghi chú', 'note', 1], ['SĐT', 'phones', 1], ['Nhóm', 'tags', 1],
      ['Nguồn', 'dynamic:nguon_khach', 1], ['Ngày đăng ký', 'ignore', 0],
    ]);
    expect(mapping[0].reason).toContain('Leads sự kiện hằng tuần');
  });

  it('says which template columns the file lacks, and drops targets the account no longer has', () => {
    const short = xlsx('short.xlsx', [WEEK1[0].slice(0, 3).concat('Nguồn'), WEEK1[1].slice(0, 3).concat('Facebook')]);
    const bare = buildTargetCatalog([], []);
    const { mapping, missing } = applyTemplate(template, short, bare);
    expect(missing).toEqual(['Nhóm', 'Ghi chú']);
    expect(mapping[3]).toMatchObject({ header: 'Nguồn', target: 'ignore' });
    expect(mapping[3].why?.vi).toContain('tài khoản không có trường đó');
  });

  it('a suggested column never takes a single-valued field the template already fills', () => {
    const t = templateFromMapping('t', [{ column: 0, header: 'Khách', target: 'fullName', confidence: 1 }], 1);
    const table = xlsx('two-names.xlsx', [['Khách', 'Họ và tên', 'SĐT'], ['An', 'Nguyễn Văn An', '0912345678']]);
    const { mapping } = applyTemplate(t, table, catalog);
    expect(mapping.map((m) => m.target)).toEqual(['fullName', 'ignore', 'phones']);
    expect(mapping[1].reason).toContain('already fills');
  });

  it('exports to JSON and reads back the same template; rename keeps the creation time', () => {
    const json = templateToJson(template);
    expect(JSON.parse(json)).toMatchObject({ format: 'omi-importer/mapping-template', version: 1, name: template.name });
    expect(parseTemplateJson(json)).toEqual(template);
    const renamed = renameTemplate(template, '  Leads tuần  ', 1_800_000_000_000);
    expect(renamed).toMatchObject({ name: 'Leads tuần', createdAt: template.createdAt, updatedAt: 1_800_000_000_000 });
  });

  it.each([
    ['not JSON', '{ name: ', 'template.not-json'],
    ['no columns', JSON.stringify({ name: 'x', createdAt: 1, updatedAt: 1 }), 'template.invalid'],
    ['unknown target', JSON.stringify({ name: 'x', columns: [{ header: 'A', target: 'phone' }], createdAt: 1, updatedAt: 1 }), 'template.invalid'],
    ['bad value type', JSON.stringify({ name: 'x', columns: [{ header: 'A', target: 'phones', valueType: 'mobile' }], createdAt: 1, updatedAt: 1 }), 'template.invalid'],
    ['empty name', JSON.stringify({ name: '  ', columns: [], createdAt: 1, updatedAt: 1 }), 'template.invalid'],
  ])('a file with %s is refused with a clear UserError', (_what, text, code) => {
    let err: unknown;
    try {
      parseTemplateJson(text);
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as UserError).code).toBe(code);
    expect((err as UserError).text.vi).toMatch(/Tệp mẫu ghép cột/);
    expect((err as UserError).text.en).toMatch(/mapping template/);
  });
});
