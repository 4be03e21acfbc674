/**
 * What `--data` persistence costs a big import: 20,000 contacts sent through addMany (chunks of 100, two at a
 * time, as the upload engine sends them) into a sandbox that keeps its store in a data file, against the same
 * import into a sandbox that keeps it in memory only. Rounds alternate which goes first (the machine is shared
 * and noisy); the medians are compared. Target: with persistence, at least 0.8× the throughput without.
 *
 * Throughput is rows per second of processor time the process used (user + system, every thread: the event loop
 * and the file writes on the thread pool alike), with the client in the same process: on a shared machine wall
 * time mostly measures the other processes, while processor time measures the work persistence adds. The
 * wall-clock ratio is printed too, in `measured`.
 * Measured twice: into an empty store, and into a store that already holds 40,000 contacts (a practice store
 * that has seen many imports: there a write that serialised the whole store each time cost the most).
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadState } from '../../electron/sandbox/persist';
import type { SeedData } from '../../electron/sandbox/seed';
import { startSandboxServer } from '../../electron/sandbox/server';
import { createOmiClient } from '../../shared/omi/client';
import type { ContactInput } from '../../shared/omi/types';
import { report } from './report';

const N = 20_000;
const CHUNK = 100;
const ROUNDS = 3;
const dir = mkdtempSync(join(tmpdir(), 'omi-bench-persist-'));
const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Võ', 'Đỗ'];
const EXISTING = 40_000;
const row = (i: number): ContactInput => ({
  refId: `KH-${i}`,
  fullName: `${surnames[i % 8]} Văn Khách ${i}`,
  phones: [{ data: `09${String(10_000_000 + i)}`, type: 'personal', valueType: 'Cá nhân' }],
  emails: [{ data: `khach${i}@example.vn`, type: 'home', valueType: 'Nhà' }],
  tags: [i % 2 ? 'Lead' : 'Contact'],
  address: `${i} Lê Lợi, Quận 1, TP. Hồ Chí Minh`,
  note: 'Khách đăng ký qua hội chợ tháng 11, cần gọi lại trong tuần.',
});

interface Rate {
  /** Rows per second of processor time. */
  cpu: number;
  /** Rows per second of wall time. */
  wall: number;
}

/** Rows per second of the whole import, until the last addMany is answered. */
async function importRate(dataFile: string | undefined, seed?: SeedData): Promise<Rate> {
  const sb = await startSandboxServer({ port: 0, token: 'bench', dataFile, seed });
  const before = sb.store.size;
  const api = createOmiClient({ baseUrl: sb.url, token: 'bench', timeoutMs: 600_000 });
  let next = 0;
  const sender = async () => {
    while (next < N) {
      const start = next;
      next += CHUNK;
      const res = await api.addMany(Array.from({ length: Math.min(CHUNK, N - start) }, (_, j) => row(before + start + j)));
      if (res.rejected.length > 0) throw new Error(`addMany refused ${res.rejected.length} rows`);
    }
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all([sender(), sender()]);
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  await sb.close();
  if (dataFile) {
    // The clean stop wrote everything: the bench measures a persistence that keeps what it was given.
    const saved = await loadState(dataFile);
    if (saved?.contacts.length !== before + N) throw new Error(`the data file holds ${saved?.contacts.length} contacts, not ${before + N}`);
  }
  return { cpu: (N / (cpu.user + cpu.system)) * 1e6, wall: (N / ms) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Alternating rounds with and without a data file; `prepare` gives each persisted round its fresh file. */
async function compare(prepare: (file: string) => void, seed?: SeedData): Promise<{ on: number; off: number; wall: number; bytes: number }> {
  const on: Rate[] = [];
  const off: Rate[] = [];
  let bytes = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const file = join(dir, `round-${r}.json`);
    prepare(file);
    for (const persisted of r % 2 === 0 ? [false, true] : [true, false]) {
      if (persisted) on.push(await importRate(file, seed));
      else off.push(await importRate(undefined, seed));
    }
    bytes = statSync(file).size;
    rmSync(file);
  }
  const cpu = (rs: Rate[]) => median(rs.map((r) => r.cpu));
  const wall = (rs: Rate[]) => median(rs.map((r) => r.wall));
  return { on: cpu(on), off: cpu(off), wall: wall(on) / wall(off), bytes };
}

await importRate(undefined); // warm-up
const empty = await compare(() => {});
report({
  name: 'sandbox-persist',
  measured: `addMany rows per CPU second, ${N} contacts (chunks of ${CHUNK}, 2 at a time), --data file (${(empty.bytes / 1e6).toFixed(1)} MB at the end) vs memory only (wall-clock ratio ${empty.wall.toFixed(2)})`,
  value: empty.on,
  baseline: empty.off,
  unit: 'rows/CPU s',
  target: 0.8,
  direction: 'min',
});

// The big store: the same 40,000 contacts as a seed (memory only) and as a data file written once from it.
const seed: SeedData = { contacts: Array.from({ length: EXISTING }, (_, i) => row(i)) };
const base = join(dir, 'base.json');
await (await startSandboxServer({ port: 0, token: 'bench', dataFile: base, seed })).close();
const big = await compare((file) => copyFileSync(base, file), seed);
report({
  name: 'sandbox-persist-big-store',
  measured: `addMany rows per CPU second, ${N} contacts into a store of ${EXISTING}, --data file (${(big.bytes / 1e6).toFixed(1)} MB at the end) vs memory only (wall-clock ratio ${big.wall.toFixed(2)})`,
  value: big.on,
  baseline: big.off,
  unit: 'rows/CPU s',
  target: 0.8,
  direction: 'min',
});
rmSync(dir, { recursive: true, force: true });
