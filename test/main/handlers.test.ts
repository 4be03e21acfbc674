/**
 * The main-process handlers, driven as the window drives them (validated requests through dispatchRequest),
 * against a real omi-sandbox process and a real data folder on disk. No Electron: its side effects are injected.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type MainDeps } from '../../electron/main/handlers';
import { dispatchRequest } from '../../electron/main/ipc-dispatch';
import type { EventChannel, Events, RequestArgs, RequestChannel, Responses } from '../../shared/ipc/contract';
import { ingest } from '../../shared/ingest';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import { autoMap } from '../../shared/mapping/auto';
import { prepareTable } from '../../shared/prepare/prepare';
import { buildPlan, fingerprintBytes } from '../../shared/upload/plan';
import type { ImportPlan } from '../../shared/upload/types';
import { allOutcomes, expandGroups } from '../../shared/upload/compact-result';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { writeMessyWorkbook } from '../fixtures/messy';

let sandbox: SandboxHandle;
let dir: string;
let messyPath: string;

beforeAll(async () => {
  sandbox = await startSandbox({ args: ['--seed-random', '3'] });
  dir = mkdtempSync(join(tmpdir(), 'omi-main-'));
  messyPath = join(dir, 'khach-hang.xlsx');
  writeMessyWorkbook(messyPath, { rows: 300 });
});
afterAll(async () => {
  await sandbox?.stop();
});

/** A main process with a fresh data folder; dialogs answer what the test says; events are recorded. */
function mainProcess() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'omi-user-'));
  let secret: string | null = null;
  const events: { event: EventChannel; payload: unknown }[] = [];
  const listeners: ((event: EventChannel, payload: unknown) => void)[] = [];
  const dialogs = { open: null as string | null, save: null as string | null };
  const deps: MainDeps = {
    userDataDir,
    secrets: { get: async () => secret, set: async (t) => void (secret = t) },
    dialogs: { openFile: async () => dialogs.open, saveFile: async () => dialogs.save },
    openExternal: async () => {},
    emit: <E extends EventChannel>(event: E, payload: Events[E]) => {
      events.push({ event, payload });
      for (const l of listeners) l(event, payload);
    },
    sandbox: async () => ({ url: sandbox.url, token: sandbox.token }),
  };
  const handlers = createHandlers(deps);
  const request = <C extends RequestChannel>(channel: C, args: RequestArgs<C>) =>
    dispatchRequest(handlers, channel, args) as Promise<Responses[C]>;
  const next = <E extends EventChannel>(event: E, match: (p: Events[E]) => boolean = () => true) =>
    new Promise<Events[E]>((resolve) => {
      listeners.push((e, p) => {
        if (e === event && match(p as Events[E])) resolve(p as Events[E]);
      });
    });
  return { request, events, next, dialogs, userDataDir, secret: () => secret };
}

/** The file → plan part of the pipeline, as the renderer's worker runs it. */
async function planFor(path: string, mode: ImportPlan['mode'] = 'create', options: Partial<ImportPlan['options']> = {}) {
  const bytes = new Uint8Array(readFileSync(path));
  const { table } = ingest(bytes, 'khach-hang.xlsx');
  const catalog = buildTargetCatalog([], []);
  const mapping = autoMap(table, catalog);
  const prepared = prepareTable(table, mapping, catalog, { duplicatePolicy: 'keep-first' });
  return buildPlan(prepared.rows, {
    fileName: 'khach-hang.xlsx',
    fileFingerprint: fingerprintBytes(bytes),
    mappingKey: mapping.map((m) => m.target).join('|') + JSON.stringify(options),
    mode,
    options,
  });
}

beforeEach(async () => {
  await sandbox.reset();
});

