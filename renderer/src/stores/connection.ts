/** The connection screen's state: sandbox or OMI account, and the account's attributes and funnels. */
import { create } from 'zustand';
import type { Catalog, ConnectionInfo, ConnectionSettings } from '../../../shared/ipc/contract';
import type { Bilingual } from '../../../shared/text';
import { request } from '../bridge';
import { toBilingual } from './errors';

interface ConnectionState {
  info: ConnectionInfo | null;
  catalog: Catalog | null;
  busy: boolean;
  error: Bilingual | null;
  /** True after a successful test in this session. */
  tested: boolean;
  /** True when the last test failed and the cached fields and funnels are used instead. */
  usingCache: boolean;
  load(): Promise<void>;
  save(settings: ConnectionSettings): Promise<boolean>;
  test(): Promise<boolean>;
}

export const useConnection = create<ConnectionState>((set) => ({
  info: null,
  catalog: null,
  busy: false,
  error: null,
  tested: false,
  usingCache: false,
  load: async () => {
    try {
      const [info, catalog] = await Promise.all([request('connection:get', undefined), request('catalog:get', { refresh: false })]);
      set({ info, catalog });
    } catch (e) {
      set({ error: toBilingual(e) });
    }
  },
  save: async (settings) => {
    set({ busy: true, error: null });
    try {
      const r = await request('connection:set', settings);
      if (!r.ok) {
        set({ error: r.error.text });
        return false;
      }
      set({ info: r.value, tested: false });
      return true;
    } catch (e) {
      set({ error: toBilingual(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  test: async () => {
    set({ busy: true, error: null });
    try {
      const r = await request('connection:test', undefined);
      if (!r.ok) {
        // Offline: keep working with what was cached, but say so.
        const cached = await request('catalog:get', { refresh: false }).catch(() => null);
        const usable = cached && cached.fetchedAt !== null;
        set({ error: r.error.text, catalog: usable ? { ...cached, offline: true } : null, usingCache: !!usable });
        return false;
      }
      set({ catalog: r.value, tested: true, usingCache: false });
      return true;
    } catch (e) {
      set({ error: toBilingual(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  },
}));
