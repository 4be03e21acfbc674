import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FUNNELS, DEFAULT_LAYOUT } from '../../electron/sandbox/defaults';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import { createOmiClient } from '../../shared/omi/client';
import type { OmiApi } from '../../shared/omi/api';
import { findExisting } from '../../shared/prepare/existing';
import { prepareTable } from '../../shared/prepare/prepare';
import type { PreparedRow } from '../../shared/prepare/types';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import type { StatsReport } from '../../electron/sandbox/stats';
import { sheetTable } from './sheet';

const dir = mkdtempSync(join(tmpdir(), 'existing-'));
let sb: SandboxHandle;
let api: OmiApi;
let rows: PreparedRow[];

const seed = {
  layout: DEFAULT_LAYOUT,
  funnels: DEFAULT_FUNNELS,
  contacts: [
    { refId: 'crm-1', fullName: 'Nguyễn Văn An', phones: [{ data: '+84 912 345 678', type: 'personal', valueType: 'Cá nhân' }] },
    { refId: 'crm-2', fullName: 'Trần Thị Bình', emails: [{ data: 'binh@gmail.com', type: 'home', valueType: 'Nhà' }] },
    // Its name holds the digits of a number in the file, but it does not have that phone: not a match.
    { refId: 'crm-3', fullName: 'Khách 0903123456' },
  ],
};

beforeAll(async () => {
  sb = await startSandbox({ seed });
  api = createOmiClient({ baseUrl: sb.url, token: sb.token });
  const table = sheetTable(dir, 'leads.xlsx', [
    ['Họ tên', 'SĐT', 'Email'],
    ['Nguyễn Văn An', '0912 345 678', ''],
    ['Bình', '', 'BINH@gmail.com'],
    ['Khách mới', '0903123456', 'moi@gmail.com'],
    ['Lê Long', '0987654321', 'binh@gmail.com'],
    ['Không ai', '0868123456', ''],
  ]);
  const layout = await api.layoutList();
  const funnels = await api.funnelList();
  const catalog = buildTargetCatalog(layout, funnels);
  rows = prepareTable(table, autoMap(table, catalog), catalog, { duplicatePolicy: 'keep-all' }).rows;
});

afterAll(async () => {
  await sb?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('findExisting against a real sandbox', () => {
  it('finds rows whose phone or email is already in the CRM, with the contact id and what matched', async () => {
    const stored = await sb.contacts();
    const idOf = (refId: string) => stored.find((c) => c.ref_id === refId)!.public_id;
    const progress: [number, number][] = [];
    const found = await findExisting(api, rows, { concurrency: 2, onProgress: (d, t) => progress.push([d, t]) });
    expect([...found.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [2, { id: idOf('crm-1'), matchedBy: 'phone:0912345678' }],
      [3, { id: idOf('crm-2'), matchedBy: 'email:binh@gmail.com' }],
      [5, { id: idOf('crm-2'), matchedBy: 'email:binh@gmail.com' }],
    ]);
    expect(progress.at(-1)).toEqual([5, 5]);
    expect(progress.map((p) => p[0])).toEqual([1, 2, 3, 4, 5]);
  });

  it('searches each phone or email once, however many rows share it', async () => {
    const searches = async () => sumNumbers(((await sb.stats()) as StatsReport).byEndpoint.search ?? {});
    const before = await searches();
    await findExisting(api, [...rows, ...rows], { concurrency: 1 });
    // 10 rows; distinct keys searched: 0912345678 (hit), binh@ (hit), 0903123456, moi@, 0987654321, 0868123456.
    expect((await searches()) - before).toBe(6);
  });

  it('can be cancelled', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(findExisting(api, rows, { signal: ctrl.signal })).rejects.toThrow();
  });
});

function sumNumbers(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + sumNumbers(x), 0);
  return 0;
}
