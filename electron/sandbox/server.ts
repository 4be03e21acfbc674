/**
 * The sandbox HTTP server: plain node:http on 127.0.0.1 only. Runs each API call through the faults
 * switchboard (server-side order: latency, rate limit, token, 5xx, status_code, then the endpoint, then
 * drop / hold / malformed), and serves the admin routes under /__sandbox/.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './admin';
import { Faults, type FaultBoard } from './faults';
import { DEFAULT_BODY_LIMIT, envelope, readBody, sendFailure, sendJson, type Failure } from './http';
import type { Bilingual } from '../../shared/text';
import { acquireDataLock, type DataLock } from './data-lock';
import { Persister, readStoreFile } from './persist';
import { badRequest, matchRoute, type Answer } from './routes';
import { storeFromSeed, type SeedData } from './seed';
import { Stats, type Outcome } from './stats';
import { ContactStore } from './store';

/** How long a `timeoutRate` answer is held. */
export const HOLD_MS = 120_000;

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Accepted Bearer token; default "sandbox". */
  token?: string;
  /** Keep the store in this JSON file across restarts. */
  dataFile?: string;
  /** Loaded into an empty store (and restored by reset). */
  seed?: SeedData;
  /** Initial switchboard (e.g. `{ randomSeed: 7 }`); reset returns to it. */
  faults?: Partial<FaultBoard>;
  /** Bodies above this many bytes get 413 (default 10 MiB). */
  bodyLimitBytes?: number;
  /** Where persistence failures are reported (default stderr). */
  log?: (line: string) => void;
  /**
   * Which program this is, as a person names it: written in the data file's lock so that a second program that
   * finds the file held can say who holds it (default: omi-sandbox).
   */
  owner?: Bilingual;
}

export interface RunningSandbox {
  url: string;
  port: number;
  token: string;
  store: ContactStore;
  faults: Faults;
  stats: Stats;
  /** Back to the starting state: seed (or built-in) store, initial board, zero stats; held answers are dropped. */
  reset(): Promise<void>;
  /** Stops listening, drops every connection (held answers included) and flushes the data file. */
  close(): Promise<void>;
}

