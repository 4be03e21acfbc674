/**
 * The in-page half of the browser harness: implements `window.omi` (the preload's OmiBridge) by POSTing each
 * request to the harness server, which runs the real main-process handlers, and by listening to their events
 * over server-sent events. Bundled to one classic script and loaded before the renderer.
 */
import type { EventChannel, Events, OmiBridge, RequestArgs, RequestChannel, Responses } from '../../shared/ipc/contract';
import { parseWithBytes, stringifyWithBytes, type Base64 } from './codec';

const b64: Base64 = {
  encode(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  },
  decode(text) {
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  },
};

/**
 * A request whose arguments hold one ArrayBuffer goes as the raw body (no base64 of megabytes on the page's
 * thread, as Electron's IPC would copy it as one buffer); others as JSON.
 */
function requestInit(channel: string, args: unknown): RequestInit {
  if (args && typeof args === 'object') {
    const entries = Object.entries(args as Record<string, unknown>);
    const bytes = entries.filter(([, v]) => v instanceof ArrayBuffer);
    if (bytes.length === 1) {
      const [bytesField, buffer] = bytes[0] as [string, ArrayBuffer];
      const rest = Object.fromEntries(entries.filter(([k]) => k !== bytesField));
      return {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-omi-request': encodeURIComponent(JSON.stringify({ channel, args: rest, bytesField })) },
        body: buffer,
      };
    }
  }
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: stringifyWithBytes({ channel, args }, b64) };
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const source = new EventSource('/__bridge/events');
type Delivered = { event: string; payload: unknown };
// Events are handed to listeners strictly in the order sent, although a big one is fetched asynchronously.
let delivering: Promise<void> = Promise.resolve();
const deliver = (next: Delivered | Promise<Delivered>) => {
  delivering = delivering.then(async () => {
    const { event, payload } = await next;
    for (const l of listeners.get(event) ?? []) l(payload);
  });
};
// Plain messages hold no bytes (the server says "bytes" when they do): JSON.parse alone, no reviver per value.
source.onmessage = (m: MessageEvent<string>) => deliver(JSON.parse(m.data) as Delivered);
source.addEventListener('bytes', (m: MessageEvent<string>) => deliver(parseWithBytes(m.data, b64) as Delivered));
source.addEventListener('big', (m: MessageEvent<string>) => deliver(bigEvent(Number(m.data))));

interface Answer { ok: boolean; status: number; text: string; value?: unknown }

/**
 * Requests with bytes go through a worker (see UPLOAD_WORKER in server.ts), the buffer copied into it as Electron's
 * IPC copies it, so the page's thread does not spend seconds handing a big body to fetch.
 */
let uploader: Worker | null = null;
let nextUpload = 1;
const uploads = new Map<number, (a: Answer) => void>();
function worker(): Worker {
  if (!uploader) {
    uploader = new Worker('/__bridge/upload-worker.js');
    uploader.onmessage = (e: MessageEvent<Answer & { id: number }>) => {
      uploads.get(e.data.id)?.(e.data);
      uploads.delete(e.data.id);
    };
  }
  return uploader;
}

/** A big event (the server sent only its number), fetched and parsed by the worker. */
function bigEvent(n: number): Promise<Delivered> {
  const id = nextUpload++;
  return new Promise((resolve) => {
    uploads.set(id, (a) => resolve(a.value as Delivered));
    worker().postMessage({ id, bigEvent: n });
  });
}

function viaWorker(init: RequestInit): Promise<Answer> {
  const id = nextUpload++;
  const copy = (init.body as ArrayBuffer).slice(0);
  return new Promise((resolve) => {
    uploads.set(id, resolve);
    worker().postMessage({ id, init: { method: init.method, headers: init.headers, body: copy } }, [copy]);
  });
}

async function send(init: RequestInit): Promise<Answer> {
  if (init.body instanceof ArrayBuffer) return viaWorker(init);
  const res = await fetch('/__bridge/request', init);
  return { ok: res.ok, status: res.status, text: await res.text() };
}

const omi: OmiBridge = {
  async request<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<Responses[C]> {
    const res = await send(requestInit(channel, args));
    const body = parseWithBytes(res.text, b64) as { value?: unknown; error?: string };
    if (!res.ok) throw new Error(body.error ?? `bridge answered ${res.status}`);
    return body.value as Responses[C];
  },
  on<E extends EventChannel>(event: E, listener: (payload: Events[E]) => void): () => void {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const l = listener as (p: unknown) => void;
    set.add(l);
    return () => set.delete(l);
  },
};

(window as unknown as { omi: OmiBridge }).omi = omi;
