/**
 * Each fault switch of the sandbox, met through the OMI client: the error kind the upload engine acts on,
 * whether the call may have been processed, and what the server actually stored.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OmiApi } from '../../shared/omi/api';
import { createOmiClient } from '../../shared/omi/client';
import { OmiError } from '../../shared/omi/errors';
import { startSandbox, type SandboxHandle } from '../support/sandbox';

const TOKEN = 'tok-Secret-4f9a2c77';
let sb: SandboxHandle;
let api: OmiApi;
/** Every error met in this file; none may mention the token. */
const seen: OmiError[] = [];

beforeAll(async () => {
  sb = await startSandbox({ token: TOKEN });
  api = createOmiClient({ baseUrl: sb.url, token: TOKEN, timeoutMs: 10_000 });
});
afterAll(async () => {
  await sb?.stop();
});
beforeEach(async () => sb.reset());

async function failure(p: Promise<unknown>): Promise<OmiError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(OmiError);
  seen.push(e as OmiError);
  return e as OmiError;
}

const contact = { fullName: 'Võ Thị Sáu', phones: [{ data: '0987654321', type: 'personal', valueType: 'Cá nhân' }] };

describe('faults switchboard', () => {
  it('answers the whole board, with its documented defaults, and refuses unknown keys or bad values', async () => {
    expect(await sb.faults({})).toEqual({
      latencyMs: 0, ratePerSecond: null, errorRate: 0, dropRate: 0, timeoutRate: 0, malformedRate: 0, statusCodeRate: 0,
      tokenExpiresAfter: null, maxBatch: null, addManyErrors: 'detail-by-index', refIdDuplicates: 'reject', randomSeed: 1,
    });
    expect((await sb.faults({ errorRate: 0.25 })).errorRate).toBe(0.25);
    await expect(sb.faults({ errorRat: 1 } as never)).rejects.toThrow(/unknown fault key "errorRat"/);
    await expect(sb.faults({ errorRate: 2 })).rejects.toThrow(/from 0 to 1/);
    await expect(sb.faults({ addManyErrors: 'loud' as never })).rejects.toThrow(/addManyErrors/);
  });

  it('latencyMs: an answer slower than the client allows is a timeout', async () => {
    await sb.faults({ latencyMs: 400 });
    const e = await failure(api.layoutList({ timeoutMs: 50 }));
    expect(e).toMatchObject({ kind: 'timeout', maybeProcessed: true });
    expect((await api.layoutList({ timeoutMs: 10_000 })).length).toBe(2);
  });

  it('ratePerSecond: above the rate, 429 with the server\'s Retry-After, and nothing done', async () => {
    await sb.faults({ ratePerSecond: 1 });
    // Sent together so that all three land inside one second, however busy the machine.
    const settled = await Promise.allSettled([api.add(contact), api.add(contact), api.add(contact)]);
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as OmiError] : []));
    seen.push(...refused);
    for (const e of refused) {
      expect(e).toBeInstanceOf(OmiError);
      expect(e).toMatchObject({ kind: 'rate-limited', httpStatus: 429 });
      expect(e.retryAfterMs).toBeGreaterThanOrEqual(1000);
    }
    expect(await sb.contacts()).toHaveLength(1);
  });

  it('errorRate: 5xx, retryable, and nothing was stored', async () => {
    await sb.faults({ errorRate: 1 });
    const e = await failure(api.add(contact));
    expect(e.kind).toBe('retryable');
    expect(e.httpStatus).toBeGreaterThanOrEqual(500);
    expect(await sb.contacts()).toHaveLength(0);
  });

  it('dropRate: connection dropped after processing → retryable, maybe processed, and it was stored', async () => {
    await sb.faults({ dropRate: 1 });
    const e = await failure(api.add(contact));
    expect(e).toMatchObject({ kind: 'retryable', maybeProcessed: true });
    expect(await sb.contacts()).toHaveLength(1);
  });

  it('timeoutRate: the answer is held → timeout, maybe processed, and it was stored', async () => {
    await sb.faults({ timeoutRate: 1 });
    const e = await failure(api.addMany([contact, contact], { timeoutMs: 300 }));
    expect(e).toMatchObject({ kind: 'timeout', maybeProcessed: true });
    expect(await sb.contacts()).toHaveLength(2);
  });

  it('malformedRate: a body that is not JSON → retryable, maybe processed, and it was stored', async () => {
    await sb.faults({ malformedRate: 1 });
    const e = await failure(api.add(contact));
    expect(e).toMatchObject({ kind: 'retryable', maybeProcessed: true });
    expect(await sb.contacts()).toHaveLength(1);
  });

  it('statusCodeRate: a non-9999 status_code → rejected, and nothing done', async () => {
    await sb.faults({ statusCodeRate: 1 });
    const e = await failure(api.add(contact));
    expect(e).toMatchObject({ kind: 'rejected', statusCode: 5000, maybeProcessed: false });
    expect(await sb.contacts()).toHaveLength(0);
  });

  it('tokenExpiresAfter: after N calls the token is refused until the board is posted again', async () => {
    await sb.faults({ tokenExpiresAfter: 2 });
    await api.layoutList();
    await api.funnelList();
    const e = await failure(api.add(contact));
    expect(e).toMatchObject({ kind: 'credentials', httpStatus: 401 });
    expect(await sb.contacts()).toHaveLength(0);
    expect((await failure(api.layoutList())).kind).toBe('credentials');
    await sb.faults({});
    expect(await api.add(contact)).toBe(true);
  });

  it('maxBatch: a larger addMany is 413 too-large; one at the limit goes through', async () => {
    await sb.faults({ maxBatch: 2 });
    const e = await failure(api.addMany([contact, contact, contact]));
    expect(e).toMatchObject({ kind: 'too-large', httpStatus: 413 });
    expect(await sb.contacts()).toHaveLength(0);
    expect(await api.addMany([contact, contact])).toEqual({ rejected: [] });
  });

  it('randomSeed: the same seed gives the same sequence of faults', async () => {
    const run = async () => {
      await sb.faults({ errorRate: 0.5, randomSeed: 42 });
      const out: string[] = [];
      for (let i = 0; i < 24; i++) out.push(await api.funnelList().then(() => 'ok', (e: OmiError) => e.kind));
      return out.join(',');
    };
    const first = await run();
    expect(first).toMatch(/ok/);
    expect(first).toMatch(/retryable/);
    expect(await run()).toBe(first);
  });

  it('stats count requests by endpoint and outcome', async () => {
    await api.add(contact);
    await api.add({ gender: 'x' } as never).catch(() => {});
    expect((await api.addMany([contact, { gender: 'x' } as never])).rejected).toHaveLength(1);
    await sb.faults({ errorRate: 1 });
    await api.layoutList().catch(() => {});
    const stats = (await sb.stats()) as { total: number; byEndpoint: Record<string, Record<string, number>>; contactsCreated: number };
    expect(stats.total).toBe(4);
    expect(stats.byEndpoint.add).toEqual({ ok: 1, 'bad-request': 1 });
    expect(stats.byEndpoint.addMany).toEqual({ partial: 1 });
    expect(stats.byEndpoint.layoutList).toEqual({ 'server-error': 1 });
    expect(stats.contactsCreated).toBe(2);
  });
});

