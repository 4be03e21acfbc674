/** The mapping screen's state: a target for every column, the catalog of targets, and mapping templates. */
import { create } from 'zustand';
import type { ColumnMapping, MappingTemplate, TargetDef, TargetId } from '../../../shared/mapping/types';
import type { ValueType } from '../../../shared/omi/types';
import type { Bilingual } from '../../../shared/text';
import { request } from '../bridge';
import { callWorker, isSuperseded } from '../workers/client';
import { toBilingual } from './errors';
import { useConnection } from './connection';

interface MappingState {
  mappings: ColumnMapping[];
  targets: TargetDef[];
  templates: MappingTemplate[];
  /** Saved templates whose headers match this file, best first. */
  proposed: { name: string; score: number }[];
  appliedTemplate: string | null;
  /** tableVersion the mapping was made for. */
  forTable: number;
  busy: boolean;
  error: Bilingual | null;
  /** Suggests a target per column of the table read as `tableVersion` (once per version; the latest wins). */
  suggest(tableVersion: number): Promise<void>;
  setTarget(column: number, target: TargetId): void;
  setValueType(column: number, valueType: ValueType): void;
  applyTemplate(name: string): Promise<void>;
  saveTemplate(name: string): Promise<void>;
  deleteTemplate(name: string): Promise<void>;
}

/** The suggestion being worked out, if any (see suggest). */
let suggesting: { version: number; done: Promise<void> } | null = null;

export const useMapping = create<MappingState>((set, get) => ({
  mappings: [],
  targets: [],
  templates: [],
  proposed: [],
  appliedTemplate: null,
  forTable: -1,
  busy: false,
  error: null,
  suggest: (tableVersion) => {
    // The file store asks as soon as a table is read (so the mapping is ready when the user gets to it) and the
    // mapping screen asks again if it is not: one suggestion per table version, and only the latest one lands.
    if (suggesting?.version === tableVersion) return suggesting.done;
    const mine = { version: tableVersion, done: Promise.resolve() };
    suggesting = mine;
    mine.done = (async () => {
      set({ busy: true, error: null });
      try {
        const catalog = useConnection.getState().catalog;
        performance.mark('omi:suggest-start');
        const templates = await request('templates:list', undefined).catch(() => [] as MappingTemplate[]);
        const s = await callWorker('suggestMapping', {
          catalog: { layout: catalog?.layout ?? [], funnels: catalog?.funnels ?? [] },
          templates,
        });
        performance.mark('omi:suggested');
        if (suggesting !== mine) return;
        set({ mappings: s.mappings, targets: s.targets, templates, proposed: s.templates, appliedTemplate: null, forTable: tableVersion });
      } catch (e) {
        // A suggestion for a file replaced meanwhile is dropped quietly: the new file's own follows.
        if (suggesting === mine && !isSuperseded(e)) set({ error: toBilingual(e) });
      } finally {
        if (suggesting === mine) {
          suggesting = null;
          set({ busy: false });
        }
      }
    })();
    return mine.done;
  },
  setTarget: (column, target) =>
    set((s) => ({
      mappings: s.mappings.map((m) =>
        m.column === column
          ? { ...m, target, confidence: 1, reason: undefined, why: undefined, valueType: target === 'phones' || target === 'emails' ? (m.valueType ?? 'personal') : undefined }
          : m,
      ),
    })),
  setValueType: (column, valueType) => set((s) => ({ mappings: s.mappings.map((m) => (m.column === column ? { ...m, valueType } : m)) })),
  applyTemplate: async (name) => {
    const template = get().templates.find((t) => t.name === name);
    if (!template) return;
    try {
      set({ mappings: await callWorker('applyTemplate', { template }), appliedTemplate: name });
    } catch (e) {
      if (!isSuperseded(e)) set({ error: toBilingual(e) });
    }
  },
  saveTemplate: async (name) => {
    const now = Date.now();
    const existing = get().templates.find((t) => t.name === name);
    const template: MappingTemplate = {
      name,
      columns: get().mappings.map((m) => ({ header: m.header, target: m.target, ...(m.valueType ? { valueType: m.valueType } : {}) })),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    try {
      set({ templates: await request('templates:save', template), appliedTemplate: name });
    } catch (e) {
      set({ error: toBilingual(e) });
    }
  },
  deleteTemplate: async (name) => {
    try {
      set({ templates: await request('templates:delete', { name }) });
    } catch (e) {
      set({ error: toBilingual(e) });
    }
  },
}));