interface Held {
  timer: NodeJS.Timeout;
  res: ServerResponse;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

function outcomeOf(a: Answer): Outcome {
  if ('body' in a) {
    // addMany that created the valid rows and named the refused ones.
    const payload = (a.body as { payload?: { error?: unknown } }).payload;
    return payload && typeof payload === 'object' && payload.error !== undefined ? 'partial' : 'ok';
  }
  if (a.http === 404) return 'not-found';
  if (a.http === 413) return 'too-large';
  if (a.http === 400) return 'bad-request';
  return 'rejected';
}

/** Starts a sandbox in this process (the CLI and the app's embedded sandbox both use it). */
export async function startSandboxServer(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  // One sandbox per data file: taken before reading it, so no one else is writing it meanwhile.
  const lock: DataLock | undefined = opts.dataFile ? await acquireDataLock(opts.dataFile, opts.owner ?? { vi: 'omi-sandbox', en: 'omi-sandbox' }) : undefined;
  try {
    return await start(opts, lock);
  } catch (e) {
    await lock?.release();
    throw e;
  }
}

async function start(opts: SandboxOptions, lock: DataLock | undefined): Promise<RunningSandbox> {
  const token = opts.token ?? 'sandbox';
  const bodyLimit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const read = opts.dataFile ? await readStoreFile(opts.dataFile) : undefined;
  const loaded = read?.state;
  const fresh = () => storeFromSeed(opts.seed);
  // A seed only goes into an empty store: a data file that already holds contacts wins.
  const fromData = loaded !== undefined && (loaded.contacts.length > 0 || !opts.seed);
  let persister: Persister | undefined;
  if (opts.dataFile) {
    persister = new Persister(opts.dataFile, () => store.snapshot());
    // Before the store is built from it (which may reorder a hand-edited file).
    if (read && fromData) persister.adopt(read);
  }
  const store = fromData ? new ContactStore(loaded) : fresh();
  const faults = new Faults(opts.faults);
  const stats = new Stats();
  const held = new Set<Held>();
  if (persister) {
    persister.onError = (e) => log(`omi-sandbox: could not write the data file ${opts.dataFile}: ${e.message}`);
    store.onChange = () => persister?.schedule();
  }

  const dropHeld = () => {
    for (const h of held) {
      clearTimeout(h.timer);
      h.res.destroy();
    }
    held.clear();
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = matchRoute(req.method ?? 'GET', url.pathname);
    if (!match) {
      stats.count('other', 'unknown-route');
      return sendFailure(res, { http: 404, statusCode: 404, message: `no such endpoint: ${req.method} ${url.pathname}` });
    }
    if ('wrongMethod' in match) {
      stats.count('other', 'wrong-method');
      return sendFailure(res, {
        http: 405, statusCode: 405, message: `${url.pathname} takes ${match.wrongMethod.join(', ')}, not ${req.method}`,
        headers: { allow: match.wrongMethod.join(', ') },
      });
    }
    const { route, params } = match;
    const count = (o: Outcome) => stats.count(route.endpoint, o);
    const body = route.hasBody ? await readBody(req, bodyLimit) : { ok: true as const, text: '' };
    const board = faults.board;
    if (board.latencyMs > 0) await sleep(board.latencyMs);
    if (board.ratePerSecond !== null) {
      const r = faults.rate.take(board.ratePerSecond, Date.now());
      if (!r.ok) {
        count('rate-limited');
        return sendFailure(res, {
          http: 429, statusCode: 429, message: `too many requests: at most ${board.ratePerSecond} per second`,
          headers: { 'retry-after': String(r.retryAfterSeconds) },
        });
      }
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${token}`) {
      count('unauthorized');
      return sendFailure(res, { http: 401, statusCode: 401, message: auth ? 'the access token is not valid' : 'no access token: send Authorization: Bearer <token>' });
    }
    faults.callsSincePost++;
    if (board.tokenExpiresAfter !== null && faults.callsSincePost > board.tokenExpiresAfter) {
      count('unauthorized');
      return sendFailure(res, { http: 401, statusCode: 401, message: 'the access token has expired' });
    }
    if (!body.ok) {
      count('too-large');
      return sendFailure(res, { http: 413, statusCode: 413, message: `the request body is too large: ${body.bytes} bytes, at most ${bodyLimit}` });
    }
    if (faults.roll(board.errorRate)) {
      count('server-error');
      const http = faults.pick([500, 502, 503]);
      return sendFailure(res, { http, statusCode: http, message: 'simulated server error (nothing was done)' });
    }
    if (faults.roll(board.statusCodeRate)) {
      count('status-code');
      return sendJson(res, 200, envelope(null, 5000, 'simulated failure status_code (nothing was done)'));
    }
    let parsed: unknown;
    if (route.hasBody && body.text.trim() !== '') {
      try {
        parsed = JSON.parse(body.text);
      } catch {
        count('bad-request');
        return sendFailure(res, badRequest('the request body is not valid JSON'));
      }
    }
    const before = store.size;
    const answer = route.run({ body: parsed, params, query: url.searchParams, store, board });
    stats.created(store.size - before);
    if (faults.roll(board.dropRate)) {
      count('dropped');
      req.socket.destroy();
      return;
    }
    if (faults.roll(board.timeoutRate)) {
      count('timeout');
      const h: Held = { res, timer: setTimeout(() => { held.delete(h); send(res, answer); }, HOLD_MS) };
      // A held answer must never keep the process alive on stop.
      h.timer.unref();
      res.on('close', () => { clearTimeout(h.timer); held.delete(h); });
      held.add(h);
      return;
    }
    if (faults.roll(board.malformedRate)) {
      count('malformed');
      const text = JSON.stringify('body' in answer ? answer.body : envelope(null, answer.statusCode, answer.message));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(`<html><body>Bad Gateway</body></html>\n${text.slice(0, Math.floor(text.length / 2))}`);
      return;
    }
    count(outcomeOf(answer));
    send(res, answer);
  }

  function send(res: ServerResponse, a: Answer): void {
    if ('body' in a) sendJson(res, a.http, a.body);
    else sendFailure(res, a as Failure);
  }

  async function reset(): Promise<void> {
    dropHeld();
    store.replace(fresh().snapshot());
    faults.reset(opts.faults);
    stats.clear();
    await persister?.flush();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const work = url.pathname.startsWith('/__sandbox/')
      ? handleAdmin(req, res, url, { store, faults, stats, reset, bodyLimit })
      : handleApi(req, res, url);
    work.catch((e: unknown) => {
      // Never a stack trace to the client; the server keeps serving.
      if (!res.headersSent && !res.destroyed) {
        sendFailure(res, { http: 500, statusCode: 500, message: `the sandbox could not handle this request: ${(e as Error)?.message ?? 'unknown error'}` });
      } else res.destroy();
    });
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  try {
    await lock?.record(url, token);
  } catch (e) {
    server.close();
    throw e;
  }
  // The app may quit without stopping its sandbox: what is pending is written, and the lock let go, on the way out.
  const onExit = () => {
    try {
      persister?.flushSync();
    } catch {
      /* nothing more can be done while exiting; the last written store stays whole */
    }
    lock?.releaseSync();
  };
  process.once('exit', onExit);
  // A new store (seed or built-in) is written once listening, not before: a failed start writes nothing.
  if (persister && !fromData) persister.schedule();

  return {
    url,
    port,
    token,
    store,
    faults,
    stats,
    reset,
    async close() {
      dropHeld();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
      try {
        await persister?.flush();
      } finally {
        process.off('exit', onExit);
        await lock?.release();
      }
    },
  };
}
