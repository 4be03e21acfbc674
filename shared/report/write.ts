/**
 * Writes a ReportSheet as xlsx (SheetJS) or as CSV for Excel (Papa Parse, UTF-8 with a byte-order mark so Excel
 * reads Vietnamese correctly, CRLF line ends). Every cell, header included, is neutralised against formula
 * injection on the way out.
 */
import { utils, write } from '@e965/xlsx';
import Papa from 'papaparse';
import { neutraliseCell } from './neutralise';
import type { ReportSheet } from './types';

/** The report file's bytes. */
export function writeReport(sheet: ReportSheet, format: 'xlsx' | 'csv'): Uint8Array {
  const header = sheet.header.map(neutraliseCell);
  const rows = sheet.rows.map((r) => r.map((c) => neutraliseCell(c ?? '')));
  if (format === 'csv') {
    const text = Papa.unparse({ fields: header, data: rows }, { newline: '\r\n', quotes: false });
    return new TextEncoder().encode(`\uFEFF${text}\r\n`);
  }
  const ws = utils.aoa_to_sheet([header, ...rows]);
  // Text cells only: nothing is read as a number or a date (phones keep their leading 0).
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const cell = ws[key] as { t: string; v: unknown };
    cell.t = 's';
    cell.v = String(cell.v ?? '');
  }
  ws['!cols'] = header.map((h, i) => ({ wch: Math.min(60, Math.max(10, h.length + 2, ...rows.slice(0, 200).map((r) => (r[i] ?? '').length))) }));
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, safeSheetName(sheet.name));
  const out = write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31);
  return cleaned || 'Report';
}
