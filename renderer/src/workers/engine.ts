/**
 * The one place the worker calls the shared pipeline (ingest, mapping, prepare, plan, report),
 * so a change in those signatures touches this file only.
 */
import { openWorkbook } from '../../../shared/ingest';
import { autoMap } from '../../../shared/mapping/auto';
import { buildTargetCatalog } from '../../../shared/mapping/catalog';
import { applyTemplate, matchTemplates } from '../../../shared/mapping/templates';
import { prepareRow, prepareTable } from '../../../shared/prepare/prepare';
import { buildErrorReport, restoreReportTable, writeReport } from '../../../shared/report';
import { buildCleanSheet } from './cleanSheet';
import { buildPlan, customFieldLabels, fingerprintBytes } from '../../../shared/upload/plan';
import type { ReadTableOptions, Table, Workbook } from '../../../shared/ingest/types';
import type { ColumnMapping, MappingTemplate, TargetCatalog } from '../../../shared/mapping/types';
import type { PreparedRow, PreparedTable, PrepareOptions } from '../../../shared/prepare/types';
import type { ImportMode, ImportOptions, ImportPlan, ImportResult } from '../../../shared/upload/types';
import type { CatalogInput } from './protocol';

export interface OpenedBook {
  info: Workbook;
  fingerprint: string;
  /** Only the first `previewRows` rows were read and the file has more. */
  partial: boolean;
  readTable(options: ReadTableOptions): Promise<Table>;
}

/**
 * Parses the file's bytes (throws UserError for files it cannot read); with `previewRows`, only the top of each
 * sheet. A partial read has no fingerprint yet (hashing 50 MB costs what the preview saves): the file is read again
 * whole before anything needs it (the plan).
 */
export async function open(bytes: ArrayBuffer, fileName: string, previewRows?: number): Promise<OpenedBook> {
  const u8 = new Uint8Array(bytes);
  const book = openWorkbook(u8, fileName, undefined, previewRows === undefined ? {} : { previewRows });
  return { info: book.info, partial: book.partial, fingerprint: book.partial ? '' : fingerprintBytes(u8), readTable: async (o) => readOwnTable(await book.readTable(o)) };
}

/**
 * The table as the user means it: a fixed error report of ours gets the apostrophes it put before formula-like
 * cells taken off again (with a note), so "'-- khách lẻ" is imported as "-- khách lẻ"; any other table is as read.
 */
function readOwnTable(table: Table): Table {
  return restoreReportTable(table).table;
}

export function catalogOf(input: CatalogInput): TargetCatalog {
  return buildTargetCatalog(input.layout, input.funnels);
}

export function suggest(table: Table, catalog: TargetCatalog): ColumnMapping[] {
  return autoMap(table, catalog);
}

export function templatesFor(templates: MappingTemplate[], table: Table): { name: string; score: number }[] {
  return matchTemplates(templates, table).map((m) => ({ name: m.template.name, score: m.score }));
}

export function fromTemplate(template: MappingTemplate, table: Table, catalog: TargetCatalog): ColumnMapping[] {
  return applyTemplate(template, table, catalog).mapping;
}

export function prepareAll(table: Table, mappings: ColumnMapping[], catalog: TargetCatalog, options: PrepareOptions): PreparedTable {
  return prepareTable(table, mappings, catalog, options);
}

export function prepareOne(table: Table, rowIndex: number, mappings: ColumnMapping[], catalog: TargetCatalog, options: PrepareOptions): PreparedRow {
  return prepareRow(table, rowIndex, mappings, catalog, options);
}

/**
 * The import plan of the prepared rows. `catalog`: the one the columns were mapped with, so the plan carries the
 * names of the custom fields it writes (a refused row then names its field as the Mapping screen showed it).
 */
export function plan(
  rows: PreparedRow[],
  init: { fileName: string; fingerprint: string; mappings: ColumnMapping[]; mode: ImportMode; options: ImportOptions; catalog?: TargetCatalog },
): ImportPlan {
  const mappingKey = init.mappings.map((m) => `${m.header}=${m.target}${m.valueType ? `/${m.valueType}` : ''}`).join('|');
  return buildPlan(rows, {
    fileName: init.fileName,
    fileFingerprint: init.fingerprint,
    mappingKey,
    mode: init.mode,
    options: init.options,
    refIdColumn: init.mappings.some((m) => m.target === 'refId'),
    ...(init.catalog ? { fieldLabels: customFieldLabels(init.mappings, init.catalog) } : {}),
  });
}

/** The cleaned table as a spreadsheet ("Clean only"). */
export function cleanFile(table: Table, prepared: PreparedTable, mappings: ColumnMapping[], format: 'xlsx' | 'csv'): ArrayBuffer {
  void mappings;
  return toArrayBuffer(writeReport(buildCleanSheet(table, prepared.rows), format));
}

/** The row-by-row report of an import (failed and invalid rows with their reasons, in the file's own columns). */
export function errorReport(table: Table, prepared: PreparedTable, result: ImportResult, format: 'xlsx' | 'csv'): ArrayBuffer {
  return toArrayBuffer(writeReport(buildErrorReport(table, prepared.rows, result), format));
}

function toArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
