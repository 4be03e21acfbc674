/**
 * A big file is opened from its first rows (the File and Mapping screens show it at once) and read whole on
 * loadFull / before prepare: the first read and the whole read agree on the sheet, header and columns, choices
 * made meanwhile carry over, and checking never runs on the first rows alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMessyWorkbook } from '../../../test/fixtures/messy';
import { Pipeline } from './pipeline';

describe('the pipeline opens a big file from its first rows', () => {
  let dir: string;
  let big: ArrayBuffer;
  let small: ArrayBuffer;
  const read = (file: string) => {
    const buf = readFileSync(file);
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'omi-pipeline-preview-'));
    writeMessyWorkbook(join(dir, 'big.xlsx'), { rows: 1500 });
    writeMessyWorkbook(join(dir, 'small.xlsx'));
    big = read(join(dir, 'big.xlsx'));
    small = read(join(dir, 'small.xlsx'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the first rows, suggests the mapping from them, and gives the same columns once read whole', async () => {
    const p = new Pipeline();
    const first = await p.open(big.slice(0), 'big.xlsx');
    expect(first.table.partial).toBe(true);
    expect(first.table.rowCount).toBeLessThanOrEqual(200);
    const suggestion = p.suggestMapping({ layout: [], funnels: [] }, []);
    expect(suggestion.mappings.some((m) => m.target === 'phones')).toBe(true);
    // Checking the first rows only would lose rows: prepare refuses until the file is read whole.
    expect(() => p.prepare(suggestion.mappings, 'keep-first', [])).toThrow(/read to the end/);

    const whole = await p.loadFull();
    expect(whole.table.partial).toBeUndefined();
    expect(whole.table.rowCount).toBeGreaterThan(1400);
    expect(whole.table.headerRow).toBe(first.table.headerRow);
    expect(whole.table.sheet).toBe(first.table.sheet);
    expect(whole.table.columns.map((c) => c.header)).toEqual(first.table.columns.map((c) => c.header));
    expect(whole.table.preview).toEqual(first.table.preview);
    expect(whole.workbook.sheets[0].rowCount).toBeGreaterThan(first.workbook.sheets[0].rowCount);
    const summary = p.prepare(suggestion.mappings, 'keep-first', []);
    expect(summary.counts.total).toBe(whole.table.rowCount);
    // Read once: asking again answers from what is there.
    expect((await p.loadFull()).table.rowCount).toBe(whole.table.rowCount);
  });

  it('keeps the header row chosen before the whole read', async () => {
    const p = new Pipeline();
    const first = await p.open(big.slice(0), 'big.xlsx');
    const chosen = await p.readTable({ sheet: first.table.sheet, headerRow: first.table.headerRow + 1 });
    expect(chosen.partial).toBe(true);
    const whole = await p.loadFull();
    expect(whole.table.headerRow).toBe(first.table.headerRow + 1);
    expect(whole.table.columns.map((c) => c.header)).toEqual(chosen.columns.map((c) => c.header));
  });

  it('a small file is read whole at once', async () => {
    const p = new Pipeline();
    const { table } = await p.open(small.slice(0), 'small.xlsx');
    expect(table.partial).toBeUndefined();
    const { mappings } = p.suggestMapping({ layout: [], funnels: [] }, []);
    expect(p.prepare(mappings, 'keep-first', []).counts.total).toBe(table.rowCount);
  });

  it('a file opened after a big one is not replaced by the big one read whole', async () => {
    const p = new Pipeline();
    await p.open(big.slice(0), 'big.xlsx');
    const pending = p.readWhole();
    const { table } = await p.open(small.slice(0), 'small.xlsx');
    await pending;
    expect((await p.loadFull()).table.rowCount).toBe(table.rowCount);
    expect((await p.loadFull()).table.fileName).toBe('small.xlsx');
  });
});
