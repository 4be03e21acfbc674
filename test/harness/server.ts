/**
 * The browser harness: serves the built renderer and, in place of Electron's preload, a bridge script whose
 * `window.omi` calls the SAME main-process handlers (createHandlers) over loopback:
 *   POST /__bridge/request {channel, args}  → validated with requestSchemas[channel], answered as JSON
 *   GET  /__bridge/events                   → the handlers' events as server-sent events
 * Test-only: the test decides what the next open / save dialog answers (functions below, or
 * POST /__test/dialogs {open?, save?}), and GET /__test/file?path=… serves a file for drag-and-drop.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { EventChannel, Events } from '../../shared/ipc/contract';
import { dispatchRequest, IpcRequestError } from '../../electron/main/ipc-dispatch';
import { createHandlers } from '../../electron/main/handlers/index';
import type { Handlers, MainDeps } from '../../electron/main/handlers/types';
import { parseWithBytes, stringifyWithBytes, type Base64 } from './codec';

const b64: Base64 = {
  encode: (bytes) => Buffer.from(bytes).toString('base64'),
  decode: (text) => new Uint8Array(Buffer.from(text, 'base64')),
};

/**
 * The page's bridge sends a request carrying bytes (a 100,000-row plan is ~50 MB) from this worker: Chromium's
 * fetch takes in a big ArrayBuffer body on the calling thread, for seconds, where Electron's IPC copies it in a
 * few ms. Same origin, so the renderer's CSP (worker-src 'self') allows it.
 */
const UPLOAD_WORKER = `onmessage = async (e) => {
  const { id, init, bigEvent } = e.data;
  if (bigEvent !== undefined) {
    // A big event is read and parsed here and handed to the page as an object (a structured clone, as Electron's
    // IPC delivers events), not parsed from megabytes of text on the page's thread.
    const res = await fetch('/__bridge/big-event?id=' + bigEvent);
    postMessage({ id, value: JSON.parse(await res.text()) });
    return;
  }
  try {
    const res = await fetch('/__bridge/request', init);
    postMessage({ id, ok: res.ok, status: res.status, text: await res.text() });
  } catch (err) {
    postMessage({ id, ok: false, status: 0, text: JSON.stringify({ error: String(err) }) });
  }
};`;

/** Events longer than this (as JSON text) reach the page through its worker. */
const BIG_EVENT_CHARS = 1_000_000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
};

export interface HarnessOptions {
  /** Folder of the built renderer (index.html + assets). */
  rendererDir: string;
  /** The OMI sandbox the "Sandbox" connection uses (a real omi-sandbox process started by the test). */
  sandbox: { url: string; token: string };
  /** Defaults to a fresh temp folder, removed on close. */
  userDataDir?: string;
}

export interface Harness {
  url: string;
  userDataDir: string;
  /** The path the next "open file" dialog answers (null = the user cancels). */
  nextOpen(path: string | null): void;
  /** The path the next "save" dialog answers (null = the user cancels). */
  nextSave(path: string | null): void;
  /** URLs the app asked the OS to open. */
  opened: string[];
  /** Every event emitted by the handlers, in order (for assertions). */
  events: { event: EventChannel; payload: unknown }[];
  /**
   * Holds back the events of one channel from the page (they are still recorded in `events`) until the returned
   * function is called, which delivers them in order: lets a test look at the window between two events.
   */
  hold(event: EventChannel): () => void;
  close(): Promise<void>;
}

