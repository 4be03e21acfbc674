import { join } from 'node:path';
import { z } from 'zod';
import type { Catalog, ConnectionInfo, Outcome } from '../../../shared/ipc/contract';
import type { OmiApi } from '../../../shared/omi/api';
import { createOmiClient } from '../../../shared/omi/client';
import { checkBaseUrl } from '../../../shared/omi/base-url';
import { isOmiError } from '../../../shared/omi/errors';
import type { Funnel, LayoutAttribute } from '../../../shared/omi/types';
import { JsonFile } from '../store/json-file';
import { settingsFile } from './settings';
import type { Handlers, MainDeps } from './types';

const cacheSchema = z.object({
  baseUrl: z.string(),
  layout: z.array(z.any()),
  funnels: z.array(z.any()),
  fetchedAt: z.number(),
});

/** The account the app talks to: the embedded sandbox or an OMI account whose token stays in the main process. */
export interface Connection {
  /** The API of the current connection; the token is read from the secret store at each call to `api()`. */
  api(): Promise<{ api: OmiApi; baseUrl: string }>;
  handlers: Pick<Handlers, 'connection:get' | 'connection:set' | 'connection:test' | 'catalog:get' | 'credentials:renew'>;
}

export function connection(deps: MainDeps): Connection {
  const settings = settingsFile(deps.userDataDir);
  const cache = new JsonFile(join(deps.userDataDir, 'catalog.json'), cacheSchema, () => null as unknown as z.infer<typeof cacheSchema>);
  const makeApi = deps.makeApi ?? ((baseUrl: string, token: string) => createOmiClient({ baseUrl, token }));

  async function info(): Promise<ConnectionInfo> {
    const s = await settings.read();
    if (s.connection.mode === 'sandbox') return { mode: 'sandbox', baseUrl: (await deps.sandbox()).url, hasToken: true };
    return { mode: 'account', baseUrl: s.connection.baseUrl, hasToken: (await deps.secrets.get()) !== null };
  }

  // The client is kept until the connection or the token changes, so an import does not read the
  // settings file and decrypt the token for every call.
  let current: Promise<{ api: OmiApi; baseUrl: string }> | null = null;
  function api(): Promise<{ api: OmiApi; baseUrl: string }> {
    current ??= makeCurrent().catch((e: unknown) => {
      current = null;
      throw e;
    });
    return current;
  }

  async function makeCurrent(): Promise<{ api: OmiApi; baseUrl: string }> {
    const s = await settings.read();
    if (s.connection.mode === 'sandbox') {
      const sb = await deps.sandbox();
      return { api: makeApi(sb.url, sb.token), baseUrl: sb.url };
    }
    const token = await deps.secrets.get();
    if (!token) throw noToken();
    return { api: makeApi(s.connection.baseUrl, token), baseUrl: s.connection.baseUrl };
  }

  async function fetchCatalog(): Promise<Catalog> {
    const { api: client, baseUrl } = await api();
    const [layout, funnels] = await Promise.all([client.layoutList(), client.funnelList()]);
    const fetchedAt = Date.now();
    await cache.update(() => ({ baseUrl, layout, funnels, fetchedAt }));
    return { layout, funnels, fetchedAt, offline: false };
  }

  async function cached(): Promise<Catalog> {
    const c = await cache.read();
    const current = await info();
    if (!c || c.baseUrl !== current.baseUrl) return { layout: [], funnels: [], fetchedAt: null, offline: true };
    return { layout: c.layout as LayoutAttribute[], funnels: c.funnels as Funnel[], fetchedAt: c.fetchedAt, offline: true };
  }

  return {
    api,
    handlers: {
      'connection:get': info,
      'connection:set': async (next) => {
        current = null;
        if (next.mode === 'account') {
          const problem = checkBaseUrl(next.baseUrl);
          if (problem) return { ok: false, error: { code: 'connection.base-url', text: problem } };
          if (next.token) await deps.secrets.set(next.token);
          await settings.update((s) => ({ ...s, connection: { mode: 'account', baseUrl: next.baseUrl.replace(/\/+$/, '') } }));
        } else {
          await settings.update((s) => ({ ...s, connection: { mode: 'sandbox' } }));
        }
        return { ok: true, value: await info() };
      },
      'connection:test': async (): Promise<Outcome<Catalog>> => {
        try {
          return { ok: true, value: await fetchCatalog() };
        } catch (e) {
          return { ok: false, error: describe(e) };
        }
      },
      'catalog:get': async ({ refresh }) => {
        if (refresh) {
          try {
            return await fetchCatalog();
          } catch {
            return cached();
          }
        }
        return cached();
      },
      'credentials:renew': async ({ token }) => {
        await deps.secrets.set(token);
        current = null;
        return { ok: true, value: true };
      },
    },
  };
}

function noToken() {
  return Object.assign(new Error('no token'), {
    code: 'connection.no-token',
    text: { vi: 'Chưa có mã truy cập (token) OMI. Hãy nhập token ở màn hình Kết nối.', en: 'No OMI token is saved. Enter the token on the Connection screen.' },
  });
}

/** Turns any failure into the bilingual sentence the Connection screen shows. */
function describe(e: unknown): { code: string; text: { vi: string; en: string } } {
  if (isOmiError(e)) return { code: `omi.${e.kind}`, text: e.text };
  if (e && typeof e === 'object' && 'code' in e && 'text' in e) return e as { code: string; text: { vi: string; en: string } };
  return {
    code: 'connection.failed',
    text: { vi: 'Không kết nối được tới OMI. Hãy kiểm tra địa chỉ và mạng rồi thử lại.', en: 'Could not reach OMI. Check the address and the network, then try again.' },
  };
}
