/**
 * The Electron main process: wiring only. Window, IPC, OS integration; the work itself is in shared/
 * and in the handlers (electron/main/handlers), which run without Electron in tests and in the browser harness.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import type { EventChannel, Events } from '../../shared/ipc/contract';
import { createHandlers } from './handlers';
import { IpcRequestError, dispatchRequest } from './ipc-dispatch';
import { isAllowedExternalUrl, isTrustedSender } from './security';
import { safeStorageSecrets } from './secrets';
import { createMainWindow } from './window';
import { embeddedSandbox } from './embedded-sandbox';
import { osIntegration } from './os-integration';
import { isUserError } from '../../shared/text';
import { userDataDir as dataDir } from './paths';

let appWindow: { window: BrowserWindow; appUrl: string } | null = null;

app.enableSandbox();
// One data folder for the app and `omi-import` (and OMI_IMPORTER_HOME for tests).
app.setPath('userData', dataDir());

async function start(): Promise<void> {
  await app.whenReady();
  Menu.setApplicationMenu(null);
  const userDataDir = app.getPath('userData');
  const os = osIntegration(() => appWindow?.window ?? null);

  const emit = <E extends EventChannel>(event: E, payload: Events[E]) => {
    os.onEvent(event, payload);
    appWindow?.window.webContents.send(`omi:event:${event}`, payload);
  };

  const sandbox = embeddedSandbox(userDataDir);
  // On the way out, the practice sandbox writes what it has not written yet and gives up its data file's lock,
  // then the app quits (once: the second will-quit, after close(), goes through).
  let sandboxClosed = false;
  app.on('will-quit', (event) => {
    if (sandboxClosed) return;
    event.preventDefault();
    sandboxClosed = true;
    void sandbox.close().catch((e: unknown) => console.error('sandbox close failed', e instanceof Error ? e.message : e)).finally(() => app.quit());
  });

  const handlers = createHandlers({
    userDataDir,
    secrets: safeStorageSecrets(userDataDir),
    dialogs: {
      async openFile() {
        const r = await dialog.showOpenDialog({
          properties: ['openFile'],
          filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'xlsm', 'xls', 'xlsb', 'ods', 'csv', 'tsv', 'txt'] }],
        });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      async saveFile(defaultName) {
        const r = await dialog.showSaveDialog({ defaultPath: defaultName });
        return r.canceled ? null : (r.filePath ?? null);
      },
    },
    async openExternal(url) {
      if (isAllowedExternalUrl(url)) await shell.openExternal(url);
    },
    emit,
    sandbox,
  });

  ipcMain.handle('omi:request', async (event, channel: unknown, args: unknown) => {
    const trusted = isTrustedSender(
      event.sender,
      event.senderFrame?.url,
      appWindow ? { webContentsId: appWindow.window.webContents.id, appUrl: appWindow.appUrl } : null,
    );
    if (!trusted) {
      return { ok: false, error: { code: 'ipc.untrusted-sender', text: { vi: 'Yêu cầu bị từ chối.', en: 'Request refused.' } } };
    }
    try {
      return { ok: true, value: await dispatchRequest(handlers, channel, args) };
    } catch (e) {
      if (e instanceof IpcRequestError || isUserError(e)) return { ok: false, error: { code: e.code, text: e.text } };
      console.error('request failed', typeof channel === 'string' ? channel : '?', e instanceof Error ? e.message : e);
      return {
        ok: false,
        error: {
          code: 'app.unexpected',
          text: {
            vi: 'Đã xảy ra lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại ứng dụng.',
            en: 'Something unexpected went wrong. Try again; if it keeps happening, restart the app.',
          },
        },
      };
    }
  });

  appWindow = createMainWindow();
  // The window's page refuses to unload while an import runs (beforeunload); Electron then asks us what to do:
  // ask the user, and let the window close only if they say so (the journal lets the import resume next time).
  appWindow.window.webContents.on('will-prevent-unload', (event) => {
    if (appWindow && os.confirmClose(appWindow.window)) event.preventDefault();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) appWindow = createMainWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Nothing but our own window may ever be created, and no webview may be attached.
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void start();
