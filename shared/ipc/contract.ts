/**
 * The one IPC contract: every request (renderer → main, answered) and every event (main → renderer).
 * The preload (electron/preload), the main-process handlers (electron/main/handlers) and the browser harness
 * (test/harness) are all checked against these types; handlers validate arguments with these schemas.
 */
import { z } from 'zod';
import type { Bilingual } from '../text';
import type { ContactInput, Funnel, LayoutAttribute, UpdateBody } from '../omi/types';
import type { MappingTemplate } from '../mapping/types';
import type { ImportPlan, ImportProgress, ImportResult, OutcomeGroup, RowOutcome } from '../upload/types';

export const connectionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('sandbox') }),
  z.object({
    mode: z.literal('account'),
    baseUrl: z.string().url().max(2048),
    /** Absent = keep the stored token. */
    token: z.string().min(1).max(4096).optional(),
  }),
]);
export type ConnectionSettings = z.infer<typeof connectionSchema>;

/** What the renderer may know about the connection: never the token. */
export interface ConnectionInfo {
  mode: 'sandbox' | 'account';
  baseUrl: string;
  hasToken: boolean;
}

export interface Catalog {
  layout: LayoutAttribute[];
  funnels: Funnel[];
  /** ms since epoch; null when nothing was ever fetched. */
  fetchedAt: number | null;
  /** True when served from cache because the account could not be reached. */
  offline: boolean;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: { code: string; text: Bilingual } };

export interface OpenedFile {
  /** Opaque id of the file the user picked (main keeps the path). */
  fileId: string;
  name: string;
  size: number;
  bytes: ArrayBuffer;
}

export interface RecentFile {
  fileId: string;
  name: string;
  openedAt: number;
}

export interface PendingImport {
  importId: string;
  fileName: string;
  startedAt: number;
  total: number;
  done: number;
}

export interface HistoryEntry {
  importId: string;
  fileName: string;
  startedAt: number;
  finishedAt: number;
  mode: ImportPlan['mode'];
  counts: ImportResult['counts'];
  cancelled: boolean;
  /**
   * Of `counts.skipped`, the rows the run never got to (a cancel, a refused token): continuing the import sends
   * them. Absent in lines written before it existed.
   */
  unsent?: number;
}

const templateSchema = z.object({
  name: z.string().min(1).max(200),
  columns: z.array(z.object({
    header: z.string().max(1000),
    target: z.string().max(300),
    valueType: z.enum(['home', 'personal', 'office']).optional(),
  })).max(20_000),
  createdAt: z.number(),
  updatedAt: z.number(),
});

const text = z.string().max(100_000);
const names = z.array(z.string().max(1000)).max(1000);
const valueSchema = z.object({ data: z.string().max(1000), type: z.string().max(50), valueType: z.string().max(100) });
const funnelPosSchema = z.object({ id: z.string().max(200), index: z.number().int(), secondLevelIndex: z.number().int().optional() });
const dynamicSchema = z.object({ fieldCode: z.string().max(300), values: z.array(valueSchema).max(1000) });

/** A ContactInput as the renderer may send it: only the API's fields, each of its type and of bounded size. */
const contactSchema = z.strictObject({
  refId: text.optional(),
  tags: names.optional(),
  business: names.optional(),
  categories: names.optional(),
  userOwnerEmail: text.optional(),
  avatarUrl: text.optional(),
  fullName: text.optional(),
  gender: z.enum(['male', 'female', 'other']).optional(),
  passport: text.optional(),
  jobTitle: text.optional(),
  address: text.optional(),
  refCode: text.optional(),
  refType: text.optional(),
  note: text.optional(),
  phones: z.array(valueSchema).max(100).optional(),
  emails: z.array(valueSchema).max(100).optional(),
  filterContacts: z.array(funnelPosSchema).max(100).optional(),
}) satisfies z.ZodType<ContactInput>;

const updateSchema = contactSchema.omit({ refCode: true, refType: true }).extend({
  _id: text.optional(),
  tagRemoves: names.optional(),
  businessRemoves: names.optional(),
  categoriesRemoves: names.optional(),
  otherDynamicUpdates: z.array(dynamicSchema).max(1000).optional(),
}) satisfies z.ZodType<UpdateBody>;

const plannedRowSchema = z.object({
  rowNumber: z.number().int().positive(),
  refId: z.string().min(1).max(500),
  refIdGenerated: z.boolean(),
  contact: contactSchema,
  dynamic: z.array(dynamicSchema).max(1000),
  update: updateSchema.optional(),
});