describe('connection', () => {
  it('starts on the sandbox and shows its attributes and funnels', async () => {
    const main = mainProcess();
    expect(await main.request('connection:get', undefined)).toEqual({ mode: 'sandbox', baseUrl: sandbox.url, hasToken: true });
    const test = await main.request('connection:test', undefined);
    expect(test.ok).toBe(true);
    if (test.ok) {
      expect(test.value.layout.map((a) => a.fieldCode)).toContain('nguon_khach');
      expect(test.value.funnels[0]?.statuses.length).toBeGreaterThan(0);
      expect(test.value.offline).toBe(false);
    }
  });

  it('refuses plain http to a remote account and keeps the token out of every answer', async () => {
    const main = mainProcess();
    const insecure = await main.request('connection:set', { mode: 'account', baseUrl: 'http://crm.example.vn', token: 'secret-token-123' });
    expect(insecure.ok).toBe(false);
    if (!insecure.ok) expect(insecure.error.text.vi).toMatch(/HTTPS/i);
    expect(main.secret()).toBeNull();

    const ok = await main.request('connection:set', { mode: 'account', baseUrl: 'https://crm.example.vn/', token: 'secret-token-123' });
    expect(ok).toEqual({ ok: true, value: { mode: 'account', baseUrl: 'https://crm.example.vn', hasToken: true } });
    expect(main.secret()).toBe('secret-token-123');
    expect(JSON.stringify(await main.request('connection:get', undefined))).not.toContain('secret-token-123');
    expect(readFileSync(join(main.userDataDir, 'settings.json'), 'utf8')).not.toContain('secret-token-123');
  });

  it('serves the cached catalog when the account cannot be reached', async () => {
    const main = mainProcess();
    const fresh = await main.request('catalog:get', { refresh: true });
    expect(fresh.offline).toBe(false);
    // Point the account at a loopback port nobody listens on: the catalog of another address is not reused.
    await main.request('connection:set', { mode: 'account', baseUrl: 'http://127.0.0.1:9', token: 't' });
    const offline = await main.request('catalog:get', { refresh: true });
    expect(offline).toMatchObject({ offline: true, fetchedAt: null });
    await main.request('connection:set', { mode: 'sandbox' });
    const cached = await main.request('catalog:get', { refresh: false });
    expect(cached).toMatchObject({ offline: true, fetchedAt: fresh.fetchedAt });
    expect(cached.layout).toEqual(fresh.layout);
  });
});

