/**
 * The built `omi-import` against a real sandbox process: the messy workbook imported with --auto lands with the
 * expected contacts, --json counts match what the sandbox holds, --report lists the rows to fix, --dry-run sends
 * nothing, a second run of the same command creates nothing again, a saved template maps the columns, and
 * --sandbox keeps its contacts in the data folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { templateToJson } from '../../shared/mapping/templates';
import { MESSY_HEADERS, MESSY_ROWS, writeMessyWorkbook } from '../fixtures/messy';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { buildCli, runCli, tempDir } from './support/cli';
import { fieldsOf } from './support/contacts';
import { writeLeadsCsv } from './fixtures/leads';

interface Summary {
  file: string; sheet: string; headerRow: number; mapping: Record<string, string>;
  rows: { total: number; valid: number; invalid: number; duplicates: number; sent: number; created: number; updated: number; skipped: number; failed: number };
  reportPath: string | null; journalPath: string | null; durationMs: number;
}

const imported = MESSY_ROWS.filter((r) => r.expect.outcome === 'import');
const rejected = MESSY_ROWS.filter((r) => r.expect.outcome === 'reject');
const duplicates = MESSY_ROWS.filter((r) => r.expect.outcome === 'duplicate');

let sandbox: SandboxHandle;
let tmp: ReturnType<typeof tempDir>;
let messy: string;
let home: string;
let n = 0;

beforeAll(async () => {
  tmp = tempDir();
  messy = join(tmp.dir, 'Khách hàng 2024.xlsx');
  writeMessyWorkbook(messy);
  [sandbox] = await Promise.all([startSandbox(), buildCli()]);
});
afterAll(async () => {
  await sandbox?.stop();
  tmp?.remove();
});
beforeEach(async () => {
  await sandbox.reset();
  // Each test its own data folder, so no journal of another test is found.
  home = join(tmp.dir, `home-${++n}`);
});

const account = () => ['--base-url', sandbox.url, '--token-env', 'OMI_TOKEN'];
const run = (args: string[]) => runCli(args, { home: tmp.dir, env: { OMI_TOKEN: sandbox.token, OMI_IMPORTER_HOME: home } });

/** Calls that read or write contacts (everything but the layout and funnel lists). */
async function contactCalls(): Promise<number> {
  const stats = (await sandbox.stats()) as { byEndpoint: Record<string, Record<string, number>> };
  return ['add', 'addMany', 'update', 'search', 'get']
    .map((e) => Object.values(stats.byEndpoint[e] ?? {}).reduce((a, b) => a + b, 0))
    .reduce((a, b) => a + b, 0);
}

