/**
 * omi-sandbox cost at scale, over the same HTTP client:
 * 1. a diacritic-insensitive keyword + phone search over 20,000 contacts, against the baseline of an unfiltered
 *    page of the same store (target ≤ 4×);
 * 2. an addMany of 100 contacts with refIds (the default "reject" duplicate check) into that store, against the
 *    same call into a nearly empty store: a call must cost what its batch costs, not what the store holds (≤ 2×).
 */
import { startSandboxServer } from '../../electron/sandbox/server';
import { createOmiClient } from '../../shared/omi/client';
import type { ContactInput } from '../../shared/omi/types';
import { medianMs, report } from './report';

const N = 20_000;
const sb = await startSandboxServer({ port: 0, token: 'bench' });
const api = createOmiClient({ baseUrl: sb.url, token: 'bench', timeoutMs: 120_000 });
const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Võ', 'Đỗ'];
const rowsFrom = (start: number, count: number, refPrefix: string): ContactInput[] =>
  Array.from({ length: count }, (_, j) => ({
    refId: `${refPrefix}${start + j}`,
    fullName: `${surnames[(start + j) % 8]} Văn Khách ${start + j}`,
    phones: [{ data: `09${String(10_000_000 + start + j)}`, type: 'personal', valueType: 'Cá nhân' }],
    emails: [{ data: `khach${start + j}@example.vn`, type: 'home', valueType: 'Nhà' }],
    tags: [(start + j) % 2 ? 'Lead' : 'Contact'],
  }));

let extra = 0;
const addHundred = async (): Promise<void> => {
  const res = await api.addMany(rowsFrom(extra, 100, 'extra-'));
  extra += 100;
  if (res.rejected.length > 0) throw new Error(`addMany refused ${res.rejected.length} rows`);
};
for (let i = 0; i < N; i += 1000) await api.addMany(rowsFrom(i, 1000, 'k'));

const baseline = await medianMs(() => api.search({}, { page: 1, size: 50 }), 15);
const keyword = await medianMs(async () => {
  await api.search({ keyword: 'dang van khach' }, { page: 3, size: 50 });
  await api.search({ keyword: '+84 910 012 345' }, { page: 1, size: 50 });
}, 15);
const addFull = await medianMs(addHundred, 15);
// The baseline after a reset, so both run on warmed-up code and only the store's size differs.
await sb.reset();
extra = 0;
const addEmpty = await medianMs(addHundred, 15);
report({
  name: 'sandbox-search',
  measured: `keyword (name, then phone) search over ${N} contacts vs one unfiltered page`,
  value: keyword / 2,
  baseline,
  unit: 'ms',
  target: 4,
  direction: 'max',
});
report({
  name: 'sandbox-addmany',
  measured: `addMany of 100 with refIds into ${N} contacts vs into a nearly empty store`,
  value: addFull,
  baseline: addEmpty,
  unit: 'ms',
  target: 2,
  direction: 'max',
});
await sb.close();
