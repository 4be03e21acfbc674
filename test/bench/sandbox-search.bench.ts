/**
 * omi-sandbox search cost: a diacritic-insensitive keyword + phone search over 20,000 contacts, against the
 * baseline of an unfiltered page of the same store over the same HTTP client (both sort the whole store).
 */
import { startSandboxServer } from '../../electron/sandbox/server';
import { createOmiClient } from '../../shared/omi/client';
import type { ContactInput } from '../../shared/omi/types';
import { medianMs, report } from './report';

const N = 20_000;
const sb = await startSandboxServer({ port: 0, token: 'bench' });
const api = createOmiClient({ baseUrl: sb.url, token: 'bench', timeoutMs: 120_000 });
const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Võ', 'Đỗ'];
for (let i = 0; i < N; i += 1000) {
  const rows: ContactInput[] = Array.from({ length: 1000 }, (_, j) => ({
    fullName: `${surnames[(i + j) % 8]} Văn Khách ${i + j}`,
    phones: [{ data: `09${String(10_000_000 + i + j)}`, type: 'personal', valueType: 'Cá nhân' }],
    emails: [{ data: `khach${i + j}@example.vn`, type: 'home', valueType: 'Nhà' }],
    tags: [(i + j) % 2 ? 'Lead' : 'Contact'],
  }));
  await api.addMany(rows);
}

const baseline = await medianMs(() => api.search({}, { page: 1, size: 50 }), 15);
const keyword = await medianMs(async () => {
  await api.search({ keyword: 'dang van khach' }, { page: 3, size: 50 });
  await api.search({ keyword: '+84 910 012 345' }, { page: 1, size: 50 });
}, 15);
report({
  name: 'sandbox-search',
  measured: `keyword (name, then phone) search over ${N} contacts vs one unfiltered page`,
  value: keyword / 2,
  baseline,
  unit: 'ms',
  target: 4,
  direction: 'max',
});
await sb.close();
