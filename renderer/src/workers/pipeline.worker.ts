/// <reference lib="webworker" />
/**
 * The pipeline worker: ingest, mapping suggestions, prepare and reports run here so the window never freezes.
 * Each request is answered once; failures are answered as sentences (UserError text), never stack traces.
 */
import { isUserError } from '../../../shared/text';
import { Pipeline } from './pipeline';
import type { WorkerApi, WorkerMethod, WorkerRequest, WorkerResponse } from './protocol';

const pipeline = new Pipeline();

type Handlers = { [M in WorkerMethod]: (args: WorkerApi[M][0]) => WorkerApi[M][1] | Promise<WorkerApi[M][1]> };

const handlers: Handlers = {
  open: (a) => pipeline.open(a.bytes, a.fileName),
  loadFull: () => pipeline.loadFull(),
  readTable: (a) => pipeline.readTable(a),
  sheetPreview: (a) => pipeline.sheetPreview(a.sheet, a.rows),
  suggestMapping: (a) => pipeline.suggestMapping(a.catalog, a.templates),
  applyTemplate: (a) => pipeline.applyTemplate(a.template),
  // Checking needs every row: a file opened from its first rows is read whole first.
  prepare: async (a) => {
    await pipeline.readWhole();
    return pipeline.prepare(a.mappings, a.duplicatePolicy, a.disabledChanges);
  },
  setFilter: (a) => pipeline.setFilter(a.filter, a.issueCode, a.rowNumbers),
  rows: (a) => pipeline.rows(a.from, a.to),
  edit: (a) => pipeline.edit(a.rowIndex, a.column, a.value),
  bulk: (a) => pipeline.bulk(a.fix),
  findReplace: (a) => pipeline.findReplace(a, a.apply),
  undo: () => pipeline.undo(),
  redo: () => pipeline.redo(),
  duplicates: (a) => pipeline.duplicates(a.limit),
  duplicatePreview: (a) => pipeline.duplicatePreview(a.key, a.maxRows),
  keepOriginal: (a) => pipeline.keepOriginal(a.rowIndex, a.column, a.code, a.keep),
  keepColumn: (a) => pipeline.keepColumn(a.column),
  plan: (a) => pipeline.plan(a.mode, a.options, a.onlyRows),
  planEncoded: (a) => pipeline.planEncoded(a.mode, a.options, a.onlyRows),
  cleanExport: (a) => pipeline.cleanExport(a.format),
  errorReport: (a) => pipeline.errorReport(a.result, a.format),
};

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, method, args } = event.data;
  let answer: WorkerResponse;
  const transfer: Transferable[] = [];
  try {
    const handler = handlers[method] as (a: unknown) => unknown;
    const value = await handler(args);
    if (value instanceof ArrayBuffer) transfer.push(value);
    else if (value && typeof value === 'object' && (value as { bytes?: unknown }).bytes instanceof ArrayBuffer) transfer.push((value as { bytes: ArrayBuffer }).bytes);
    answer = { id, ok: true, value };
  } catch (e) {
    if (isUserError(e)) answer = { id, ok: false, error: { code: e.code, text: e.text } };
    else {
      console.error(e);
      const detail = e instanceof Error ? e.message : String(e);
      answer = {
        id, ok: false,
        error: {
          code: 'worker.unexpected',
          text: {
            vi: `Có lỗi bất ngờ khi xử lý tệp (${detail}). Hãy thử lại; nếu vẫn lỗi, gửi tệp này cho bộ phận hỗ trợ.`,
            en: `Something unexpected went wrong while processing the file (${detail}). Try again; if it keeps failing, send this file to support.`,
          },
        },
      };
    }
  }
  scope.postMessage(answer, transfer);
};
