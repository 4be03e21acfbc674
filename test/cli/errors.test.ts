/**
 * Every bad input gives one line (Vietnamese, then English), the documented exit status, and no stack trace —
 * run through the built command against a real sandbox process.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateToJson } from '../../shared/mapping/templates';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { buildCli, runCli, tempDir, type CliRun } from './support/cli';
import { writeLeadsCsv } from './fixtures/leads';

let sandbox: SandboxHandle;
let tmp: ReturnType<typeof tempDir>;
let leads: string;

beforeAll(async () => {
  tmp = tempDir();
  [sandbox] = await Promise.all([startSandbox(), buildCli()]);
  leads = join(tmp.dir, 'leads.csv');
  writeLeadsCsv(leads, 20);
});
afterAll(async () => {
  await sandbox?.stop();
  tmp?.remove();
});

const account = () => ['--base-url', sandbox.url, '--token-env', 'OMI_TOKEN'];
const env = () => ({ OMI_TOKEN: sandbox.token });

/** One line on stderr for the error itself (progress lines before it are allowed), no stack trace. */
function expectOneLineError(r: CliRun, code: number, ...words: string[]): string {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|TypeError|\.ts:\d+/);
  const last = r.stderr.trimEnd().split('\n').at(-1)!;
  for (const w of words) expect(last).toContain(w);
  // Vietnamese first, then English, on that one line.
  expect(last).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ].* \/ \S/i);
  expect(r.stdout).toBe('');
  return last;
}

describe('omi-import refuses bad input clearly', () => {
  it('prints the whole contract with --help', async () => {
    const r = await runCli(['--help'], { home: tmp.dir });
    expect(r.code).toBe(0);
    for (const opt of ['--sheet', '--header-row', '--mapping', '--auto', '--mode', '--chunk-size', '--concurrency', '--base-url',
      '--token-env', '--sandbox', '--dry-run', '--clean-out', '--report', '--journal', '--resume', '--json', '--keep-original']) {
      expect(r.stdout).toContain(opt);
    }
    expect(r.stdout).toMatch(/0 .*every valid row landed/);
    expect(r.stdout).toMatch(/3 .*connection or credential error/);
  });

  it('a usage mistake: exit 2', async () => {
    expectOneLineError(await runCli([leads, '--auto', '--mode', 'merge'], { home: tmp.dir }), 2, '--mode');
    expectOneLineError(await runCli([leads, '--auto', '--token', 'abc'], { home: tmp.dir }), 2, '--token-env');
  });

  it('a missing file: exit 2, naming it', async () => {
    expectOneLineError(await runCli([join(tmp.dir, 'khong-co.xlsx'), '--auto', ...account()], { home: tmp.dir, env: env() }), 2, 'khong-co.xlsx', 'not found');
  });

  it('an unreadable workbook: exit 2, naming it', async () => {
    const broken = join(tmp.dir, 'hong.xlsx');
    // A zip signature followed by noise: what a download cut short looks like.
    writeFileSync(broken, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(3000, 7)]));
    expectOneLineError(await runCli([broken, '--auto', ...account()], { home: tmp.dir, env: env() }), 2, 'hong.xlsx');
  });

  it('an unknown sheet: exit 2, listing the sheets there are', async () => {
    const last = expectOneLineError(await runCli([leads, '--sheet', 'Tháng 13', '--auto', ...account()], { home: tmp.dir, env: env() }), 2, 'Tháng 13');
    expect(last).toContain('leads');
  });

  it('a mapping that names missing columns: exit 2, naming them', async () => {
    const template = join(tmp.dir, 'mau.json');
    writeFileSync(template, templateToJson({
      name: 'Sự kiện', createdAt: 1, updatedAt: 1,
      columns: [
        { header: 'Họ và tên', target: 'fullName' },
        { header: 'Điện thoại di động', target: 'phones' },
        { header: 'Công ty', target: 'jobTitle' },
      ],
    }));
    expectOneLineError(await runCli([leads, '--mapping', template, ...account()], { home: tmp.dir, env: env() }), 2,
      'Điện thoại di động', 'Công ty');
  });

  it('an unreachable server: exit 3', async () => {
    const port = await closedPort();
    expectOneLineError(await runCli([leads, '--auto', '--base-url', `http://127.0.0.1:${port}`, '--token-env', 'OMI_TOKEN'], { home: tmp.dir, env: env() }),
      3, `127.0.0.1:${port}`);
  });

  it('a wrong token: exit 3, and the token is never printed', async () => {
    const r = await runCli([leads, '--auto', ...account()], { home: tmp.dir, env: { OMI_TOKEN: 'sai-token-9f8e7d' } });
    expectOneLineError(r, 3, 'token');
    expect(r.stderr).not.toContain('sai-token-9f8e7d');
  });

  it('an empty token variable: exit 3, naming the variable', async () => {
    expectOneLineError(await runCli([leads, '--auto', ...account()], { home: tmp.dir, env: {} }), 3, 'OMI_TOKEN');
  });
});

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}
