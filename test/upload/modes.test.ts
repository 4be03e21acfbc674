/**
 * Create with dynamic attributes, update and upsert, against a real sandbox; and every switch mixed together.
 */
import { describe, expect, it } from 'vitest';
import { flattenContact } from '../../shared/omi/flatten';
import { buildPlan } from '../../shared/upload/plan';
import type { PreparedRow } from '../../shared/prepare/types';
import { sandboxPerFile } from '../support/sandbox-per-file';
import { clientFor, run, seeded } from './harness';
import { startImport } from '../../shared/upload/engine';
import { createMemoryJournal } from '../../shared/upload/journal';
import { abortableSleep } from '../../shared/upload/sleep';
import { expectExactlyOnce, makeRows } from './rows';

const sb = sandboxPerFile();

const opts = { chunkSize: 20, concurrency: 3, maxRetries: 10 };

describe('modes', () => {
  it('create with dynamic attributes: written by update right after create, funnel positions carried by addMany', async () => {
    const plan = buildPlan(makeRows(80, { dynamic: true, invalidEvery: 13 }), { fileName: 'd.xlsx', fileFingerprint: 'fp-dyn', mappingKey: 'm', mode: 'create', options: opts });
    const result = await run(sb, plan).job.done;
    expectExactlyOnce(plan, result, await sb.contacts());
    expect(result.counts.created).toBe(74);
  });

  it('create: generated refIds are stable per file and row, own refIds are kept', async () => {
    const rows = makeRows(3);
    const a = buildPlan(rows, { fileName: 'x.csv', fileFingerprint: 'fp-a', mappingKey: 'm', mode: 'create' });
    const b = buildPlan(rows, { fileName: 'x.csv', fileFingerprint: 'fp-a', mappingKey: 'other', mode: 'create' });
    const c = buildPlan(rows, { fileName: 'x.csv', fileFingerprint: 'fp-b', mappingKey: 'm', mode: 'create' });
    expect(a.rows.map((r) => r.refId)).toEqual(b.rows.map((r) => r.refId));
    expect(a.rows[0].refId).not.toBe(c.rows[0].refId);
    expect(new Set(a.rows.map((r) => r.refId)).size).toBe(3);
    expect(a.rows.every((r) => r.refIdGenerated)).toBe(true);
    expect(a.importId).not.toBe(b.importId);
    const own = buildPlan(makeRows(2, { ownRefId: true }), { fileName: 'x.csv', fileFingerprint: 'fp-a', mappingKey: 'm', mode: 'create' });
    expect(own.rows.map((r) => [r.refId, r.refIdGenerated])).toEqual([['KH-2', false], ['KH-3', false]]);
  });

  it('update by the file\'s refId: fields set, tags added, dynamic written; unknown refIds fail with a reason', async () => {
    const base = makeRows(30, { ownRefId: true });
    await run(sb, buildPlan(base, { fileName: 'u.csv', fileFingerprint: 'fp-u0', mappingKey: 'm', mode: 'create', options: opts })).job.done;
    const changed: PreparedRow[] = makeRows(34, { ownRefId: true }).map((r, i) => ({
      ...r,
      contact: { refId: r.contact.refId, jobTitle: `Kế toán ${i}`, tags: ['VIP'] },
      dynamic: [{ fieldCode: 'nguon_khach', values: [{ data: 'facebook', type: '', valueType: '' }] }],
    }));
    const plan = buildPlan(changed, { fileName: 'u2.csv', fileFingerprint: 'fp-u1', mappingKey: 'm', mode: 'update', options: opts });
    const result = await run(sb, plan).job.done;
    expect(result.counts.updated).toBe(30);
    expect(result.counts.failed).toBe(4);
    for (const o of result.outcomes.filter((x) => x.outcome === 'failed')) {
      expect(o.reason?.en).toMatch(/No contact was found in OMI to update for this row .* Check the customer ID in the file, or choose the "Create or update" import mode/);
      expect(o.reason?.vi).toMatch(/Hãy kiểm tra mã khách hàng trong tệp, hoặc chọn cách nhập "Tạo mới hoặc cập nhật"/);
    }
    const contacts = (await sb.contacts()).map(flattenContact);
    expect(contacts).toHaveLength(30);
    for (const c of contacts) {
      const i = Number(c.refId!.slice(3)) - 2;
      expect(c.jobTitle).toBe(`Kế toán ${i}`);
      expect(c.tags.sort()).toEqual(['Lead', 'VIP']);
      expect(c.dynamic.nguon_khach).toEqual(['facebook']);
      expect(c.fullName).toBe(base[i].contact.fullName);
    }
  });

  it('upsert: rows found by phone are updated by _id, the others created; running it again creates nothing', async () => {
    const existing = makeRows(20);
    await run(sb, buildPlan(existing, { fileName: 'e.csv', fileFingerprint: 'fp-e', mappingKey: 'm', mode: 'create', options: opts })).job.done;
    // 20 rows with the same phones (other names), 25 new ones.
    const rows = [
      ...makeRows(20).map((r) => ({ ...r, contact: { ...r.contact, fullName: `${r.contact.fullName} (mới)`, emails: [] } })),
      ...makeRows(25, { phoneBase: 20_000_000, firstRow: 30 }),
    ];
    const plan = buildPlan(rows, { fileName: 'up.csv', fileFingerprint: 'fp-up', mappingKey: 'm', mode: 'upsert', options: opts });
    const result = await run(sb, plan).job.done;
    expect(result.counts).toMatchObject({ updated: 20, created: 25, failed: 0 });
    for (const o of result.outcomes.filter((x) => x.outcome === 'updated')) expect(o.omiId).toBeTruthy();
    const again = await run(sb, plan).job.done;
    expect(again.counts.created).toBe(0);
    const contacts = (await sb.contacts()).map(flattenContact);
    expect(contacts).toHaveLength(45);
    const names = new Set(contacts.map((c) => c.fullName));
    for (const r of rows) expect(names.has(r.contact.fullName)).toBe(true);
  });
});

