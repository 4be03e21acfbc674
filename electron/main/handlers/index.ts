import { connection } from './connection';
import { fileHandlers } from './files';
import { importHandlers } from './imports';
import { templateHandlers } from './templates';
import { isAllowedExternalUrl } from '../security';
import type { Handlers, MainDeps } from './types';

export type { Handlers, MainDeps, SecretStore } from './types';

/**
 * Every request handler of the main process, built on injected side effects. Electron wires it to ipcMain
 * (electron/main/index.ts); the browser harness wires the same object to loopback HTTP.
 */
export function createHandlers(deps: MainDeps): Handlers {
  const conn = connection(deps);
  const imports = importHandlers(deps, conn);
  return {
    ...conn.handlers,
    'credentials:renew': async (args) => {
      const answer = await conn.handlers['credentials:renew'](args);
      imports.onCredentialsRenewed();
      return answer;
    },
    ...fileHandlers(deps),
    ...templateHandlers(deps.userDataDir),
    'import:start': imports['import:start'],
    'import:start-encoded': imports['import:start-encoded'],
    'import:continue': imports['import:continue'],
    'import:pause': imports['import:pause'],
    'import:resume': imports['import:resume'],
    'import:cancel': imports['import:cancel'],
    'import:pending': imports['import:pending'],
    'import:history': imports['import:history'],
    'shell:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        return { ok: false, error: { code: 'shell.refused', text: { vi: 'Chỉ mở được liên kết http(s).', en: 'Only http(s) links can be opened.' } } };
      }
      await deps.openExternal(url);
      return { ok: true, value: true };
    },
  };
}
