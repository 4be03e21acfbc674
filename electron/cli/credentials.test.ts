import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError } from './cli-error';
import { describeConnection, resolveConnection } from './credentials';

const dirs: string[] = [];
function home(settings?: unknown): string {
  const d = mkdtempSync(join(tmpdir(), 'omi-cred-'));
  dirs.push(d);
  if (settings !== undefined) writeFileSync(join(d, 'settings.json'), JSON.stringify(settings));
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function refused(p: Promise<unknown>): Promise<CliError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(CliError);
  return e as CliError;
}

describe('resolveConnection', () => {
  const none = { sandbox: false, baseUrl: undefined, tokenEnv: undefined };

  it('reads the token from the named variable, and never shows it', async () => {
    const c = await resolveConnection({ ...none, baseUrl: 'https://crm.example.vn', tokenEnv: 'OMI_T' }, { OMI_T: ' tok-123 ' }, home());
    expect(c).toEqual({ kind: 'account', baseUrl: 'https://crm.example.vn', token: 'tok-123', source: 'options' });
    expect(describeConnection(c)).not.toContain('tok-123');
  });

  it('says which variable is empty (exit 3) and that --base-url needs --token-env (exit 2)', async () => {
    const e = await refused(resolveConnection({ ...none, baseUrl: 'https://x.vn', tokenEnv: 'OMI_T' }, {}, home()));
    expect([e.exitCode, e.code]).toEqual([3, 'connection.token-env-empty']);
    expect(e.text.en).toContain('OMI_T');
    const u = await refused(resolveConnection({ ...none, baseUrl: 'https://x.vn' }, {}, home()));
    expect(u.exitCode).toBe(2);
  });

  it("uses the app's saved connection: the sandbox by default, an account only with --token-env", async () => {
    expect(await resolveConnection(none, {}, home())).toEqual({ kind: 'sandbox', source: 'settings' });
    const account = home({ connection: { mode: 'account', baseUrl: 'https://crm.example.vn' }, recent: [] });
    const e = await refused(resolveConnection(none, {}, account));
    expect([e.exitCode, e.code]).toEqual([3, 'connection.saved-token-unreadable']);
    expect(e.text.en).toContain('--token-env');
    expect(await resolveConnection({ ...none, tokenEnv: 'T' }, { T: 'abc' }, account))
      .toEqual({ kind: 'account', baseUrl: 'https://crm.example.vn', token: 'abc', source: 'settings' });
  });

  it('--sandbox wins without reading settings', async () => {
    const account = home({ connection: { mode: 'account', baseUrl: 'https://crm.example.vn' }, recent: [] });
    expect(await resolveConnection({ ...none, sandbox: true }, {}, account)).toEqual({ kind: 'sandbox', source: 'options' });
  });
});
