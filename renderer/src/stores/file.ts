/** The file screen's state: which file, which sheet, which header row, which legacy conversions are on. */
import { create } from 'zustand';
import type { OpenedFile, RecentFile } from '../../../shared/ipc/contract';
import type { Workbook } from '../../../shared/ingest/types';
import type { Bilingual } from '../../../shared/text';
import { request } from '../bridge';
import { callWorker } from '../workers/client';
import type { SheetPreview, TableSummary } from '../workers/protocol';
import { toBilingual } from './errors';

interface FileState {
  fileName: string | null;
  size: number;
  workbook: Workbook | null;
  table: TableSummary | null;
  preview: SheetPreview | null;
  conversionsOff: number[];
  recent: RecentFile[];
  busy: boolean;
  error: Bilingual | null;
  /** Bumped whenever a new table is read, so later steps know their data is stale. */
  tableVersion: number;
  loadRecent(): Promise<void>;
  openBytes(name: string, bytes: ArrayBuffer): Promise<boolean>;
  openDialog(): Promise<boolean>;
  openRecent(fileId: string): Promise<boolean>;
  chooseSheet(sheet: string): Promise<void>;
  chooseHeaderRow(row: number): Promise<void>;
  toggleConversion(column: number): Promise<void>;
  loadPreview(): Promise<void>;
}

export const useFile = create<FileState>((set, get) => {
  const reread = async (options: { sheet?: string; headerRow?: number; conversionsOff?: number[] }) => {
    const { table } = get();
    set({ busy: true, error: null });
    try {
      const next = await callWorker('readTable', {
        sheet: options.sheet ?? table?.sheet,
        headerRow: options.headerRow,
        conversionsOff: options.conversionsOff ?? get().conversionsOff,
      });
      set((s) => ({ table: next, tableVersion: s.tableVersion + 1 }));
    } catch (e) {
      set({ error: toBilingual(e) });
    } finally {
      set({ busy: false });
    }
  };
  const fromOpened = async (r: { ok: true; value: OpenedFile } | { ok: false; error: { text: Bilingual } } | null) => {
    if (!r) return false;
    if (!r.ok) {
      set({ error: r.error.text });
      return false;
    }
    void get().loadRecent();
    return get().openBytes(r.value.name, r.value.bytes);
  };
  return {
    fileName: null,
    size: 0,
    workbook: null,
    table: null,
    preview: null,
    conversionsOff: [],
    recent: [],
    busy: false,
    error: null,
    tableVersion: 0,
    loadRecent: async () => {
      try {
        set({ recent: await request('file:recent', undefined) });
      } catch {
        /* recent files are a convenience: the screen works without them */
      }
    },
    openBytes: async (name, bytes) => {
      set({ busy: true, error: null, fileName: name, size: bytes.byteLength, preview: null, conversionsOff: [] });
      try {
        const { workbook, table } = await callWorker('open', { bytes, fileName: name }, [bytes]);
        set((s) => ({ workbook, table, tableVersion: s.tableVersion + 1 }));
        return true;
      } catch (e) {
        set({ error: toBilingual(e), workbook: null, table: null });
        return false;
      } finally {
        set({ busy: false });
      }
    },
    openDialog: async () => {
      try {
        return await fromOpened(await request('file:open-dialog', undefined));
      } catch (e) {
        set({ error: toBilingual(e) });
        return false;
      }
    },
    openRecent: async (fileId) => {
      try {
        return await fromOpened(await request('file:open-recent', { fileId }));
      } catch (e) {
        set({ error: toBilingual(e) });
        return false;
      }
    },
    chooseSheet: async (sheet) => {
      set({ conversionsOff: [], preview: null });
      await reread({ sheet, conversionsOff: [] });
    },
    chooseHeaderRow: async (row) => {
      set({ conversionsOff: [] });
      await reread({ headerRow: row, conversionsOff: [] });
    },
    toggleConversion: async (column) => {
      const off = get().conversionsOff;
      const next = off.includes(column) ? off.filter((c) => c !== column) : [...off, column];
      set({ conversionsOff: next });
      await reread({ headerRow: get().table?.headerRow, conversionsOff: next });
    },
    loadPreview: async () => {
      const sheet = get().table?.sheet;
      if (!sheet) return;
      try {
        set({ preview: await callWorker('sheetPreview', { sheet, rows: 15 }) });
      } catch (e) {
        set({ error: toBilingual(e) });
      }
    },
  };
});
