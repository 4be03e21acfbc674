/**
 * The app's import worker puts the names of the custom fields its mapping writes into the plan it hands to the
 * main process (ImportPlan.fieldLabels), from the catalog the columns were mapped with, so a refused row names its
 * field as the Mapping screen showed it (test/upload/refused-field-name.test.ts follows such a plan to the reason).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { readLayoutList } from '../../../shared/omi/layout-list';
import { Pipeline } from './pipeline';

const dir = mkdtempSync(join(tmpdir(), 'omi-plan-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The account's layout-list payload: two custom fields, one mapped by the file, one not. */
const LAYOUT = [
  { field_code: 'ngay_giao', field_name: 'Ngày giao hàng', field_type: 'date' },
  { field_code: 'hang_the', field_name: 'Hạng thẻ', field_type: 'text' },
];

function workbookBytes(): ArrayBuffer {
  const path = join(dir, 'don-giao.xlsx');
  const ws = XLSX.utils.aoa_to_sheet([['Họ và tên', 'SĐT', 'Ngày giao hàng'], ['Nguyễn Văn An', '0912345678', '15/03/2024']]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Đơn giao');
  writeFileSync(path, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  const buf = readFileSync(path);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

describe('the worker\'s plan carries the custom fields\' names', () => {
  it('the mapped custom field by its catalog name, in the plan and in the bytes sent to the main process', async () => {
    const p = new Pipeline();
    await p.open(workbookBytes(), 'don-giao.xlsx');
    const { mappings } = p.suggestMapping({ layout: readLayoutList(LAYOUT), funnels: [] }, []);
    expect(mappings.map((m) => m.target)).toEqual(['fullName', 'phones', 'dynamic:ngay_giao']);
    p.prepare(mappings, 'keep-first', []);
    const plan = p.plan('create', { chunkSize: 50, concurrency: 2, maxRetries: 3 });
    expect(plan.fieldLabels).toEqual({ ngay_giao: { vi: 'Ngày giao hàng', en: 'Ngày giao hàng' } });
    const sent = JSON.parse(new TextDecoder().decode(p.planEncoded('create', plan.options).bytes)) as typeof plan;
    expect(sent.fieldLabels).toEqual(plan.fieldLabels);
  });

  it('a mapping that writes no custom field: no names, the plan as before', async () => {
    const p = new Pipeline();
    await p.open(workbookBytes(), 'don-giao.xlsx');
    const { mappings } = p.suggestMapping({ layout: readLayoutList(LAYOUT), funnels: [] }, []);
    p.prepare(mappings.map((m) => (m.target.startsWith('dynamic:') ? { ...m, target: 'ignore' as const } : m)), 'keep-first', []);
    expect(p.plan('create', { chunkSize: 50, concurrency: 2, maxRetries: 3 })).not.toHaveProperty('fieldLabels');
  });
});
