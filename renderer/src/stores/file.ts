/** The file screen's state: which file, which sheet, which header row, which legacy conversions are on. */
import { create } from 'zustand';
import type { OpenedFile, RecentFile } from '../../../shared/ipc/contract';
import type { Workbook } from '../../../shared/ingest/types';
import type { Bilingual } from '../../../shared/text';
import { request } from '../bridge';
import { callWorker, freshWorker, isSuperseded } from '../workers/client';
import type { SheetPreview, TableSummary } from '../workers/protocol';
import { toBilingual } from './errors';
import { useMapping } from './mapping';

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
  /**
   * The whole file is being read in the worker (it was opened from its first rows, see TableSummary.partial).
   * Screens that need every row wait for it with loadFull.
   */
  readingWhole: boolean;
  loadRecent(): Promise<void>;
  openBytes(name: string, bytes: ArrayBuffer): Promise<boolean>;
  openDialog(): Promise<boolean>;
  openRecent(fileId: string): Promise<boolean>;
  chooseSheet(sheet: string): Promise<void>;
  chooseHeaderRow(row: number): Promise<void>;
  toggleConversion(column: number): Promise<void>;
  loadPreview(): Promise<void>;
  /** Reads the whole file if only its first rows were read; resolves true once every row is there. */
  loadFull(): Promise<boolean>;
}

/**
 * A big file is opened from its first rows; the rest is read when the mapping has been suggested or, if the user
 * stays on the File screen, after this pause (reading blocks the worker for seconds, so not while the next screen
 * is asking it for the mapping).
 */
const WHOLE_READ_DELAY_MS = 1500;

/** Same columns (so a mapping made from the first rows still fits the whole table). */
function sameColumns(a: TableSummary, b: TableSummary): boolean {
  return a.columns.length === b.columns.length && a.columns.every((c, i) => c.index === b.columns[i].index && c.header === b.columns[i].header);
}

/** Where the recent files that failed to open are remembered (by fileId), so they are not offered again. */
const UNOPENABLE_KEY = 'omi.recent.unopenable';

/**
 * Recent files that could not be opened (not a spreadsheet, damaged, deleted…): the main process lists every file
 * picked, so the window hides these, across restarts, until the same file opens again (same path, same fileId).
 */
