/**
 * `omi-import --report` names a custom field OMI refused as the account's catalog names it ("Số thùng", the name
 * the column was mapped by), not by its code `so_thung`. The built command against a real sandbox holding that
 * account. The refused value: 400 digits in a number field. The cleaning keeps the digits as typed and warns that
 * OMI cannot keep them all (number.precision); the sandbox, like OMI, refuses a number beyond a double's range —
 * today the one custom field value that gets past the cleaning against a catalog read fresh (if the cleaning comes
 * to refuse it first, this test needs another value OMI refuses).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { DELIVERY_SEED, writeDeliveryWorkbook } from '../upload/fixtures/deliveries';
import { buildCli, runCli, tempDir } from './support/cli';

let sandbox: SandboxHandle;
let tmp: ReturnType<typeof tempDir>;
let file: string;

const ROWS = [
  ['Nguyễn Văn An', '0912345678', '15/03/2024', '3'],
  ['Trần Thị Bình', '0913222333', '16/03/2024', '9'.repeat(400)],
] as const;

beforeAll(async () => {
  tmp = tempDir();
  file = join(tmp.dir, 'Đơn giao.xlsx');
  writeDeliveryWorkbook(file, ROWS.map((r) => [...r]));
  [sandbox] = await Promise.all([startSandbox({ seed: DELIVERY_SEED }), buildCli()]);
});
afterAll(async () => {
  await sandbox?.stop();
  tmp?.remove();
});

describe('omi-import: a refused custom field in the report', () => {
  it('--report names it by its catalog name in both languages; --json counts the row as failed', async () => {
    const report = join(tmp.dir, 'bao-cao.xlsx');
    const r = await runCli([file, '--auto', '--base-url', sandbox.url, '--token-env', 'OMI_TOKEN', '--report', report, '--json'], {
      home: join(tmp.dir, 'home'), env: { OMI_TOKEN: sandbox.token },
    });
    expect(r.code, r.stderr).toBe(1);
    const s = JSON.parse(r.stdout) as { mapping: Record<string, string>; rows: { created: number; failed: number } };
    expect(s.mapping).toMatchObject({ 'Ngày giao hàng': 'dynamic:ngay_giao', 'Số thùng': 'dynamic:so_thung' });
    expect(s.rows).toMatchObject({ failed: 1 });
    expect(await sandbox.contacts()).toHaveLength(ROWS.length); // the contact was created; its custom fields were not

    const wb = XLSX.read(readFileSync(report));
    const [header, ...lines] = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: false, defval: '' });
    expect(lines).toHaveLength(1);
    expect(lines[0][0]).toBe(ROWS[1][0]);
    const vi = lines[0][header.findIndex((h) => /Lý do/i.test(h))];
    const en = lines[0][header.indexOf('Reason in English (OMI Importer)')];
    expect(vi).toMatch(/OMI không nhận giá trị ở trường "Số thùng \(trường riêng\)" của dòng này/);
    expect(en).toMatch(/OMI did not accept the value in the "Số thùng \(custom field\)" field of this row/);
    expect(`${vi} ${en}`).not.toMatch(/"so_thung/);
  });
});
