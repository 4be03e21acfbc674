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

/**
 * What a failed "Test connection" says. The client's sentences for a refused token, a dropped connection, a timeout or a 5xx are
 * written for an upload ("it will be retried", "the request may have been processed: check before sending it
 * again"); a test is a read that nothing retries, so the user is told where it failed and what to check instead.
 */
export function testFailure(error: { code: string; text: Bilingual }, baseUrl: string): Bilingual {
  // The client's sentence sends the user to "the Connection step": they are on it.
  if (error.code === 'omi.credentials') {
    return {
      vi: 'OMI không chấp nhận mã truy cập (token) này. Hãy dán lại mã lấy từ trang quản trị OMI vào ô "Mã truy cập (token)", rồi bấm "Lưu và kiểm tra kết nối".',
      en: 'OMI does not accept this access token. Paste the token from the OMI admin page into "Access token" again, then press "Save and test connection".',
    };
  }
  if (error.code !== 'omi.retryable' && error.code !== 'omi.timeout') return error.text;
  return {
    vi: `Không kết nối được tới OMI tại ${baseUrl} (hoặc máy chủ đang gặp lỗi). Hãy kiểm tra địa chỉ API và mạng Internet, rồi bấm "Lưu và kiểm tra kết nối" lần nữa.`,
    en: `Could not reach OMI at ${baseUrl} (or its server is failing). Check the API address and the Internet connection, then press "Save and test connection" again.`,
  };
}

export const useConnection = create<ConnectionState>((set, get) => ({
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
        set({ error: testFailure(r.error, get().info?.baseUrl ?? ''), catalog: usable ? { ...cached, offline: true } : null, usingCache: !!usable });
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