describe('client failures without a fault switch', () => {
  it('a cancelled call is "aborted"', async () => {
    await sb.faults({ latencyMs: 2000 });
    const ctl = new AbortController();
    const p = api.layoutList({ signal: ctl.signal });
    setTimeout(() => ctl.abort(), 50);
    expect((await failure(p)).kind).toBe('aborted');
    expect((await failure(api.layoutList({ signal: AbortSignal.abort() }))).kind).toBe('aborted');
  });

  it('a wrong token is "credentials", and the message names neither token', async () => {
    const wrong = createOmiClient({ baseUrl: sb.url, token: 'wrong-Token-77aa' });
    const e = await failure(wrong.layoutList());
    expect(e).toMatchObject({ kind: 'credentials', httpStatus: 401 });
    expect(JSON.stringify({ ...e, message: e.message, stack: e.stack })).not.toContain('wrong-Token-77aa');
  });

  it('nobody listening is retryable and surely not processed', async () => {
    const other = await startSandbox();
    const url = other.url;
    await other.stop();
    const e = await failure(createOmiClient({ baseUrl: url, token: 'x' }).add(contact));
    expect(e).toMatchObject({ kind: 'retryable', maybeProcessed: false });
  });

  it('no error met in this file mentions the token, in either language', () => {
    expect(seen.length).toBeGreaterThanOrEqual(12);
    for (const e of seen) {
      for (const text of [e.message, e.text.vi, e.text.en, String(e.stack), JSON.stringify(e)]) expect(text).not.toContain(TOKEN);
      expect(e.text.vi).not.toBe(e.text.en);
    }
  });
});

/** Waits (bounded) until the sandbox has counted a held answer, so the test never races the request. */
async function heldSeen(s: SandboxHandle): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const st = (await s.stats()) as { byOutcome: Record<string, number> };
    if (st.byOutcome.timeout) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the held call never reached the sandbox');
}

describe('held answers', () => {
  it('are dropped by a reset, and the sandbox answers normally after it', async () => {
    await sb.faults({ timeoutRate: 1 });
    const pending = fetch(`${sb.url}/api/v2/contact/filterContact/list`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    }).then(() => 'answered', () => 'closed');
    await heldSeen(sb);
    await sb.reset();
    expect(await pending).toBe('closed');
    expect((await api.funnelList())[0].id).toBe('f1');
  });

  it('never keep the sandbox from stopping', async () => {
    const own = await startSandbox();
    await own.faults({ timeoutRate: 1 });
    // A raw call that waits for the held answer (it ends when the server stops).
    const pending = fetch(`${own.url}/api/v2/contact/layout/list`, { headers: { authorization: `Bearer ${own.token}` } }).catch(() => 'closed');
    await heldSeen(own);
    await own.stop();
    expect(own.process.signalCode).toBeNull();
    expect(own.process.exitCode).toBe(0);
    expect(await pending).toBe('closed');
  });
});
