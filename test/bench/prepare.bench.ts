/**
 * Prepare speed. (1) Cleaning, validating and de-duplicating 100,000 rows (autoMap + prepareTable) against the
 * baseline of ingesting the same generated .xlsx in the same run: target ≤ 0.5×. (2) Re-preparing one edited row
 * (prepareRow) against a fixed 1 ms budget: the value is the mean of 2,000 single-row edits (p50 and p95 printed).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../shared/ingest';
import type { Table } from '../../shared/ingest/types';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import { prepareRow, prepareTable } from '../../shared/prepare/prepare';
import type { PrepareOptions } from '../../shared/prepare/types';
import { writeMessyWorkbook } from '../fixtures/messy';
import { SANDBOX_FUNNELS, SANDBOX_LAYOUT } from '../mapping/account';
import { medianMs, report } from './report';

const N = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'bench-prepare-'));
try {
  const path = join(dir, 'contacts-100k.xlsx');
  writeMessyWorkbook(path, { rows: N });
  const bytes = new Uint8Array(readFileSync(path));
  const catalog = buildTargetCatalog(SANDBOX_LAYOUT, SANDBOX_FUNNELS);
  const options: PrepareOptions = { duplicatePolicy: 'keep-first' };

  let table: Table | undefined;
  const ingestMs = await medianMs(() => {
    table = ingest(bytes, 'contacts-100k.xlsx').table;
  }, 3);
  if (!table || table.rows.length !== N) throw new Error(`ingest gave ${table?.rows.length} rows, expected ${N}`);
  const t = table;
  let valid = 0;
  const prepareMs = await medianMs(() => {
    const prepared = prepareTable(t, autoMap(t, catalog), catalog, options);
    valid = prepared.counts.valid;
  }, 3);
  if (valid !== N) throw new Error(`prepare found ${valid} valid rows, expected ${N}`);
  report({
    name: 'prepare-100k',
    measured: `autoMap + prepareTable of ${N} rows vs ingest of the same .xlsx`,
    value: prepareMs,
    baseline: ingestMs,
    unit: 'ms',
    target: 0.5,
    direction: 'max',
  });

  const mapping = autoMap(t, catalog);
  const EDITS = 2_000;
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const idx = (i * 7919) % N;
    // An edit: the user retypes the phone cell, so the row is new to every cache but the mapping's.
    t.rows[idx].cells[2] = `0912 ${String(100_000 + i).slice(0, 3)} ${String(i).padStart(3, '0')}`;
    const t0 = performance.now();
    prepareRow(t, idx, mapping, catalog, options);
    times.push(performance.now() - t0);
  }
  const mean = times.reduce((a, b) => a + b, 0) / EDITS;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.floor(EDITS * p)].toFixed(3);
  report({
    name: 'prepare-one-row',
    measured: `prepareRow after an edit: mean of ${EDITS} calls (p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms) vs a 1 ms budget`,
    value: mean,
    baseline: 1,
    unit: 'ms',
    target: 1,
    direction: 'max',
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
