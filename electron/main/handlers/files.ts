import { randomUUID } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenedFile, Outcome } from '../../../shared/ipc/contract';
import type { Handlers, MainDeps } from './types';
import { settingsFile } from './settings';

/** Larger files are refused before reading: ingest has its own finer limits. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const RECENT_LIMIT = 10;

/**
 * Opening and saving files. The renderer never names a path: it gets an opaque fileId for a file the user
 * picked in a dialog, and may reopen only those (the recent list).
 */
export function fileHandlers(deps: MainDeps): Pick<Handlers, 'file:open-dialog' | 'file:open-recent' | 'file:recent' | 'file:save'> {
  const settings = settingsFile(deps.userDataDir);

  async function open(path: string, fileId: string): Promise<Outcome<OpenedFile>> {
    const name = basename(path);
    try {
      const info = await stat(path);
      if (info.size > MAX_FILE_BYTES) {
        return {
          ok: false,
          error: {
            code: 'file.too-large',
            text: {
              vi: `Tệp "${name}" lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB nên không mở được. Hãy chia tệp thành nhiều phần.`,
              en: `"${name}" is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB and cannot be opened. Split it into several files.`,
            },
          },
        };
      }
      const data = await readFile(path);
      const bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
      await settings.update((s) => ({
        ...s,
        recent: [{ fileId, path, name, openedAt: Date.now() }, ...s.recent.filter((r) => r.path !== path)].slice(0, RECENT_LIMIT),
      }));
      return { ok: true, value: { fileId, name, size: data.byteLength, bytes } };
    } catch {
      return {
        ok: false,
        error: {
          code: 'file.unreadable',
          text: {
            vi: `Không đọc được tệp "${name}". Tệp có thể đã bị xoá, di chuyển hoặc đang mở ở chương trình khác.`,
            en: `Could not read "${name}". It may have been deleted, moved, or be open in another program.`,
          },
        },
      };
    }
  }

  return {
    'file:open-dialog': async () => {
      const path = await deps.dialogs.openFile();
      if (!path) return null;
      const known = (await settings.read()).recent.find((r) => r.path === path);
      return open(path, known?.fileId ?? randomUUID());
    },
    'file:open-recent': async ({ fileId }) => {
      const entry = (await settings.read()).recent.find((r) => r.fileId === fileId);
      if (!entry) {
        return {
          ok: false,
          error: { code: 'file.not-recent', text: { vi: 'Tệp này không còn trong danh sách gần đây. Hãy mở lại bằng nút Chọn tệp.', en: 'This file is no longer in the recent list. Open it again with Choose file.' } },
        };
      }
      return open(entry.path, entry.fileId);
    },
    'file:recent': async () => (await settings.read()).recent.map(({ fileId, name, openedAt }) => ({ fileId, name, openedAt })),
    'file:save': async ({ defaultName, bytes }) => {
      const path = await deps.dialogs.saveFile(defaultName);
      if (!path) return null;
      try {
        await writeFile(path, new Uint8Array(bytes));
        return { ok: true, value: { path } };
      } catch {
        return {
          ok: false,
          error: {
            code: 'file.unwritable',
            text: {
              vi: `Không ghi được tệp "${basename(path)}". Tệp có thể đang mở trong Excel; hãy đóng nó hoặc chọn tên khác.`,
              en: `Could not write "${basename(path)}". It may be open in Excel; close it or choose another name.`,
            },
          },
        };
      }
    },
  };
}