describe('every fault at once', () => {
  it('latency, 429, 5xx, drops, timeouts, malformed, status codes, token expiry, 413, no-detail refusals, duplicate refIds allowed', async () => {
    await sb.faults({
      latencyMs: 5, ratePerSecond: 60, errorRate: 0.08, dropRate: 0.06, timeoutRate: 0.04, malformedRate: 0.05, statusCodeRate: 0.05,
      tokenExpiresAfter: 40, maxBatch: 16, addManyErrors: 'no-detail', refIdDuplicates: 'allow', randomSeed: 99,
    });
    const plan = buildPlan(makeRows(200, { invalidEvery: 21, dynamic: true }), {
      fileName: 'mixed.xlsx', fileFingerprint: 'fp-mixed', mappingKey: 'm', mode: 'create', options: { chunkSize: 30, concurrency: 4, maxRetries: 12 },
    });
    const r = run(sb, plan, { timeoutMs: 500, onNeedCredentials: () => sb.faults({ tokenExpiresAfter: 40 }).then(() => {}) });
    const result = await r.job.done;
    await sb.faults({ timeoutRate: 0, dropRate: 0, latencyMs: 0, ratePerSecond: null, tokenExpiresAfter: null, errorRate: 0, malformedRate: 0, statusCodeRate: 0 });
    expectExactlyOnce(plan, result, await sb.contacts());
    expect(result.counts.failed).toBe(9);
    expect(r.credentialsAsked).toBeGreaterThan(0);
    // Progress never went backwards.
    for (let i = 1; i < r.progress.length; i++) {
      for (const k of ['sent', 'created', 'failed', 'skipped'] as const) expect(r.progress[i][k]).toBeGreaterThanOrEqual(r.progress[i - 1][k]);
    }
  });
});

describe('a host that does not listen for row outcomes', () => {
  it('gets the same result as one that does (outcomes are settled either way)', async () => {
    const plan = buildPlan(makeRows(40, { dynamic: true, invalidEvery: 9 }), { fileName: 'q.xlsx', fileFingerprint: 'fp-quiet', mappingKey: 'm', mode: 'create', options: opts });
    const job = startImport(plan, {
      api: clientFor(sb),
      journal: createMemoryJournal(),
      now: () => Date.now(),
      sleep: abortableSleep,
      random: seeded(5),
    });
    const result = await job.done;
    expectExactlyOnce(plan, result, await sb.contacts());
    expect(result.counts.skipped).toBe(0);
    expect(result.counts.created + result.counts.failed).toBe(plan.rows.length);
    // Every created row had its attributes written: none is reported as "created, attributes not written".
    expect(result.outcomes.filter((o) => o.outcome === 'created' && o.reason)).toEqual([]);
  });
});
