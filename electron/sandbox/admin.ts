/**
 * Admin routes under /__sandbox/ (no OMI token; the server binds loopback only and refuses other peers):
 * GET contacts, POST reset, GET stats, GET|POST faults. Answers are plain JSON, not OMI envelopes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from './faults';
import { readBody, sendJson } from './http';
import type { Stats } from './stats';
import type { ContactStore } from './store';

export interface AdminContext {
  store: ContactStore;
  faults: Faults;
  stats: Stats;
  reset(): Promise<void>;
  bodyLimit: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Handles one /__sandbox/ request. */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL, ctx: AdminContext): Promise<void> {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return sendJson(res, 403, { error: 'admin routes answer loopback callers only' });
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /__sandbox/contacts':
      return sendJson(res, 200, ctx.store.all().map((c) => ctx.store.toItem(c)));
    case 'POST /__sandbox/reset':
      await readBody(req, ctx.bodyLimit);
      await ctx.reset();
      return sendJson(res, 200, { ok: true });
    case 'GET /__sandbox/stats':
      return sendJson(res, 200, ctx.stats.get());
    case 'GET /__sandbox/faults':
      return sendJson(res, 200, ctx.faults.board);
    case 'POST /__sandbox/faults': {
      const body = await readBody(req, ctx.bodyLimit);
      if (!body.ok) return sendJson(res, 413, { error: 'the faults body is too large' });
      let input: unknown = {};
      if (body.text.trim() !== '') {
        try {
          input = JSON.parse(body.text);
        } catch {
          return sendJson(res, 400, { error: 'the faults body is not valid JSON' });
        }
      }
      const r = ctx.faults.post(input);
      if ('error' in r) return sendJson(res, 400, { error: r.error });
      return sendJson(res, 200, r.board);
    }
    default:
      return sendJson(res, 404, {
        error: `no such admin route: ${route}; there are GET /__sandbox/contacts, POST /__sandbox/reset, GET /__sandbox/stats, GET|POST /__sandbox/faults`,
      });
  }
}
