/**
 * A Table sent from the file-reading worker to the command's thread at the least cost.
 *
 * Structured clone of a Table pays mostly for the small per-row objects: the `kinds` array (20 short strings a row)
 * and the sparse `raw` array of each row, plus the row object itself. Measured on 100,000 rows × 20 columns
 * (test/bench/cli-read.bench.ts), the cell strings alone clone in about a third of the whole row's time. So the
 * cells keep travelling as arrays of strings (cloned: one fresh string each, one-byte where it can be, which is
 * also the smallest form in memory), while row numbers and kinds go as typed arrays that are transferred, not
 * copied, and the few raw values as one flat list.
 *
 * A clone makes a new string for every cell, so the sharing the ingest set up in category columns (one "VIP" for a
 * million rows, shared/ingest/table/build.ts) would be lost; `unpackTable` shares them again by the same rule.
 */
import { POOL_CELL_CHARS, POOL_MAX } from '../../shared/ingest/text/read';
import type { CellKind, Table, TableRow } from '../../shared/ingest/types';

/** The Table in transfer form. Only the worker makes one and only `unpackTable` reads one. */
export interface PackedTable {
  head: Omit<Table, 'rows'>;
  rowNumbers: Float64Array;
  cells: string[][];
  /** Per row: length of its `kinds` array, -1 when the row has none. */
  kindsLength: Int32Array;
  /** Every row's kinds one after another, as codes (KIND_CODES; 0 = a hole). */
  kinds: Uint8Array;
  /** Per row: length of its `raw` array, -1 when the row has none. */
  rawLength: Int32Array;
  /** Raw values present: row index, column, value, row index, column, value… */
  raw: (string | number | boolean | null | undefined)[];
}

/** Cell kinds by code; code 0 stands for a hole (no kind given). */
const KIND_CODES: readonly (CellKind | undefined)[] = [undefined, 'text', 'number', 'date', 'boolean', 'error', 'empty'];
const CODE_OF = new Map<CellKind | undefined, number>(KIND_CODES.map((k, i) => [k, i]));

/** The table in transfer form, and the buffers to hand to `postMessage` as its transfer list. */
export function packTable(table: Table): { packed: PackedTable; transfer: ArrayBuffer[] } {
  const { rows, ...head } = table;
  const n = rows.length;
  const rowNumbers = new Float64Array(n);
  const cells: string[][] = new Array(n);
  const kindsLength = new Int32Array(n);
  const rawLength = new Int32Array(n);
  let kindCount = 0;
  for (const r of rows) if (r.kinds) kindCount += r.kinds.length;
  const kinds = new Uint8Array(kindCount);
  const raw: PackedTable['raw'] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    rowNumbers[i] = r.rowNumber;
    cells[i] = r.cells;
    if (r.kinds) {
      kindsLength[i] = r.kinds.length;
      for (let c = 0; c < r.kinds.length; c++) {
        const code = CODE_OF.get(r.kinds[c]);
        if (code === undefined) throw new Error(`packTable: unknown cell kind "${String(r.kinds[c])}" at row ${r.rowNumber}`);
        kinds[k++] = code;
      }
    } else {
      kindsLength[i] = -1;
    }
    if (r.raw) {
      rawLength[i] = r.raw.length;
      // forEach visits the entries that are there (an explicit undefined too) and skips the holes, as the clone would.
      r.raw.forEach((v, c) => raw.push(i, c, v));
    } else {
      rawLength[i] = -1;
    }
  }
  return {
    packed: { head, rowNumbers, cells, kindsLength, kinds, rawLength, raw },
    transfer: [rowNumbers.buffer, kindsLength.buffer, kinds.buffer, rawLength.buffer] as ArrayBuffer[],
  };
}

/** The Table again, equal to the one packed (holes in `raw` and `kinds` stay holes). */
export function unpackTable(p: PackedTable): Table {
  const n = p.rowNumbers.length;
  const rows: TableRow[] = new Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const row: TableRow = { rowNumber: p.rowNumbers[i], cells: p.cells[i] };
    // Same key order as the ingest builds (raw, then kinds).
    if (p.rawLength[i] >= 0) row.raw = new Array(p.rawLength[i]);
    const kl = p.kindsLength[i];
    if (kl >= 0) {
      const kinds: CellKind[] = new Array(kl);
      for (let c = 0; c < kl; c++) {
        const kind = KIND_CODES[p.kinds[k++]];
        if (kind !== undefined) kinds[c] = kind;
      }
      row.kinds = kinds;
    }
    rows[i] = row;
  }
  sharePooledCells(p.cells);
  for (let j = 0; j < p.raw.length; j += 3) rows[p.raw[j] as number].raw![p.raw[j + 1] as number] = p.raw[j + 2];
  return { ...p.head, rows };
}

/**
 * Short values repeated down a column become one shared string again, as the ingest made them (POOL_CELL_CHARS,
 * POOL_MAX: a column with more distinct values than that is not a category column and is left alone).
 */
function sharePooledCells(rows: string[][]): void {
  const pools: (Map<string, string> | null | undefined)[] = [];
  for (const cells of rows) {
    for (let c = 0; c < cells.length; c++) {
      const pool = pools[c];
      const v = cells[c];
      if (pool === null || typeof v !== 'string' || v.length === 0 || v.length > POOL_CELL_CHARS) continue;
      const p = pool ?? (pools[c] = new Map());
      const same = p.get(v);
      if (same !== undefined) cells[c] = same;
      else if (p.size < POOL_MAX) p.set(v, v);
      else pools[c] = null;
    }
  }
}