describe('omi-import --auto on the messy workbook', () => {
  it('lands the expected contacts, and --json and --report say what happened', async () => {
    const report = join(tmp.dir, 'bao-cao.xlsx');
    const r = await run([messy, '--auto', ...account(), '--report', report, '--json']);
    expect(r.code, r.stderr).toBe(1); // one row has nothing to import: reported, exit 1

    const s = JSON.parse(r.stdout) as Summary;
    expect(Object.keys(s)).toEqual(['file', 'sheet', 'headerRow', 'mapping', 'rows', 'reportPath', 'journalPath', 'durationMs']);
    expect(s).toMatchObject({ file: 'Khách hàng 2024.xlsx', sheet: 'Khách hàng', headerRow: 3, reportPath: report });
    expect(s.mapping).toMatchObject({ 'Họ và tên': 'fullName', SĐT: 'phones', Email: 'emails', 'Nguồn khách hàng': 'dynamic:nguon_khach' });
    expect(s.rows).toEqual({
      total: MESSY_ROWS.length, valid: imported.length, invalid: rejected.length, duplicates: duplicates.length,
      sent: imported.length, created: imported.length, updated: 0, skipped: 0, failed: 0,
    });
    expect(s.journalPath).toContain(join(home, 'journals'));

    // The counts match what the sandbox holds, and each contact is the cleaned row.
    const stored = (await sandbox.contacts()).map(fieldsOf);
    expect(stored.length).toBe(s.rows.created);
    for (const row of imported) {
      const e = row.expect;
      const found = stored.filter((c) => c.fullName === e.fullName);
      expect(found, `sheet row ${row.sheetRow}`).toHaveLength(1);
      expect(found[0].emails).toEqual(e.emails ?? []);
      if (e.phones?.length) expect(found[0].phones).toContain(e.phones[0]);
      if (e.gender) expect(found[0].gender).toBe(e.gender);
    }
    // Converted on the way: the old 11-digit mobile, the +84 form, the number that lost its 0, the email typo.
    expect(stored.find((c) => c.fullName === 'Trần Thị Bích Ngọc')).toMatchObject({ phones: ['0362345678'], emails: ['ngoc.tran@gmail.com'] });
    expect(stored.find((c) => c.fullName === 'Nguyễn Thị Lan')?.phones).toEqual(['0912345680']);
    expect(stored.find((c) => c.fullName === 'Nguyễn Văn Nam')?.phones).toEqual(['0912345679']);

    // The report: the file's own columns, then status and reason, one line per row to fix.
    const sheet = XLSX.read(readFileSync(report)).Sheets['Lỗi nhập'];
    const lines = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
    expect(lines[0].slice(0, 4)).toEqual(['STT', 'Họ và tên', 'SĐT', 'Email']);
    expect(lines[0]).toContain('Kết quả nhập (OMI Importer)');
    const stt = lines.slice(1).map((l) => l[0]);
    for (const row of rejected) expect(stt).toContain(String(row.cells[0]));
    const reason = lines[0].indexOf('Reason in English (OMI Importer)');
    expect(lines.slice(1).every((l) => (l[reason] ?? '').length > 10)).toBe(true);
  });

  it('creates nothing again when the same command runs again', async () => {
    const first = await run([messy, '--auto', ...account(), '--json']);
    const again = await run([messy, '--auto', ...account(), '--json']);
    const s = JSON.parse(again.stdout) as Summary;
    expect(s.rows).toMatchObject({ created: 0, skipped: imported.length, failed: 0 });
    expect(JSON.parse(first.stdout).journalPath).toBe(s.journalPath);
    expect((await sandbox.contacts()).length).toBe(imported.length);
  });
});

describe('omi-import --dry-run', () => {
  it('sends nothing, counts the rows and writes the cleaned table', async () => {
    const clean = join(tmp.dir, 'da-lam-sach.csv');
    const r = await run([messy, '--auto', ...account(), '--dry-run', '--clean-out', clean, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.rows).toMatchObject({ valid: imported.length, invalid: rejected.length, sent: 0, created: 0 });
    expect(s.journalPath).toBeNull();
    expect(await contactCalls()).toBe(0);
    expect(await sandbox.contacts()).toEqual([]);

    const cleaned = XLSX.utils.sheet_to_json<string[]>(XLSX.read(readFileSync(clean, 'utf8').replace(/^\uFEFF/, ''), { type: 'string' }).Sheets.Sheet1, { header: 1, raw: false });
    expect(cleaned[0]).toEqual([...MESSY_HEADERS]);
    expect(cleaned).toHaveLength(MESSY_ROWS.length + 1);
    const ngoc = cleaned.find((l) => l[0] === '4')!;
    expect(ngoc.slice(1, 4)).toEqual(['Trần Thị Bích Ngọc', '0362345678', 'ngoc.tran@gmail.com']);
  });
});

describe('omi-import --sheet and --header-row', () => {
  it('reads the sheet and header row it is told, by name or by position', async () => {
    const byName = JSON.parse((await run([messy, '--sheet', 'Khách hàng', '--header-row', '3', '--auto', ...account(), '--dry-run', '--json'])).stdout) as Summary;
    expect(byName).toMatchObject({ sheet: 'Khách hàng', headerRow: 3 });
    expect(byName.rows.total).toBe(MESSY_ROWS.length);
    // Row 4 as the header: the first contact's cells become the column names, and one row fewer remains.
    const shifted = JSON.parse((await run([messy, '--sheet', '1', '--header-row', '4', '--auto', ...account(), '--dry-run', '--json'])).stdout) as Summary;
    expect(shifted).toMatchObject({ sheet: 'Khách hàng', headerRow: 4 });
    expect(Object.keys(shifted.mapping)).toContain('Nguyễn Văn An');
    expect(shifted.rows.total).toBe(MESSY_ROWS.length - 1);
  });
});

describe('omi-import --mapping', () => {
  it('uses a template saved in the app: only its columns are sent, the others are named', async () => {
    const template = join(tmp.dir, 'mau-su-kien.json');
    writeFileSync(template, templateToJson({
      name: 'Sự kiện', createdAt: 1, updatedAt: 1,
      // A column the template ignores may be gone from this week's file: that is no reason to stop.
      columns: [{ header: 'Họ và tên', target: 'fullName' }, { header: 'SĐT', target: 'phones', valueType: 'office' }, { header: 'Cột cũ đã xoá', target: 'ignore' }],
    }));
    const r = await run([messy, '--mapping', template, ...account(), '--json']);
    expect(r.code, r.stderr).toBe(1);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.mapping).toMatchObject({ 'Họ và tên': 'fullName', SĐT: 'phones', Email: 'ignore', 'Địa chỉ': 'ignore' });
    expect(r.stderr).toMatch(/not in the template: .*"Email".*"Địa chỉ"/);
    const stored = (await sandbox.contacts()).map(fieldsOf);
    expect(stored.length).toBe(s.rows.created);
    expect(stored.every((c) => c.emails.length === 0 && c.address === undefined)).toBe(true);
    expect(stored.find((c) => c.fullName === 'Lê Hoàng Long')?.phoneValues).toEqual([{ data: '0987654321', type: 'office', valueType: 'Công ty' }]);
  });
});

