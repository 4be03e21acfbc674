/**
 * `omi-import --keep-original` through the built command against a real sandbox: the named columns are sent as
 * typed (the names not capitalised, the old mobile not converted) while other columns are still fixed; `all` keeps
 * every column; the --json counts and the --report rows agree; an unknown column is a usage error listing the
 * file's columns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { TYPED_ROWS, writeTypedValuesWorkbook } from './fixtures/typed-values';
import { buildCli, runCli, tempDir } from './support/cli';
import { fieldsOf } from './support/contacts';

interface Summary { rows: { total: number; valid: number; invalid: number; sent: number; created: number; failed: number }; reportPath: string | null }

let sandbox: SandboxHandle;
let tmp: ReturnType<typeof tempDir>;
let file: string;
let n = 0;

beforeAll(async () => {
  tmp = tempDir();
  file = join(tmp.dir, 'danh-ba.xlsx');
  writeTypedValuesWorkbook(file);
  [sandbox] = await Promise.all([startSandbox(), buildCli()]);
});
afterAll(async () => {
  await sandbox?.stop();
  tmp?.remove();
});
beforeEach(() => sandbox.reset());

const account = () => ['--base-url', sandbox.url, '--token-env', 'OMI_TOKEN'];
// Each run its own data folder: the runs differ only by --keep-original, and must not share a journal.
const run = (args: string[]) => runCli([file, '--auto', ...account(), ...args], { home: join(tmp.dir, `home-${++n}`), env: { OMI_TOKEN: sandbox.token } });

const [an, oldMobile, cuong, dung] = TYPED_ROWS;

/** The contacts the sandbox holds, as plain fields (phones as 10 digits). */
async function stored() {
  return (await sandbox.contacts()).map(fieldsOf);
}

/** The report's data lines (the file's own columns first, then status and reasons). */
function reportLines(path: string): string[][] {
  const wb = XLSX.read(readFileSync(path));
  return XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: false, defval: '' }).slice(1);
}

describe('omi-import --keep-original', () => {
  it('without it, the values are fixed (the baseline the option changes)', async () => {
    const r = await run(['--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.rows).toMatchObject({ total: 4, valid: 4, invalid: 0, created: 4 });
    const all = await stored();
    expect(all.find((c) => c.emails[0] === an.cells[2])?.fullName).toBe(an.fixed.fullName);
    expect(all.find((c) => c.emails[0] === 'cuong@gmail.com')?.fullName).toBe(cuong.fixed.fullName);
    expect(all.some((c) => c.phones[0] === oldMobile.fixed.phone)).toBe(true);
  });

  it('sends the named columns as typed, fixes the others, and --json and --report agree', async () => {
    const report = join(tmp.dir, 'bao-cao.xlsx');
    const r = await run(['--keep-original', 'Họ và tên,SĐT', '--report', report, '--json']);
    expect(r.code, r.stderr).toBe(1); // the old mobile, kept as typed, is no number today: that row cannot be sent
    expect(r.stderr).toContain('Giữ nguyên như đã gõ / kept as typed: 3 ô / cells (Họ và tên, SĐT)');
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.rows).toMatchObject({ total: 4, valid: 3, invalid: 1, sent: 3, created: 3, failed: 0 });

    const all = await stored();
    expect(all).toHaveLength(3);
    // Names as typed; the email column was not named, so its typo is still fixed.
    expect(all.find((c) => c.emails[0] === an.cells[2])?.fullName).toBe(an.cells[0]);
    expect(all.find((c) => c.emails[0] === 'cuong@gmail.com')?.fullName).toBe(cuong.cells[0]);
    expect(all.find((c) => c.emails[0] === dung.cells[2])?.fullName).toBe(dung.fixed.fullName);
    expect(all.some((c) => c.phones.includes(oldMobile.fixed.phone))).toBe(false);

    // The report holds exactly the rows --json counts as not sent: the old mobile, as typed, with a reason.
    const lines = reportLines(report);
    expect(lines).toHaveLength(s.rows.invalid + s.rows.failed);
    expect(lines[0].slice(0, 3)).toEqual(oldMobile.cells);
    expect(lines[0].join(' ')).toMatch(/no valid name, phone or email/);
  });

  it('all: every column as typed, the email typo too', async () => {
    const r = await run(['--keep-original', 'all', '--json']);
    expect(r.code, r.stderr).toBe(1);
    expect((JSON.parse(r.stdout) as Summary).rows).toMatchObject({ valid: 3, invalid: 1, created: 3 });
    const c = (await stored()).find((x) => x.emails[0] === cuong.cells[2]);
    expect(c?.fullName).toBe(cuong.cells[0]);
  });

  it('an unknown column: exit 2 before anything is sent, listing the file columns', async () => {
    const r = await run(['--keep-original', 'Họ và tên,Tên khách', '--json']);
    expect(r.code).toBe(2);
    const last = r.stderr.trimEnd().split('\n').at(-1)!;
    expect(last).toContain('không có cột "Tên khách"');
    expect(last).toContain('has no column "Tên khách". Its columns are: "Họ và tên", "SĐT", "Email".');
    expect(r.stdout).toBe('');
    expect(await sandbox.contacts()).toEqual([]);
  });
});
