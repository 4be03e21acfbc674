import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataLock, currentHolder, DataFileBusyError, lockPathOf } from './data-lock';

const dir = mkdtempSync(join(tmpdir(), 'omi-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const me = { vi: 'bài kiểm tra', en: 'the test' };

describe('the data file lock', () => {
  it('of two takers at the same moment exactly one wins; the other is told who holds it', async () => {
    const file = join(dir, 'race.json');
    const results = await Promise.allSettled([acquireDataLock(file, me), acquireDataLock(file, me)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(DataFileBusyError);
    expect((lost.reason as DataFileBusyError).holder.pid).toBe(process.pid);
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireDataLock>>>).value.release();
    expect(existsSync(lockPathOf(file))).toBe(false);
  });

  it('records the address once listening, and leaves no temp file beside it', async () => {
    const file = join(dir, 'record.json');
    const lock = await acquireDataLock(file, me);
    await lock.record('http://127.0.0.1:4010', 'sandbox');
    expect(await currentHolder(file)).toMatchObject({ pid: process.pid, program: me, url: 'http://127.0.0.1:4010', token: 'sandbox' });
    expect(readdirSync(dir).filter((f) => f.startsWith('record.json'))).toEqual(['record.json.lock']);
    lock.releaseSync();
    expect(await currentHolder(file)).toBeUndefined();
  });

  it('takes over a lock whose process is gone, or that cannot be read', async () => {
    const file = join(dir, 'stale.json');
    // pid 2^22 + 1 is above Linux's pid_max: no such process.
    writeFileSync(lockPathOf(file), JSON.stringify({ pid: 4_194_305, program: { vi: 'cũ', en: 'old' }, since: 'x' }));
    expect(await currentHolder(file)).toBeUndefined();
    const a = await acquireDataLock(file, me);
    expect(JSON.parse(readFileSync(lockPathOf(file), 'utf8')).pid).toBe(process.pid);
    await a.release();
    writeFileSync(lockPathOf(file), '{"pid": ');
    const b = await acquireDataLock(file, me);
    await b.release();
  });

  it('a release does not remove a lock that another holder has taken since', async () => {
    const file = join(dir, 'other.json');
    const a = await acquireDataLock(file, me);
    writeFileSync(lockPathOf(file), JSON.stringify({ pid: process.pid, program: me, since: 'someone else' }));
    await a.release();
    expect(existsSync(lockPathOf(file))).toBe(true);
  });
});
