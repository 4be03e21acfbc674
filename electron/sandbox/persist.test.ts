import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadState, nextDelayMs, Persister, writeAtomic } from './persist';
import type { StoreState } from './store';

const dir = mkdtempSync(join(tmpdir(), 'omi-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const state = (n: number): StoreState => ({ version: 1, layout: [], funnels: [], contacts: Array.from({ length: n }, () => ({}) as never), nextSeq: n + 1 });

describe('persistence', () => {
  it('writes atomically into a folder that does not exist yet, leaving no temp file', async () => {
    const file = join(dir, 'new', 'deeper', 'data.json');
    await writeAtomic(file, '{"ok":true}');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ok: true });
    expect(readdirSync(join(dir, 'new', 'deeper'))).toEqual(['data.json']);
  });

  it('debounces a burst of changes into the last state, and flush writes what is pending', async () => {
    const file = join(dir, 'burst.json');
    let current = state(0);
    const p = new Persister(file, () => current, 10_000);
    for (let i = 1; i <= 5; i++) {
      current = state(i);
      p.schedule();
    }
    await p.flush();
    expect((await loadState(file))?.contacts).toHaveLength(5);
  });

  it('reads a missing file as nothing, and names a broken one', async () => {
    expect(await loadState(join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(join(dir, 'wrong.json'), '{"contacts": 3}');
    await expect(loadState(join(dir, 'wrong.json'))).rejects.toThrow(/not an omi-sandbox store/);
  });

  it('removes temp files a killed writer left behind', async () => {
    const file = join(dir, 'killed.json');
    writeFileSync(file, JSON.stringify(state(1)));
    writeFileSync(join(dir, '.killed.json.999999.tmp'), '{"half');
    expect((await loadState(file))?.contacts).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.startsWith('.killed'))).toEqual([]);
  });
});

describe('write pacing', () => {
  it('waits at least the minimum, grows with what the last write cost in time and in size, never more than the maximum', () => {
    const pacing = { minDelayMs: 50, costFactor: 4, msPerMB: 25, maxDelayMs: 1000 };
    expect(nextDelayMs(0, 0, pacing)).toBe(50);
    expect(nextDelayMs(100, 1e6, pacing)).toBe(400);
    expect(nextDelayMs(10, 10e6, pacing)).toBe(300);
    expect(nextDelayMs(5000, 1e6, pacing)).toBe(1000);
    expect(nextDelayMs(0, 100e6, pacing)).toBe(1000);
  });
});
