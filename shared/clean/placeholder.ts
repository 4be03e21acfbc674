import { foldKey } from './text-compare';

// What people type in a cell to mean "nothing here", folded (no accents, lowercase, punctuation as spaces).
const PLACEHOLDERS = new Set([
  'n a', 'na', 'none', 'null', 'nil', 'khong', 'khong co', 'chua co', 'ko', 'ko co', 'k co', 'chua cap nhat',
  'dang cap nhat', 'unknown', 'x', 'xx', 'xxx', 'de trong',
  // Excel error values (#N/A, #REF!, #VALUE!, #DIV/0!, #NAME?) fold to these.
  'ref', 'value', 'div 0', 'name', 'num', 'null',
]);

/** True when a cell only says "nothing here" (`N/A`, `-`, `không có`, `#N/A`, `chưa có`, `0` …). */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/^[-–—_.?*/\\0\s]+$/.test(t)) return true;
  if (t.length > 20) return false;
  const k = foldKey(t);
  if (!t.startsWith('#') && (k === 'ref' || k === 'value' || k === 'name' || k === 'num' || k === 'div 0')) return false;
  return PLACEHOLDERS.has(k);
}
