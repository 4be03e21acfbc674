/**
 * --data keeps the store across restarts and the file on disk is always whole JSON (atomic writes), even
 * when the process is killed mid-burst; --seed fills an empty store; reset returns to the seed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOmiClient } from '../../shared/omi/client';
import { flattenContact } from '../../shared/omi/flatten';
import { startSandbox, type SandboxHandle } from '../support/sandbox';

let dir: string;
const running: SandboxHandle[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'omi-sandbox-data-'));
});
// Tests run concurrently (process start-up dominates); each uses its own files, and what is left running stops here.
afterAll(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(opts: Parameters<typeof startSandbox>[0]): Promise<SandboxHandle> {
  const s = await startSandbox(opts);
  running.push(s);
  return s;
}

const seed = {
  layout: [{ fieldCode: 'hang', label: 'Hạng thành viên', type: 'select', values: ['Vàng', 'Bạc'] }],
  funnels: [{ id: 'p2', name: 'Tuyển sinh', statuses: [{ index: 1, name: 'Quan tâm', children: [] }] }],
  contacts: [
    { refId: 's1', fullName: 'Mai Anh', filterContacts: [{ id: 'p2', index: 1 }], otherDynamicUpdates: [{ fieldCode: 'hang', values: [{ data: 'Vàng', type: '', valueType: '' }] }] },
    { refId: 's2', fullName: 'Quốc Bảo', phones: [{ data: '0901234567', type: 'home', valueType: 'Nhà' }] },
  ],
};

describe.concurrent('--data', () => {
  it('keeps contacts across a graceful restart, with the same ids and dates', async () => {
    const file = join(dir, 'graceful.json');
    const a = await start({ dataFile: file });
    const api = createOmiClient({ baseUrl: a.url, token: a.token });
    await api.addMany([{ refId: 'x1', fullName: 'Một' }, { refId: 'x2', fullName: 'Hai' }]);
    await api.update({ refId: 'x1', tags: ['Lead'] });
    const before = await a.contacts();
    await a.stop();
    expect(JSON.parse(readFileSync(file, 'utf8')).contacts).toHaveLength(2);

    const b = await start({ dataFile: file });
    expect(await b.contacts()).toEqual(before);
    // New ids never collide with the stored ones.
    await createOmiClient({ baseUrl: b.url, token: b.token }).add({ refId: 'x3', fullName: 'Ba' });
    expect(new Set((await b.contacts()).map((c) => c.public_id)).size).toBe(3);
  });

  it('the file is whole JSON at every moment of a write burst, and after a SIGKILL', async () => {
    const file = join(dir, 'burst.json');
    const a = await start({ dataFile: file });
    const api = createOmiClient({ baseUrl: a.url, token: a.token });
    let reads = 0;
    for (let i = 0; i < 40; i++) {
      await api.addMany(Array.from({ length: 50 }, (_, j) => ({ refId: `b${i}-${j}`, fullName: `Khách ${i}-${j}`, note: 'n'.repeat(200) })));
      if (existsSync(file)) {
        const state = JSON.parse(readFileSync(file, 'utf8'));
        expect(Array.isArray(state.contacts)).toBe(true);
        reads++;
      }
    }
    expect(reads).toBeGreaterThan(10);
    a.kill();
    await new Promise((r) => a.process.once('exit', r));
    const after = JSON.parse(readFileSync(file, 'utf8'));
    expect(after.contacts.length).toBeGreaterThan(0);
    const b = await start({ dataFile: file });
    expect((await b.contacts()).length).toBe(after.contacts.length);
    // A temp file left by the kill is cleared on start; the data file itself was never half-written.
    expect(readdirSync(dir).filter((f) => f.startsWith('.burst.json.'))).toEqual([]);
  });

  it('a SIGKILL in the middle of a big addMany leaves a whole store with every batch it had written', async () => {
    const file = join(dir, 'big-kill.json');
    const a = await start({ dataFile: file });
    const api = createOmiClient({ baseUrl: a.url, token: a.token, timeoutMs: 60_000 });
    const BATCH = 3000;
    const batch = (b: number) => Array.from({ length: BATCH }, (_, j) => ({ refId: `k${b}-${j}`, fullName: `Khách ${b}-${j}`, note: 'ghi chú '.repeat(20) }));
    await api.addMany(batch(0));
    await api.addMany(batch(1));
    // Both answered batches reach the file soon after (the wait before a write is bounded): poll, bounded.
    const onDisk = () => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { contacts: unknown[] }).contacts.length : 0);
    for (let i = 0; i < 200 && onDisk() < 2 * BATCH; i++) await new Promise((r) => setTimeout(r, 50));
    expect(onDisk()).toBe(2 * BATCH);
    // The third batch is killed while in flight: sent, maybe applied, maybe being written.
    const third = api.addMany(batch(2)).catch(() => 'lost');
    await new Promise((r) => setTimeout(r, 30));
    a.kill();
    await new Promise((r) => a.process.once('exit', r));
    await third;

    const b = await start({ dataFile: file });
    const refIds = (await b.contacts()).map((c) => c.ref_id);
    // Each batch is applied at once, so the store holds whole batches: the two answered ones, maybe the third.
    expect([2 * BATCH, 3 * BATCH]).toContain(refIds.length);
    expect(new Set(refIds).size).toBe(refIds.length);
    expect(refIds.slice(0, 2 * BATCH)).toEqual([...batch(0), ...batch(1)].map((r) => r.refId));
  });

  it('reset clears the stored contacts too', async () => {
    const file = join(dir, 'reset.json');
    const a = await start({ dataFile: file });
    await createOmiClient({ baseUrl: a.url, token: a.token }).add({ fullName: 'Sẽ bị xoá' });
    await a.reset();
    expect(JSON.parse(readFileSync(file, 'utf8')).contacts).toEqual([]);
  });

  it('refuses to start on a data file that is not a store, and leaves it alone', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"half": ');
    await expect(startSandbox({ dataFile: file })).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{"half": ');
  });
});

describe.concurrent('--seed', () => {
  it('loads layout, funnels and contacts (read tolerantly) into an empty store', async () => {
    const s = await start({ seed });
    const api = createOmiClient({ baseUrl: s.url, token: s.token });
    expect((await api.layoutList()).map((a) => [a.fieldCode, a.name, a.options.map((o) => o.value)])).toEqual([['hang', 'Hạng thành viên', ['Vàng', 'Bạc']]]);
    expect((await api.funnelList()).map((f) => f.id)).toEqual(['p2']);
    const flat = (await s.contacts()).map(flattenContact).sort((x, y) => String(x.refId).localeCompare(String(y.refId)));
    expect(flat.map((c) => c.fullName)).toEqual(['Mai Anh', 'Quốc Bảo']);
    expect(flat[0].dynamic).toEqual({ hang: ['Vàng'] });
    // The seed's account, not the built-in one, is what input is checked against.
    await expect(api.add({ filterContacts: [{ id: 'f1', index: 1 }] })).rejects.toMatchObject({ kind: 'rejected' });
    await api.add({ fullName: 'Thêm' });
    await s.reset();
    expect((await s.contacts()).map((c) => c.ref_id).sort()).toEqual(['s1', 's2']);
  });

  it('does not overwrite a data file that already holds contacts', async () => {
    const file = join(dir, 'seeded.json');
    const a = await start({ dataFile: file });
    await createOmiClient({ baseUrl: a.url, token: a.token }).add({ refId: 'mine', fullName: 'Của tôi' });
    await a.stop();
    const b = await start({ dataFile: file, seed });
    expect((await b.contacts()).map((c) => c.ref_id)).toEqual(['mine']);
  });

  it('refuses a seed with an invalid contact, naming it', async () => {
    await expect(startSandbox({ seed: { contacts: [{ fullName: 'ok' }, { gender: 'nam' }] } })).rejects.toThrow(/seed contact 1 .*gender/);
  });
});
