/**
 * --keep-original names resolved against a table read from a generated file: headers matched as people type them,
 * lists and repeated options merged, `all`, and an unknown name refused with the file's columns.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import { writeTypedValuesWorkbook } from '../../test/cli/fixtures/typed-values';
import { CliError } from './cli-error';
import { resolveKeepColumns } from './keep-original';

const dir = mkdtempSync(join(tmpdir(), 'omi-keep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'danh-ba.xlsx');
writeTypedValuesWorkbook(path);
const table = ingest(new Uint8Array(readFileSync(path)), 'danh-ba.xlsx').table;

describe('resolveKeepColumns', () => {
  it('matches headers ignoring case and spacing, merges lists and repeated options in the file order', () => {
    expect(table.columns.map((c) => c.header)).toEqual(['Họ và tên', 'SĐT', 'Email']);
    expect(resolveKeepColumns(['  họ VÀ tên '], table)).toEqual([0]);
    expect(resolveKeepColumns(['email, sđt', 'Họ và tên', 'SĐT'], table)).toEqual([0, 1, 2]);
    expect(resolveKeepColumns(['ALL'], table)).toEqual([0, 1, 2]);
  });

  it('refuses a name the sheet lacks (exit 2), listing its columns', () => {
    let err: unknown;
    try {
      resolveKeepColumns(['SĐT,Số nhà'], table);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(2);
    expect((err as CliError).text.en).toBe('--keep-original: sheet "Danh bạ" of "danh-ba.xlsx" has no column "Số nhà". Its columns are: "Họ và tên", "SĐT", "Email".');
  });
});
