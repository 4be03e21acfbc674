/**
 * Find & replace preview speed: the Review screen counts, while the user types, the cells a replace would change
 * over every row (Pipeline.findReplace with apply false, all 11 columns, whole cells and inside cells). Measured on
 * 100,000 generated rows against the baseline of checking the same rows once (Pipeline.prepare) in the same run:
 * target ≤ 0.1× — a count must cost a small fraction of a check, or typing in the popover would lag.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMessyWorkbook } from '../fixtures/messy';
import { SANDBOX_FUNNELS, SANDBOX_LAYOUT } from '../mapping/account';
import { medianMs, report } from './report';

/** The part of the worker's Pipeline this benchmark drives. */
interface PipelineLike {
  open(bytes: ArrayBuffer, fileName: string): Promise<unknown>;
  readWhole(): Promise<void>;
  suggestMapping(input: { layout: unknown; funnels: unknown }, templates: []): { mappings: unknown[] };
  prepare(mappings: unknown[], policy: 'keep-first', disabledChanges: string[]): { counts: { total: number } };
  findReplace(query: { find: string; replace: string; column: number | null; matchCase: boolean; wholeCell: boolean }, apply: false): { cells: number };
}
// The pipeline is renderer code, outside this (Node) TypeScript project: loaded by a path TypeScript does not follow.
const PIPELINE = '../../renderer/src/workers/pipeline';
const { Pipeline } = (await import(PIPELINE)) as { Pipeline: new () => PipelineLike };

const N = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'bench-find-replace-'));
try {
  const path = join(dir, 'contacts-100k.xlsx');
  writeMessyWorkbook(path, { rows: N });
  const buf = readFileSync(path);
  const p = new Pipeline();
  await p.open(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, 'contacts-100k.xlsx');
  await p.readWhole();
  const { mappings } = p.suggestMapping({ layout: SANDBOX_LAYOUT, funnels: SANDBOX_FUNNELS }, []);
  let total = 0;
  const prepareMs = await medianMs(() => {
    total = p.prepare(mappings, 'keep-first', []).counts.total;
  }, 3);
  if (total !== N) throw new Error(`prepare saw ${total} rows, expected ${N}`);

  const query = { find: 'Nam', replace: 'Male', column: null, matchCase: false };
  let whole = 0;
  let inside = 0;
  const wholeMs = await medianMs(() => {
    whole = p.findReplace({ ...query, wholeCell: true }, false).cells;
  });
  const insideMs = await medianMs(() => {
    inside = p.findReplace({ ...query, wholeCell: false }, false).cells;
  });
  if (whole === 0 || inside <= whole) throw new Error(`counted ${whole} whole and ${inside} inside cells: the generated rows should have both`);
  report({
    name: 'find-replace-preview-whole',
    measured: `count "Nam" as whole cells in 11 columns of ${N.toLocaleString('en')} rows (${whole} cells)`,
    value: wholeMs, baseline: prepareMs, unit: 'ms', target: 0.1, direction: 'max',
  });
  report({
    name: 'find-replace-preview-inside',
    measured: `count "Nam" inside cells in 11 columns of ${N.toLocaleString('en')} rows (${inside} cells)`,
    value: insideMs, baseline: prepareMs, unit: 'ms', target: 0.1, direction: 'max',
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
