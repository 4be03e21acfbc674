import type { RowRejection } from './types';
import { asRecord, pickNumber, pickText } from './tolerant';

const ERROR_KEYS = ['error', 'errors', 'failed', 'failures', 'rejected', 'invalid'];
const INDEX_KEYS = ['index', 'row', 'idx', 'position', 'rowIndex', 'row_index', 'line'];
const MESSAGE_KEYS = ['message', 'msg', 'error', 'reason', 'detail', 'description', 'errors'];

function messageOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(messageOf).filter(Boolean).join('; ');
  const r = asRecord(v);
  if (r) {
    const t = pickText(r, MESSAGE_KEYS);
    if (t !== undefined) return t;
    const nested = MESSAGE_KEYS.map((k) => r[k]).find((x) => Array.isArray(x) || asRecord(x));
    if (nested !== undefined) return messageOf(nested);
  }
  if (v === undefined || v === null) return '';
  const s = JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/**
 * The rows an addMany answer names as refused, whatever shape it used: `payload.error` keyed by row index
 * (`{"3": "message"}`), a list of `{index, message}` (also row / idx / position and msg / reason), or the
 * list itself as the payload. Returns [] when the answer names no row (a whole-batch refusal without detail).
 * Indexes outside 0..batchSize-1 are ignored: they cannot be tied to a row that was sent.
 */
export function readRowRejections(payload: unknown, batchSize: number): RowRejection[] {
  let detail: unknown = payload;
  const r = asRecord(payload);
  if (r) {
    const key = ERROR_KEYS.find((k) => r[k] !== undefined && r[k] !== null);
    detail = key ? r[key] : undefined;
  }
  const out: RowRejection[] = [];
  const push = (index: number | undefined, message: string) => {
    if (index === undefined || !Number.isInteger(index) || index < 0 || index >= batchSize) return;
    out.push({ index, message: message || 'refused without a reason' });
  };
  if (Array.isArray(detail)) {
    for (const item of detail) {
      const ir = asRecord(item);
      if (ir) push(pickNumber(ir, INDEX_KEYS), messageOf(ir));
    }
  } else {
    const d = asRecord(detail);
    if (d) for (const [k, v] of Object.entries(d)) if (/^\d+$/.test(k)) push(Number(k), messageOf(v));
  }
  return out.sort((a, b) => a.index - b.index);
}