export const importPlanSchema = z.object({
  importId: z.string().min(1).max(200),
  mode: z.enum(['create', 'update', 'upsert']),
  rows: z.array(plannedRowSchema).max(2_000_000),
  options: z.object({
    chunkSize: z.number().int().min(1).max(1000),
    concurrency: z.number().int().min(1).max(16),
    maxRetries: z.number().int().min(0).max(100),
  }),
  /** ImportPlan.fieldLabels: custom field code → its name, for the rows' reasons. */
  fieldLabels: z.record(z.string().max(500), z.object({ vi: z.string().max(2000), en: z.string().max(2000) })).optional(),
});

/** Request channel → argument schema. The handler receives the parsed value. */
export const requestSchemas = {
  'connection:get': z.undefined(),
  'connection:set': connectionSchema,
  'connection:test': z.undefined(),
  'catalog:get': z.object({ refresh: z.boolean() }),
  'file:open-dialog': z.undefined(),
  'file:open-recent': z.object({ fileId: z.string().max(200) }),
  'file:recent': z.undefined(),
  'file:save': z.object({
    defaultName: z.string().min(1).max(255),
    bytes: z.instanceof(ArrayBuffer),
  }),
  'templates:list': z.undefined(),
  'templates:save': templateSchema,
  'templates:delete': z.object({ name: z.string().min(1).max(200) }),
  'templates:rename': z.object({ from: z.string().min(1).max(200), to: z.string().min(1).max(200) }),
  'import:start': z.object({ plan: importPlanSchema, fileName: z.string().max(255) }),
  /**
   * The same as import:start, the plan sent as UTF-8 JSON bytes: a 100,000-row plan crosses to the main process
   * as one buffer copy instead of a structured clone of every row on the window's thread. Validated the same way.
   */
  'import:start-encoded': z.object({ plan: z.instanceof(ArrayBuffer), fileName: z.string().max(255) }),
  'import:pause': z.object({ importId: z.string().max(200) }),
  'import:resume': z.object({ importId: z.string().max(200) }),
  'import:cancel': z.object({ importId: z.string().max(200) }),
  'import:pending': z.undefined(),
  'import:history': z.undefined(),
  'credentials:renew': z.object({ token: z.string().min(1).max(4096) }),
  'shell:open-external': z.object({ url: z.string().max(2048).regex(/^https?:\/\//i).url() }),
  'import:continue': z.object({ importId: z.string().max(200) }),
} as const;

/** Request channel → response type. */
export interface Responses {
  'connection:get': ConnectionInfo;
  'connection:set': Outcome<ConnectionInfo>;
  'connection:test': Outcome<Catalog>;
  'catalog:get': Catalog;
  'file:open-dialog': Outcome<OpenedFile> | null;
  'file:open-recent': Outcome<OpenedFile>;
  'file:recent': RecentFile[];
  'file:save': Outcome<{ path: string }> | null;
  'templates:list': MappingTemplate[];
  'templates:save': MappingTemplate[];
  'templates:delete': MappingTemplate[];
  'templates:rename': Outcome<MappingTemplate[]>;
  'import:start': Outcome<{ importId: string; journalPath: string }>;
  'import:start-encoded': Outcome<{ importId: string; journalPath: string }>;
  'import:pause': void;
  'import:resume': void;
  'import:cancel': void;
  'import:pending': PendingImport[];
  'import:history': HistoryEntry[];
  'credentials:renew': Outcome<true>;
  'shell:open-external': Outcome<true>;
  /** Continue an interrupted import (from import:pending) with the plan saved beside its journal. */
  'import:continue': Outcome<{ importId: string; journalPath: string }>;
}

export type RequestChannel = keyof typeof requestSchemas;
export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestSchemas)[C]>;

/** Event channel → payload (main → renderer). */
export interface Events {
  'import:progress': ImportProgress & { importId: string };
  /**
   * Row outcomes as they settle, without OMI ids (import:done's result has them). `grouped` (optional): outcomes
   * alike in every respect but the row (a chunk's created rows, the rows a cancel left unsent) as row numbers, so
   * 100,000 created rows or a cancel of 90,000 are not that many objects for the window's thread to take in; every
   * row is in `outcomes` or in one group (see groupAlike).
   */
  'import:rows': { importId: string; outcomes: RowOutcome[]; grouped?: OutcomeGroup[] };
  'import:done': ImportResult;
  'import:needs-credentials': { importId: string };
  /**
   * The import stopped without a result (e.g. its journal could not be written: disk full, file locked). Sent
   * instead of import:done; `error.text` says what happened and what to do. The journal lets it be continued.
   */
  'import:failed': { importId: string; error: { code: string; text: Bilingual } };
}
export type EventChannel = keyof Events;

/**
 * The object the preload exposes as `window.omi` (and the harness bridge implements):
 * one method per request channel, one `on` for events returning an unsubscribe.
 */
export interface OmiBridge {
  request<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<Responses[C]>;
  on<E extends EventChannel>(event: E, listener: (payload: Events[E]) => void): () => void;
}