describe('omi-import --mode upsert', () => {
  it('updates the contacts it finds by phone and creates the others', async () => {
    const week1 = join(tmp.dir, 'tuan-1.csv');
    const leads = writeLeadsCsv(week1, 12, Number.POSITIVE_INFINITY);
    expect((await run([week1, '--auto', ...account()])).code).toBe(0);
    // Next week's file: the same people with a new note, and three new people.
    const week2 = join(tmp.dir, 'tuan-2.csv');
    const next = writeLeadsCsv(week2, 15, Number.POSITIVE_INFINITY);
    writeFileSync(week2, readFileSync(week2, 'utf8').replace(/sự kiện tuần \d+/g, 'hội thảo tháng 12'));
    const r = await run([week2, '--auto', ...account(), '--mode', 'upsert', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows).toMatchObject({ valid: 15, updated: 12, created: 3, failed: 0 });
    const stored = (await sandbox.contacts()).map(fieldsOf);
    expect(stored).toHaveLength(next.valid.length);
    expect(stored.every((c) => c.note === 'hội thảo tháng 12')).toBe(true);
    expect(new Set(stored.flatMap((c) => c.phones))).toEqual(new Set(next.valid.map((l) => l.phone)));
    expect(leads.valid.every((l) => stored.some((c) => c.phones.includes(l.phone)))).toBe(true);
  });
});

describe('omi-import --sandbox', () => {
  it('imports into the embedded sandbox, kept in the data folder across runs', async () => {
    const csv = join(tmp.dir, 'nho.csv');
    const leads = writeLeadsCsv(csv, 30, Number.POSITIVE_INFINITY);
    const first = await run([csv, '--auto', '--sandbox', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).rows.created).toBe(leads.valid.length);
    const data = JSON.parse(readFileSync(join(home, 'sandbox', 'data.json'), 'utf8')) as { contacts: { fullName: string }[] };
    expect(data.contacts.map((c) => c.fullName).sort()).toEqual(leads.valid.map((l) => l.fullName).sort());

    const second = await run([csv, '--auto', '--sandbox', '--json']);
    expect(JSON.parse(second.stdout).rows).toMatchObject({ created: 0, skipped: leads.valid.length });
    // The external sandbox was never touched.
    expect(await contactCalls()).toBe(0);
  });
});
