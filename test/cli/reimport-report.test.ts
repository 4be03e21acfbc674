/**
 * The round trip office staff make after a failed import: the error report (--report) is opened, fixed and given
 * to `omi-import` again. The report wrote an apostrophe before cells that Excel would take for a formula
 * (= + - @); imported again, those cells must land in OMI as the file had them, without the apostrophe.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { buildCli, runCli, tempDir } from './support/cli';
import { fieldsOf } from './support/contacts';

/**
 * Addresses and notes as people type them, several starting with a formula character. The rows have no name and
 * a phone number too short to be one, so no row can be sent: every row is in the report, where the user puts the
 * right number in.
 */
const ROWS = [
  { badPhone: '1234561', phone: '0912345678', address: '@Home Café, 5 Lý Tự Trọng', note: '=ưu tiên gọi sáng' },
  { badPhone: '1234562', phone: '0912345679', address: '+ Tầng 2, 8 Hai Bà Trưng', note: '-- khách lẻ --' },
  { badPhone: '1234563', phone: '0912345680', address: '12 Lê Lợi, Q.1', note: 'khách quen' },
  { badPhone: '1234564', phone: '0912345681', address: '-', note: '@zalo: minhdung' },
];

let sandbox: SandboxHandle;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  tmp = tempDir('omi-reimport-');
  [sandbox] = await Promise.all([startSandbox(), buildCli()]);
});
afterAll(async () => {
  await sandbox?.stop();
  tmp?.remove();
});

describe('re-importing a fixed error report', () => {
  it('lands the cells the report escaped exactly as the original file had them', { timeout: 120_000 }, async () => {
    const csv = join(tmp.dir, 'khach-hang.csv');
    const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = ROWS.map((r) => ['', r.badPhone, r.address, r.note].map(quote).join(','));
    writeFileSync(csv, '\uFEFF' + ['Họ và tên,Số điện thoại,Địa chỉ,Ghi chú', ...lines].join('\r\n') + '\r\n');
    const env = { OMI_TOKEN: sandbox.token, OMI_IMPORTER_HOME: join(tmp.dir, 'home') };
    const account = ['--base-url', sandbox.url, '--token-env', 'OMI_TOKEN', '--auto', '--json'];

    // Every row is invalid: nothing is sent, every row is in the report.
    const report = join(tmp.dir, 'loi.csv');
    const first = await runCli([csv, ...account, '--report', report], { home: tmp.dir, env });
    expect(first.code, first.stderr).toBe(1);
    expect(JSON.parse(first.stdout).rows.invalid).toBe(ROWS.length);
    expect(await sandbox.contacts()).toHaveLength(0);
    const text = readFileSync(report, 'utf8');
    // The report escaped the formula-like cells…
    expect(text).toContain("'=ưu tiên gọi sáng");
    // …and the user puts the right numbers in, and imports the report.
    writeFileSync(report, ROWS.reduce((t, r) => t.replace(r.badPhone, r.phone), text));
    const again = await runCli([report, ...account], { home: tmp.dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).rows.created).toBe(ROWS.length);

    const stored = new Map((await sandbox.contacts()).map(fieldsOf).map((c) => [c.phones[0], c]));
    for (const r of ROWS) {
      const c = stored.get(r.phone);
      expect(c, r.phone).toBeDefined();
      // "-" alone is a placeholder for "no address": cleaned away, never sent as "'-".
      if (r.address !== '-') expect(c!.address, r.phone).toBe(r.address);
      else expect(c!.address ?? '', r.phone).not.toContain("'");
      expect(c!.note, r.phone).toBe(r.note);
    }
  });
});