const unopenable = {
  read(): string[] {
    try {
      const v: unknown = JSON.parse(localStorage.getItem(UNOPENABLE_KEY) ?? '[]');
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  },
  set(fileId: string, failed: boolean): void {
    // Bounded: the main process keeps only its last few files anyway.
    const next = [...this.read().filter((x) => x !== fileId), ...(failed ? [fileId] : [])].slice(-50);
    try {
      localStorage.setItem(UNOPENABLE_KEY, JSON.stringify(next));
    } catch {
      /* storage full or off: the list is a convenience */
    }
  },
};

export const useFile = create<FileState>((set, get) => {
  /** Bumped per opened file, so a late answer about an earlier file is dropped. */
  let opened = 0;
  let whole: Promise<boolean> | null = null;
  const reread = async (options: { sheet?: string; headerRow?: number; conversionsOff?: number[] }) => {
    const { table } = get();
    const mine = opened;
    set({ busy: true, error: null });
    try {
      const next = await callWorker('readTable', {
        sheet: options.sheet ?? table?.sheet,
        headerRow: options.headerRow,
        conversionsOff: options.conversionsOff ?? get().conversionsOff,
      });
      if (mine !== opened) return;
      set((s) => ({ table: next, tableVersion: s.tableVersion + 1 }));
      suggestMapping();
      if (next.partial) scheduleWholeRead();
    } catch (e) {
      if (mine === opened && !isSuperseded(e)) set({ error: toBilingual(e) });
    } finally {
      if (mine === opened) set({ busy: false });
    }
  };
  // The mapping is worked out while the user still looks at the File screen (the worker is idle then), so the
  // Mapping screen has it at once; it is one short worker call, made again only when the table changes.
  const suggestMapping = () => void useMapping.getState().suggest(get().tableVersion);
  const scheduleWholeRead = () => {
    const mine = opened;
    setTimeout(() => {
      if (mine === opened && get().table?.partial) void get().loadFull();
    }, WHOLE_READ_DELAY_MS);
  };
  /** A recent file that could not be opened leaves the list at once (and stays out, see unopenable); one that opens comes back. */
  const markRecent = (fileId: string, failed: boolean) => {
    unopenable.set(fileId, failed);
    if (failed) set((s) => ({ recent: s.recent.filter((r) => r.fileId !== fileId) }));
    else void get().loadRecent();
  };
  const fromOpened = async (r: { ok: true; value: OpenedFile } | { ok: false; error: { text: Bilingual } } | null, fileId?: string) => {
    if (!r) return false;
    if (!r.ok) {
      set({ error: r.error.text });
      if (fileId) markRecent(fileId, true);
      return false;
    }
    const outcome = await openFromBytes(r.value.name, r.value.bytes);
    if (outcome !== 'superseded') markRecent(r.value.fileId, outcome === 'failed');
    return outcome === 'ok';
  };
  /** Opens a file's bytes in the worker; 'superseded' when another file was opened meanwhile. */
  const openFromBytes = async (name: string, bytes: ArrayBuffer): Promise<'ok' | 'failed' | 'superseded'> => {
    const mine = ++opened;
    whole = null;
    // Nothing of the earlier file stays on screen under the new name (its sheet, columns, preview), and the
    // worker is a new one if the old one held a file: an earlier big file still being read is abandoned, not
    // waited for, and its table, mapping, edits and undo history go with it (freshWorker).
    set((s) => ({
      busy: true, error: null, fileName: name, size: bytes.byteLength, workbook: null, table: null, preview: null, conversionsOff: [], readingWhole: false,
      tableVersion: s.table ? s.tableVersion + 1 : s.tableVersion,
    }));
    freshWorker();
    try {
      // The bytes are moved to the worker (transfer list), never copied on this thread.
      const { workbook, table } = await callWorker('open', { bytes, fileName: name }, [bytes]);
      if (mine !== opened) return 'superseded';
      set((s) => ({ workbook, table, tableVersion: s.tableVersion + 1 }));
      suggestMapping();
      if (table.partial) scheduleWholeRead();
      return 'ok';
    } catch (e) {
      if (mine !== opened) return 'superseded';
      set({ error: toBilingual(e), workbook: null, table: null });
      return 'failed';
    } finally {
      if (mine === opened) set({ busy: false });
    }
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
    readingWhole: false,
    loadRecent: async () => {
      try {
        const hidden = new Set(unopenable.read());
        set({ recent: (await request('file:recent', undefined)).filter((r) => !hidden.has(r.fileId)) });
      } catch {
        /* recent files are a convenience: the screen works without them */
      }
    },
    openBytes: async (name, bytes) => (await openFromBytes(name, bytes)) === 'ok',
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
        return await fromOpened(await request('file:open-recent', { fileId }), fileId);
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
    loadFull: () => {
      if (!get().table?.partial) return Promise.resolve(get().table !== null);
      if (whole) return whole;
      const mine = opened;
      set({ readingWhole: true });
      whole = (async () => {
        try {
          const { workbook, table } = await callWorker('loadFull', undefined);
          // For the end-to-end tests: which file's whole read came back (an abandoned one never does).
          performance.mark('omi:whole-read', { detail: table.fileName });
          if (mine !== opened) return false;
          const before = get().table;
          // Only the sizes grow: a mapping made from the first rows stays valid unless the columns differ.
          set((s) => ({ workbook, table, tableVersion: before && sameColumns(before, table) ? s.tableVersion : s.tableVersion + 1 }));
          return true;
        } catch (e) {
          if (mine === opened && !isSuperseded(e)) set({ error: toBilingual(e) });
          return false;
        } finally {
          if (mine === opened) {
            set({ readingWhole: false });
            whole = null;
          }
        }
      })();
      return whole;
    },
    loadPreview: async () => {
      const sheet = get().table?.sheet;
      if (!sheet) return;
      try {
        set({ preview: await callWorker('sheetPreview', { sheet, rows: 15 }) });
      } catch (e) {
        if (!isSuperseded(e)) set({ error: toBilingual(e) });
      }
    },
  };
});