describe('files and templates', () => {
  it('opens a picked file, remembers it, and reopens it only by its id', async () => {
    const main = mainProcess();
    expect(await main.request('file:open-dialog', undefined)).toBeNull();
    main.dialogs.open = messyPath;
    const opened = await main.request('file:open-dialog', undefined);
    expect(opened?.ok).toBe(true);
    if (!opened?.ok) return;
    expect(new Uint8Array(opened.value.bytes)).toEqual(new Uint8Array(readFileSync(messyPath)));
    const recent = await main.request('file:recent', undefined);
    expect(recent).toEqual([{ fileId: opened.value.fileId, name: 'khach-hang.xlsx', openedAt: expect.any(Number) }]);
    const again = await main.request('file:open-recent', { fileId: opened.value.fileId });
    expect(again.ok && again.value.size).toBe(opened.value.size);
    const unknown = await main.request('file:open-recent', { fileId: '../../etc/passwd' });
    expect(unknown.ok).toBe(false);

    main.dialogs.open = join(dir, 'missing.xlsx');
    const missing = await main.request('file:open-dialog', undefined);
    expect(missing?.ok === false && missing.error.text.vi).toMatch(/Không đọc được tệp "missing.xlsx"/);
  });

  it('saves bytes where the user chose', async () => {
    const main = mainProcess();
    main.dialogs.save = join(dir, 'bao-cao.csv');
    const bytes = new TextEncoder().encode('a,b\n1,2\n');
    const saved = await main.request('file:save', { defaultName: 'bao-cao.csv', bytes: bytes.buffer });
    expect(saved).toEqual({ ok: true, value: { path: main.dialogs.save } });
    expect(readFileSync(main.dialogs.save, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('saves, renames and deletes mapping templates', async () => {
    const main = mainProcess();
    const t = { name: 'Sự kiện', columns: [{ header: 'SĐT', target: 'phones', valueType: 'personal' as const }], createdAt: 1, updatedAt: 1 };
    expect(await main.request('templates:save', t)).toEqual([t]);
    expect(await main.request('templates:save', { ...t, name: 'Hội thảo', updatedAt: 2 })).toHaveLength(2);
    const clash = await main.request('templates:rename', { from: 'Sự kiện', to: 'Hội thảo' });
    expect(clash.ok).toBe(false);
    const renamed = await main.request('templates:rename', { from: 'Sự kiện', to: 'Sự kiện tuần' });
    expect(renamed.ok && renamed.value.map((x) => x.name).sort()).toEqual(['Hội thảo', 'Sự kiện tuần']);
    expect(await main.request('templates:delete', { name: 'Hội thảo' })).toHaveLength(1);
    // Stored where `omi-import --mapping` and the next start find them.
    expect(JSON.parse(readFileSync(join(main.userDataDir, 'templates.json'), 'utf8'))[0].name).toBe('Sự kiện tuần');
  });
});

describe('imports', () => {
  it('imports a plan into the sandbox with progress, row outcomes, a final event and a history line', async () => {
    const main = mainProcess();
    const plan = await planFor(messyPath);
    const done = main.next('import:done');
    const started = await main.request('import:start', { plan, fileName: 'khach-hang.xlsx' });
    expect(started.ok).toBe(true);
    const result = await done;
    expect(result.counts.created).toBe(plan.rows.length);
    const contacts = await sandbox.contacts();
    expect(contacts).toHaveLength(plan.rows.length);
    expect(new Set(contacts.map((c) => c.ref_id))).toEqual(new Set(plan.rows.map((r) => r.refId)));

    // The rows as they settled: every row once, the created ones as row numbers, no OMI id on the way (the result
    // is where ids are kept).
    const rowEvents = main.events.filter((e) => e.event === 'import:rows').map((e) => e.payload as Events['import:rows']);
    const live = rowEvents.flatMap((e) => expandGroups(e.outcomes, e.grouped));
    expect(live.map((o) => o.rowNumber).sort((a, b) => a - b)).toEqual(plan.rows.map((r) => r.rowNumber).sort((a, b) => a - b));
    expect(live.filter((o) => o.omiId !== undefined)).toEqual([]);
    expect(rowEvents.flatMap((e) => e.grouped ?? []).filter((g) => g.outcome === 'created').reduce((n, g) => n + g.rowNumbers.length, 0)).toBeGreaterThan(plan.rows.length / 2);

    const progress = main.events.filter((e) => e.event === 'import:progress').map((e) => e.payload as Events['import:progress']);
    expect(progress.at(-1)?.final).toBe(true);
    for (let i = 1; i < progress.length; i++) expect(progress[i].sent).toBeGreaterThanOrEqual(progress[i - 1].sent);
    const history = await main.request('import:history', undefined);
    expect(history[0]).toMatchObject({ importId: plan.importId, fileName: 'khach-hang.xlsx', cancelled: false });
    expect(history[0].counts.created).toBe(plan.rows.length);
    expect(await main.request('import:pending', undefined)).toEqual([]);
  });

  it('takes the plan as UTF-8 JSON bytes too, checked against the same schema', async () => {
    const main = mainProcess();
    const plan = await planFor(messyPath, 'create', { chunkSize: 50 });
    const done = main.next('import:done');
    const bytes = new TextEncoder().encode(JSON.stringify(plan));
    const started = await main.request('import:start-encoded', { plan: bytes.buffer as ArrayBuffer, fileName: 'khach-hang.xlsx' });
    expect(started.ok).toBe(true);
    expect((await done).counts.created).toBe(plan.rows.length);
    expect(await sandbox.contacts()).toHaveLength(plan.rows.length);

    const tampered = { ...plan, rows: [{ ...plan.rows[0], contact: { ...plan.rows[0].contact, gender: 'nam' } }] };
    for (const bad of [new TextEncoder().encode('{"not": "a plan"'), new TextEncoder().encode(JSON.stringify(tampered))]) {
      const refused = await main.request('import:start-encoded', { plan: bad.buffer as ArrayBuffer, fileName: 'x.xlsx' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'ipc.invalid-arguments' } });
    }
  });

  it('offers a cancelled import again and continues it without sending any row twice', async () => {
    const main = mainProcess();
    await sandbox.faults({ latencyMs: 40 });
    const plan = await planFor(messyPath, 'create', { chunkSize: 10, concurrency: 1 });
    const firstProgress = main.next('import:progress', (p) => p.created > 0);
    const cancelled = main.next('import:done');
    await main.request('import:start', { plan, fileName: 'khach-hang.xlsx' });
    await firstProgress;
    await main.request('import:cancel', { importId: plan.importId });
    const cancelledResult = await cancelled;
    expect(cancelledResult.cancelled).toBe(true);
    // The history line says how many of its skipped rows were never sent (the rows continuing will send).
    const unsentRows = expandGroups(cancelledResult.outcomes, cancelledResult.grouped).filter((o) => o.code === 'cancelled').length;
    expect(unsentRows).toBeGreaterThan(0);
    const [line] = await main.request('import:history', undefined);
    expect(line).toMatchObject({ cancelled: true, unsent: unsentRows });
    expect(line.unsent).toBeLessThanOrEqual(line.counts.skipped);

    const pending = await main.request('import:pending', undefined);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ importId: plan.importId, fileName: 'khach-hang.xlsx', total: plan.rows.length });
    expect(pending[0].done).toBeGreaterThan(0);
    expect(pending[0].done).toBeLessThan(plan.rows.length);

    await sandbox.faults({ latencyMs: 0 });
    const finished = main.next('import:done');
    const continued = await main.request('import:continue', { importId: plan.importId });
    expect(continued.ok).toBe(true);
    expect((await finished).cancelled).toBe(false);
    const contacts = await sandbox.contacts();
    expect(contacts).toHaveLength(plan.rows.length);
    expect(new Set(contacts.map((c) => c.ref_id)).size).toBe(plan.rows.length);
    expect(await main.request('import:pending', undefined)).toEqual([]);
    expect(existsSync(continued.ok ? continued.value.journalPath : '')).toBe(true);
    // The continued run's line: every row counted once, none left to send.
    const last = (await main.request('import:history', undefined)).sort((a, b) => b.startedAt - a.startedAt)[0];
    expect(last).toMatchObject({ cancelled: false, unsent: 0 });
    expect(last.counts.created + last.counts.updated + last.counts.skipped + last.counts.failed).toBe(plan.rows.length);
  });

  it('continues an import started from encoded bytes (saved as the window sent them, a byte order mark left out)', async () => {
    const main = mainProcess();
    await sandbox.faults({ latencyMs: 40 });
    const plan = await planFor(messyPath, 'create', { chunkSize: 10, concurrency: 1 });
    const json = new TextEncoder().encode(JSON.stringify(plan));
    const withBom = new Uint8Array(json.length + 3);
    withBom.set([0xef, 0xbb, 0xbf]);
    withBom.set(json, 3);
    const firstProgress = main.next('import:progress', (p) => p.created > 0);
    const cancelled = main.next('import:done');
    const started = await main.request('import:start-encoded', { plan: withBom.buffer as ArrayBuffer, fileName: 'Khách "VIP".xlsx' });
    expect(started.ok).toBe(true);
    await firstProgress;
    await main.request('import:cancel', { importId: plan.importId });
    expect((await cancelled).cancelled).toBe(true);
    // The saved plan reads back: offered with its file name, and continued to the end.
    const pending = await main.request('import:pending', undefined);
    expect(pending).toMatchObject([{ importId: plan.importId, fileName: 'Khách "VIP".xlsx', total: plan.rows.length }]);
    await sandbox.faults({ latencyMs: 0 });
    const finished = main.next('import:done');
    expect((await main.request('import:continue', { importId: plan.importId })).ok).toBe(true);
    expect((await finished).cancelled).toBe(false);
    expect(new Set((await sandbox.contacts()).map((c) => c.ref_id)).size).toBe(plan.rows.length);
  });

  it('a cancel asked while the import is still being set up is kept: nothing is sent, every row offered again', async () => {
    const main = mainProcess();
    const plan = await planFor(messyPath, 'create', { chunkSize: 10, concurrency: 1 });
    const done = main.next('import:done');
    // Not awaited: the cancel reaches main while it still opens the connection, the plan file and the journal.
    const started = main.request('import:start', { plan, fileName: 'khach-hang.xlsx' });
    await main.request('import:cancel', { importId: plan.importId });
    expect((await started).ok).toBe(true);
    const result = await done;
    expect(result.cancelled).toBe(true);
    expect(result.counts.created).toBe(0);
    expect(await sandbox.contacts()).toEqual([]);
    expect(await main.request('import:pending', undefined)).toMatchObject([{ importId: plan.importId, done: 0 }]);
  });

  it('pauses on an expired token and continues once the user renews it', async () => {
    const main = mainProcess();
    const plan = await planFor(messyPath, 'create', { chunkSize: 20, concurrency: 1 });
    await sandbox.faults({ tokenExpiresAfter: 3 });
    const needs = main.next('import:needs-credentials');
    const done = main.next('import:done');
    await main.request('import:start', { plan, fileName: 'khach-hang.xlsx' });
    await needs;
    await sandbox.faults({ tokenExpiresAfter: null });
    expect(await main.request('credentials:renew', { token: 'new-token' })).toEqual({ ok: true, value: true });
    const result = await done;
    expect(result.counts.failed).toBe(0);
    expect(await sandbox.contacts()).toHaveLength(plan.rows.length);
  });
});

describe('row outcomes sent to the window', () => {
  it('comes in slices of at most 2,000 rows, even when a cancel settles thousands at once, and covers every row', async () => {
    const big = join(dir, 'khach-hang-5000.xlsx');
    if (!existsSync(big)) writeMessyWorkbook(big, { rows: 5000 });
    const main = mainProcess();
    await sandbox.faults({ latencyMs: 100 });
    const plan = await planFor(big, 'create', { chunkSize: 10, concurrency: 1 });
    expect(plan.rows.length).toBeGreaterThan(4000);
    const firstProgress = main.next('import:progress', (p) => p.created > 0);
    const cancelled = main.next('import:done');
    await main.request('import:start', { plan, fileName: 'khach-hang-5000.xlsx' });
    await within(firstProgress, 60_000, 'progress');
    await main.request('import:cancel', { importId: plan.importId });
    const result = await within(cancelled, 60_000, 'import:done');
    await sandbox.faults({ latencyMs: 0 });
    expect(result.counts.skipped).toBeGreaterThan(2000);
    const events = main.events.filter((e) => e.event === 'import:rows').map((e) => e.payload as Events['import:rows']);
    const batches = events.map((e) => expandGroups(e.outcomes, e.grouped));
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(2000);
    // Every row exactly once, with the outcome the result gives it.
    const rows = batches.flat().map((o) => o.rowNumber);
    expect(rows).toHaveLength(plan.rows.length);
    expect(new Set(rows)).toEqual(new Set(plan.rows.map((r) => r.rowNumber)));
    const fate = new Map(allOutcomes(result).map((o) => [o.rowNumber, [o.outcome, o.code, o.reason]]));
    for (const o of batches.flat()) expect([o.outcome, o.code, o.reason]).toEqual(fate.get(o.rowNumber));
    // The rows the cancel left unsent came as row numbers (alike outcomes grouped), not thousands of objects.
    const unsent = events.filter((e) => (e.grouped ?? []).some((g) => g.code === 'cancelled' && g.rowNumbers.length > 100));
    expect(unsent.length).toBeGreaterThan(0);
    for (const e of unsent) expect(JSON.stringify(e).length).toBeLessThan(40 * expandGroups(e.outcomes, e.grouped).length);
  });
});

/** Fails with `what` if `promise` does not settle within `ms` (the window would be left waiting). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))]);
}

describe('an import whose files cannot be written', () => {
  it('answers why when the journal folder cannot be made (a file stands there) and sends nothing', async () => {
    const main = mainProcess();
    const journals = join(main.userDataDir, 'journals');
    writeFileSync(journals, 'not a folder');
    const before = (await sandbox.contacts()).length;
    const plan = await planFor(messyPath);
    const started = await main.request('import:start', { plan, fileName: 'khach-hang.xlsx' });
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.error.code).toBe('journal.write');
    expect(started.error.text.en).toContain(journals);
    expect(started.error.text.en).toMatch(/free space.*start the import again/);
    expect(started.error.text.vi).toContain(journals);
    expect(started.error.text.vi).toMatch(/chỗ trống.*nhập lại/);
    expect((await sandbox.contacts()).length).toBe(before);
    expect(main.events).toEqual([]);
    // Once the folder can be made, the same plan imports.
    rmSync(journals);
    const done = main.next('import:done');
    expect((await main.request('import:start', { plan, fileName: 'khach-hang.xlsx' })).ok).toBe(true);
    expect((await within(done, 60_000, 'import:done')).counts.created).toBe(plan.rows.length);
  });

  it('still sends the result when the history cannot be written (a folder stands where history.json goes)', async () => {
    const main = mainProcess();
    mkdirSync(join(main.userDataDir, 'history.json'));
    const plan = await planFor(messyPath, 'create', { chunkSize: 50 });
    const done = main.next('import:done');
    expect((await main.request('import:start', { plan, fileName: 'khach-hang.xlsx' })).ok).toBe(true);
    const result = await within(done, 60_000, 'import:done');
    expect(result.counts.created).toBe(plan.rows.length);
    // Every row is accounted for; the window gets the rows created as one group of row numbers (compactResult).
    expect(allOutcomes(result)).toHaveLength(plan.rows.length);
    expect(result.outcomes).toEqual([]);
    expect(result.grouped).toEqual([{ outcome: 'created', rowNumbers: expect.arrayContaining(plan.rows.map((r) => r.rowNumber)) }]);
    expect(main.events.filter((e) => e.event === 'import:failed')).toEqual([]);
    // The journal says the import finished, so it is not offered again.
    expect(await main.request('import:pending', undefined)).toEqual([]);
  });

  it('refuses to continue from a damaged journal with the journal\'s own sentence, not "data not found"', async () => {
    const main = mainProcess();
    await sandbox.faults({ latencyMs: 40 });
    const plan = await planFor(messyPath, 'create', { chunkSize: 10, concurrency: 1 });
    const firstProgress = main.next('import:progress', (p) => p.created > 0);
    const cancelled = main.next('import:done');
    const started = await main.request('import:start', { plan, fileName: 'khach-hang.xlsx' });
    await within(firstProgress, 60_000, 'progress');
    await main.request('import:cancel', { importId: plan.importId });
    await within(cancelled, 60_000, 'import:done');
    await sandbox.faults({ latencyMs: 0 });
    const journalPath = started.ok ? started.value.journalPath : '';
    const lines = readFileSync(journalPath, 'utf8').split('\n');
    writeFileSync(journalPath, [lines[0], '{ not json', ...lines.slice(1)].join('\n'));
    const continued = await main.request('import:continue', { importId: plan.importId });
    expect(continued).toMatchObject({ ok: false, error: { code: 'journal.damaged' } });
    if (!continued.ok) expect(continued.error.text.en).toContain(journalPath);
  });
});
