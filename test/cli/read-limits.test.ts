/**
 * The built `omi-import` reads the file in a worker thread it can stop: a time limit stops a big generated xlsx in
 * the middle of its parse, a heap limit ends the read instead of the command, each with one sentence naming the file
 * and the limit (exit 2, nothing sent); and the same kind of file, small, reads and lands as it always did — through
 * the bundle in dist/ and through bin/omi-import.js as npm installs it. The limits are lowered with the test-only
 * variables OMI_IMPORT_INGEST_MAX_MS / OMI_IMPORT_INGEST_MAX_HEAP_MB (electron/cli/read-limits.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { BIG_SHEET, bigRow, phoneOf, writeBigWorkbook } from './fixtures/big-workbook';
import { ROOT, buildCli, runCli, tempDir, type CliRun } from './support/cli';
import { fieldsOf } from './support/contacts';

/** Big enough that parsing it takes seconds on any machine, and needs well over 128 MB of heap. */
const BIG_ROWS = 150_000;
const SMALL_ROWS = 1_500;

let sandbox: SandboxHandle;
let tmp: ReturnType<typeof tempDir>;
let big: string;
let small: string;

beforeAll(async () => {
  tmp = tempDir();
  big = join(tmp.dir, 'Khách hàng sự kiện.xlsx');
  small = join(tmp.dir, 'khach-le.xlsx');
  writeBigWorkbook(big, BIG_ROWS);
  writeBigWorkbook(small, SMALL_ROWS);
  [sandbox] = await Promise.all([startSandbox(), buildCli()]);
}, 120_000);
afterAll(async () => {
  await sandbox?.stop();
  tmp?.remove();
});
beforeEach(() => sandbox.reset());

const account = () => ['--base-url', sandbox.url, '--token-env', 'OMI_TOKEN'];
const run = (args: string[], env: Record<string, string> = {}, script?: string) =>
  runCli(args, { home: join(tmp.dir, 'home'), env: { OMI_TOKEN: sandbox.token, ...env }, script, timeoutMs: 120_000 });

/** The run ended with exit 2 and one last stderr line (Vietnamese / English), no stack trace, nothing on stdout. */
function lastLine(r: CliRun): string {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at |FATAL|Error:|\.ts:\d+/);
  expect(r.stdout).toBe('');
  return r.stderr.trimEnd().split('\n').at(-1)!;
}

/** Calls that read or write contacts: none may happen when the file could not be read. */
async function contactCalls(): Promise<number> {
  const stats = (await sandbox.stats()) as { byEndpoint: Record<string, Record<string, number>> };
  return ['add', 'addMany', 'update', 'search', 'get']
    .map((e) => Object.values(stats.byEndpoint[e] ?? {}).reduce((a, b) => a + b, 0))
    .reduce((a, b) => a + b, 0);
}

describe('omi-import stops a read that passes a limit', () => {
  it('the time limit stops the parse of a big xlsx: exit 2, the file, the limit and what to do', async () => {
    const r = await run([big, '--auto', ...account()], { OMI_IMPORT_INGEST_MAX_MS: '500' });
    const line = lastLine(r);
    expect(line).toContain('Đọc tệp "Khách hàng sự kiện.xlsx" quá 0.5 giây');
    expect(line).toContain('Reading "Khách hàng sự kiện.xlsx" took longer than 0.5 seconds (the time limit for reading a file)');
    expect(line).toMatch(/save it as CSV UTF-8 .* or split it into smaller files/);
    // Stopped while reading: the table was never announced, nothing was sent.
    expect(r.stderr).not.toContain('Tệp / file:');
    expect(await contactCalls()).toBe(0);
  });

  it('the heap limit ends the read, not the command: exit 2 naming the limit', async () => {
    const r = await run([big, '--auto', ...account()], { OMI_IMPORT_INGEST_MAX_HEAP_MB: '128' });
    const line = lastLine(r);
    expect(line).toContain('Đọc tệp "Khách hàng sự kiện.xlsx" cần nhiều hơn 128 MB bộ nhớ');
    expect(line).toContain('needed more than 128 MB of memory (the memory limit for reading a file)');
    expect(await contactCalls()).toBe(0);
  });
});

describe('omi-import reads through the worker as before', () => {
  it('finds the sheet and header row and lands every contact, from dist/ and from the npm bin', async () => {
    const viaDist = await run([small, '--auto', ...account(), '--json']);
    expect(viaDist.code, viaDist.stderr).toBe(0);
    const s = JSON.parse(viaDist.stdout) as { sheet: string; headerRow: number; mapping: Record<string, string>; rows: Record<string, number> };
    expect(s).toMatchObject({ sheet: BIG_SHEET, headerRow: 2 });
    expect(s.mapping).toMatchObject({ 'Họ và tên': 'fullName', 'Số điện thoại': 'phones', Email: 'emails' });
    expect(s.rows).toMatchObject({ total: SMALL_ROWS, valid: SMALL_ROWS, created: SMALL_ROWS, failed: 0 });

    const stored = new Map((await sandbox.contacts()).map(fieldsOf).map((c) => [c.emails[0], c]));
    expect(stored.size).toBe(SMALL_ROWS);
    for (const i of [1, 2, 777, SMALL_ROWS]) {
      expect(stored.get(`lead${i}@example.vn`), `data row ${i}`).toMatchObject({ fullName: bigRow(i)[0], phones: [phoneOf(i)] });
    }

    // The same command as npm installs it (bin/omi-import.js → dist/): the worker is found beside the bundle.
    await sandbox.reset();
    const viaBin = await run([small, '--sheet', '1', '--header-row', '2', '--auto', ...account(), '--dry-run', '--json'], {}, join(ROOT, 'bin', 'omi-import.js'));
    expect(viaBin.code, viaBin.stderr).toBe(0);
    expect(JSON.parse(viaBin.stdout)).toMatchObject({ sheet: BIG_SHEET, headerRow: 2, rows: { total: SMALL_ROWS, valid: SMALL_ROWS } });
  });
});
