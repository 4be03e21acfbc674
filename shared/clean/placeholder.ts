/**
 * What people type in a cell to mean "nothing here", lowercased with single spaces, with and without accents.
 * Kept as exact strings (no accent folding) because this check runs on every cell of every row.
 */
const PLACEHOLDERS = new Set([
  'n/a', 'n.a', 'n.a.', 'na', 'none', 'null', 'nil', 'unknown',
  'không', 'khong', 'không có', 'khong co', 'chưa có', 'chua co', 'ko', 'ko có', 'ko co', 'k có', 'k co',
  'chưa cập nhật', 'chua cap nhat', 'đang cập nhật', 'dang cap nhat', 'để trống', 'de trong', 'trống', 'trong',
  'x', 'xx', 'xxx',
  // Excel error values.
  '#n/a', '#ref!', '#value!', '#div/0!', '#name?', '#num!', '#null!', '#n/a!',
]);

const FILLER = /^[-–—_.?*/\\0\s]+$/;
// The first character of every placeholder (either case) or filler: anything else is a value, decided at once.
const FIRST = new Set<number>();
for (const p of [...PLACEHOLDERS, '-', '–', '—', '_', '.', '?', '*', '/', '\\', '0']) {
  FIRST.add(p.charCodeAt(0));
  FIRST.add(p.toUpperCase().charCodeAt(0));
}

/** True when a cell only says "nothing here" (`N/A`, `-`, `không có`, `#N/A`, `chưa có`, `0` …). */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 16 || !FIRST.has(t.charCodeAt(0))) return false;
  if (FILLER.test(t)) return true;
  // Fast exits for the common case: real phone numbers and emails.
  if (/\d\d|@/.test(t)) return false;
  const lower = t.normalize('NFC').toLowerCase();
  return PLACEHOLDERS.has(/\s\s|[\t\n\r\u00a0]/.test(lower) ? lower.replace(/\s+/g, ' ') : lower);
}