/** Starts the harness on 127.0.0.1 with a free port. */
export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const ownDir = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'omi-harness-'));
  let openAnswer: string | null = null;
  let saveAnswer: string | null = null;
  const clients = new Set<ServerResponse>();
  const events: Harness['events'] = [];
  const opened: string[] = [];
  const held = new Map<EventChannel, string[]>();
  // Events too big to parse on the page's thread (a 100,000-row import:done): kept here until the page's worker
  // fetches them (see UPLOAD_WORKER).
  const bigEvents = new Map<number, string>();
  let nextBig = 1;
  const broadcast = (line: string) => {
    for (const c of clients) c.write(line);
  };

  const deps: MainDeps = {
    userDataDir,
    secrets: (() => {
      let token: string | null = null;
      return { get: async () => token, set: async (t: string) => void (token = t) };
    })(),
    dialogs: {
      openFile: async () => openAnswer,
      saveFile: async (defaultName) => saveAnswer ?? join(userDataDir, defaultName),
    },
    openExternal: async (url) => void opened.push(url),
    emit<E extends EventChannel>(event: E, payload: Events[E]) {
      events.push({ event, payload });
      // An event with bytes in it goes as SSE event "bytes", decoded with the reviver; every other one (all the
      // contract's events today) as a plain message the page reads with JSON.parse alone. The reviver calls a
      // function per value: on a 100,000-row import:done that took seconds on the page's main thread.
      let withBytes = false;
      const text = stringifyWithBytes({ event, payload }, { ...b64, encode: (bytes) => ((withBytes = true), b64.encode(bytes)) });
      let line = `${withBytes ? 'event: bytes\n' : ''}data: ${text}\n\n`;
      if (!withBytes && text.length > BIG_EVENT_CHARS) {
        const id = nextBig++;
        bigEvents.set(id, text);
        line = `event: big\ndata: ${id}\n\n`;
      }
      const queue = held.get(event);
      if (queue) queue.push(line);
      else broadcast(line);
    },
    sandbox: async () => opts.sandbox,
  };
  const handlers: Handlers = createHandlers(deps);

  const bridgeScript = (
    await build({ entryPoints: [join(import.meta.dirname, 'bridge-client.ts')], bundle: true, format: 'iife', write: false, target: 'es2022' })
  ).outputFiles[0].text;
  const indexHtml = readFileSync(join(opts.rendererDir, 'index.html'), 'utf8').replace(
    '<head>',
    // A classic script from 'self' (the CSP allows it) that runs before the renderer's module script.
    '<head>\n    <script src="/__bridge/bridge.js"></script>',
  );
  const root = resolve(opts.rendererDir);

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/__bridge/request') return bridgeRequest(req, res);
    if (req.method === 'GET' && url.pathname === '/__bridge/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/__bridge/bridge.js') return send(res, 200, TYPES['.js'], bridgeScript);
    if (req.method === 'GET' && url.pathname === '/__bridge/upload-worker.js') return send(res, 200, TYPES['.js'], UPLOAD_WORKER);
    if (req.method === 'GET' && url.pathname === '/__bridge/big-event') {
      const id = Number(url.searchParams.get('id'));
      const text = bigEvents.get(id);
      bigEvents.delete(id);
      return text === undefined ? send(res, 404, 'text/plain', 'no such event') : send(res, 200, 'application/json', text);
    }
    if (req.method === 'POST' && url.pathname === '/__test/dialogs') {
      const body = JSON.parse(await readBody(req)) as { open?: string | null; save?: string | null };
      if (body.open !== undefined) openAnswer = body.open;
      if (body.save !== undefined) saveAnswer = body.save;
      return send(res, 204, 'text/plain', '');
    }
    if (req.method === 'GET' && url.pathname === '/__test/file') {
      return send(res, 200, 'application/octet-stream', await readFile(url.searchParams.get('path') ?? ''));
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
    if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, TYPES['.html'], indexHtml);
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return send(res, 403, 'text/plain', 'forbidden');
    try {
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      return send(res, 404, 'text/plain', 'not found');
    }
  }

  async function bridgeRequest(req: IncomingMessage, res: ServerResponse) {
    let channel = '';
    try {
      const raw = await readBytes(req);
      let body: { channel: string; args?: unknown };
      if (req.headers['content-type'] === 'application/octet-stream') {
        // One ArrayBuffer argument travels as the raw body (a 100,000-row plan, a saved report); the rest in a header.
        const meta = JSON.parse(decodeURIComponent(String(req.headers['x-omi-request'] ?? ''))) as { channel: string; args: Record<string, unknown>; bytesField: string };
        body = { channel: meta.channel, args: { ...meta.args, [meta.bytesField]: raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) } };
      } else {
        body = parseWithBytes(raw.toString('utf8'), b64) as { channel: string; args?: unknown };
      }
      channel = body.channel;
      // The same validation as the Electron IPC wiring: one dispatcher for both.
      const value = await dispatchRequest(handlers, channel, body.args);
      return send(res, 200, 'application/json', stringifyWithBytes({ value }, b64));
    } catch (e) {
      // Like ipcRenderer.invoke: the renderer sees a rejected promise with the message.
      const status = e instanceof IpcRequestError ? 400 : 500;
      return sendJson(res, status, { error: `${channel}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((e) => send(res, 500, 'text/plain', String(e)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    userDataDir,
    nextOpen: (p) => void (openAnswer = p),
    nextSave: (p) => void (saveAnswer = p),
    opened,
    events,
    hold(event) {
      held.set(event, []);
      return () => {
        const queue = held.get(event) ?? [];
        held.delete(event);
        queue.forEach(broadcast);
      };
    },
    async close() {
      for (const c of clients) c.end();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      const maybeDispose = handlers as unknown as { dispose?: () => Promise<void> };
      await maybeDispose.dispose?.();
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  send(res, status, 'application/json', JSON.stringify(body));
}
