/**
 * What the client says when the base URL is not an OMI API: a real loopback web server that answers a web page,
 * or nothing at the path. The person must read "check the address", not a parse error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOmiClient } from '../../shared/omi/client';
import { OmiError } from '../../shared/omi/errors';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/site/')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>Đăng nhập</body></html>');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function failure(p: Promise<unknown>): Promise<OmiError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(OmiError);
  return e as OmiError;
}

describe('a base URL that is not the OMI API', () => {
  it('a website answering a page: "check the address"', async () => {
    const e = await failure(createOmiClient({ baseUrl: `${base}/site`, token: 'x' }).layoutList());
    expect(e.kind).toBe('retryable');
    expect(e.text.en).toMatch(/web page, not the OMI API/);
    expect(e.text.vi).toMatch(/trang web/);
  });

  it('nothing at the path: 404 "no OMI API at this address"', async () => {
    const e = await failure(createOmiClient({ baseUrl: `${base}/nothing`, token: 'x' }).funnelList());
    expect(e).toMatchObject({ kind: 'rejected', httpStatus: 404 });
    expect(e.text.en).toMatch(/no OMI API at this address/);
  });

  it('a plain-http address off this machine gets no request at all (the token would travel in clear)', async () => {
    let called = false;
    const spy: typeof fetch = async (...a) => {
      called = true;
      return fetch(...a);
    };
    const e = await failure(createOmiClient({ baseUrl: 'http://crm.example.vn', token: 'x', fetch: spy }).layoutList());
    expect(e.kind).toBe('rejected');
    expect(e.text.en).toMatch(/unencrypted/);
    expect(called).toBe(false);
  });
});
