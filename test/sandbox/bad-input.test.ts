/**
 * Bad input straight over HTTP (as curl or a broken client would send it): every answer is a clear error
 * envelope — a non-9999 status_code and a sentence, never a stack trace — and the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../support/sandbox';

let sb: SandboxHandle;

beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => sb?.stop());

interface Reply {
  status: number;
  text: string;
  json: { status_code: number; message?: string; payload?: unknown };
  headers: Headers;
}

async function send(path: string, init: { method?: string; body?: string | Uint8Array; token?: string | null } = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? sb.token}`;
  const res = await fetch(`${sb.url}${path}`, { method: init.method ?? 'POST', headers, body: init.body, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text), headers: res.headers };
}

function expectClearError(r: Reply, http: number, why: RegExp): void {
  expect(r.status).toBe(http);
  expect(r.json.status_code).not.toBe(9999);
  expect(r.json.message).toMatch(why);
  expect(r.text).not.toMatch(/\bat .+\.(ts|js):\d+|Error:|node:internal/);
}

async function stillServing(): Promise<void> {
  const r = await send('/api/v2/contact/layout/list', { method: 'GET' });
  expect(r.json.status_code).toBe(9999);
}

describe('bad input gets a clear error envelope and the server keeps serving', () => {
  it.each([
    ['/api/v2/contact/add', '{"fullName": "An",'],
    ['/api/v2/contact/addMany', '{"data": [}'],
    ['/api/v2/contact/update', 'not json at all'],
    ['/api/v2/contact/search', '\u0000\u0001'],
  ])('malformed JSON to %s', async (path, body) => {
    expectClearError(await send(path, { body }), 400, /not valid JSON/);
    await stillServing();
  });

  it.each([
    ['/api/v2/contact/add', '"just a string"', /JSON object/],
    ['/api/v2/contact/add', '[1,2,3]', /JSON object/],
    ['/api/v2/contact/add', '{"phones": "0912345678"}', /phones must be a list/],
    ['/api/v2/contact/add', '{"tags": [1]}', /tags\[0\]/],
    ['/api/v2/contact/add', '{"fullName": null}', /fullName must be a string/],
    ['/api/v2/contact/addMany', '{"data": {"0": {}}}', /\{"data"/],
    ['/api/v2/contact/update', '{"refId": 7}', /refId must be a string/],
    ['/api/v2/contact/update', '{"_id": "x", "otherDynamicUpdates": {}}', /otherDynamicUpdates must be a list/],
  ])('wrong types to %s: %s', async (path, body, why) => {
    expectClearError(await send(path, { body }), 400, why);
    await stillServing();
  });

  it('a body over 10 MB is 413, whatever it holds', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1024).fill(0x20);
    expectClearError(await send('/api/v2/contact/addMany', { body: big }), 413, /too large/);
    await stillServing();
  });

  it('a valid 9 MB addMany is accepted (the limit is not too tight)', async () => {
    const row = { fullName: 'Nguyễn Văn A', note: 'x'.repeat(1800) };
    const data = Array.from({ length: 4500 }, () => row);
    const body = JSON.stringify({ data });
    expect(body.length).toBeGreaterThan(8_000_000);
    const r = await send('/api/v2/contact/addMany', { body });
    expect(r.json).toMatchObject({ status_code: 9999, payload: { success: true } });
    await sb.reset();
  });

  it('unknown ids are 404 with a sentence', async () => {
    expectClearError(await send('/api/v2/contact/get/000000000000000000000000', { method: 'GET' }), 404, /no contact with id/);
    expectClearError(await send('/api/v2/contact/get/%E0%A4%A', { method: 'GET' }), 404, /no contact/);
    expectClearError(await send('/api/v2/contact/update', { body: '{"_id": "nope", "fullName": "x"}' }), 404, /no contact with _id "nope"/);
    await stillServing();
  });

  it('unknown routes are 404 and a wrong method is 405 with Allow', async () => {
    expectClearError(await send('/api/v2/contact/delete', { body: '{}' }), 404, /no such endpoint/);
    expectClearError(await send('/', { method: 'GET' }), 404, /no such endpoint/);
    const r = await send('/api/v2/contact/add', { method: 'GET' });
    expectClearError(r, 405, /takes POST/);
    expect(r.headers.get('allow')).toBe('POST');
    await stillServing();
  });

  it('a wrong or missing token is 401 with a credentials envelope, before anything is done', async () => {
    expectClearError(await send('/api/v2/contact/add', { body: '{"fullName":"x"}', token: 'wrong' }), 401, /token is not valid/);
    expectClearError(await send('/api/v2/contact/add', { body: '{"fullName":"x"}', token: null }), 401, /no access token/);
    expect(await sb.contacts()).toHaveLength(0);
    await stillServing();
  });

  it('admin routes answer plain JSON errors for unknown paths and bad boards', async () => {
    const res = await fetch(`${sb.url}/__sandbox/nothing`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/GET \/__sandbox\/contacts/);
    const bad = await fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', body: '{oops' });
    expect(bad.status).toBe(400);
    await stillServing();
  });

  it('a client that hangs up mid-request does not hurt the server', async () => {
    const ctl = new AbortController();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"data": ['));
        setTimeout(() => ctl.abort(), 50);
      },
    });
    await fetch(`${sb.url}/api/v2/contact/addMany`, {
      method: 'POST', headers: { authorization: `Bearer ${sb.token}` }, body: stream, signal: ctl.signal, duplex: 'half',
    } as RequestInit).catch(() => undefined);
    await stillServing();
  });
});
