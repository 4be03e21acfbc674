import { cleanHeaderText } from '../clean-text';
import { isBlank, type SourceRow } from '../source';

/** Words that headers of contact lists are made of (Vietnamese without marks, and English). */
const HEADER_WORDS = [
  'stt', 'tt', 'so tt', 'ho ten', 'ho va ten', 'ten', 'ho', 'ten khach hang', 'khach hang', 'name', 'full name', 'first name', 'last name',
  'sdt', 'so dien thoai', 'dien thoai', 'dt', 'dtdd', 'phone', 'mobile', 'di dong', 'tel', 'email', 'e mail', 'mail', 'gioi tinh',
  'gender', 'sex', 'dia chi', 'address', 'ngay sinh', 'sinh nhat', 'birthday', 'dob', 'nam sinh', 'cong ty', 'company', 'chuc vu',
  'position', 'job title', 'ghi chu', 'note', 'notes', 'nguon', 'nguon khach hang', 'source', 'nhom', 'group', 'tag', 'tags', 'the',
  'ma', 'ma kh', 'code', 'id', 'zalo', 'facebook', 'website', 'tinh', 'thanh pho', 'quan', 'huyen', 'city', 'province', 'nghe nghiep',
  'job', 'cmnd', 'cccd', 'mst', 'ma so thue', 'phan loai', 'trang thai', 'status', 'ngay tao', 'nhan vien', 'sale',
];
const HEADER_WORD_SET = new Set(HEADER_WORDS);

/** Lower-case, without Vietnamese marks, punctuation folded to spaces: "Số ĐT (*)" → "so dt". */
export function foldHeader(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** How many header words a cell holds (0 or 1: a whole-cell match, or a known word at its start). */
function headerWordHit(cell: string): number {
  const f = foldHeader(cell);
  if (!f) return 0;
  if (HEADER_WORD_SET.has(f)) return 1;
  const words = f.split(' ');
  for (let k = Math.min(4, words.length); k >= 1; k--) if (HEADER_WORD_SET.has(words.slice(0, k).join(' '))) return 1;
  return 0;
}

const NUMERIC = /^[\d\s.,+()\-/:]+$/;

/** A score for "this row is a header row": many short, distinct text cells, header words, no numbers or emails. */
export function headerScore(row: SourceRow | undefined): { score: number; filled: number } {
  if (!row) return { score: -Infinity, filled: 0 };
  let filled = 0;
  let score = 0;
  const seen = new Set<string>();
  for (let c = 0; c < row.texts.length; c++) {
    const t = row.texts[c];
    if (isBlank(t)) continue;
    filled++;
    const kind = row.kinds?.[c] ?? 'text';
    const clean = cleanHeaderText(t);
    if (kind !== 'text' || NUMERIC.test(clean)) {
      score -= 2;
      continue;
    }
    if (clean.includes('@') || clean.length > 60) {
      score -= 1;
      continue;
    }
    score += seen.has(clean) ? 0 : 1;
    seen.add(clean);
    score += 3 * headerWordHit(clean);
  }
  return { score, filled };
}

/** How many rows from the top are considered when looking for the header. */
const SCAN_ROWS = 40;

/**
 * Finds the header row (0-based): the best-scoring row among the first non-empty rows, skipping title rows
 * (one filled cell, often merged across the table: "DANH SÁCH KHÁCH HÀNG 2024") and blank rows.
 * Returns the score too, so a workbook can tell which sheet holds a contact table.
 */
export function detectHeaderRow(rowAt: (r: number) => SourceRow | undefined, height: number): { row: number; score: number } {
  const candidates: { r: number; score: number; filled: number }[] = [];
  for (let r = 0; r < height && candidates.length < SCAN_ROWS; r++) {
    const row = rowAt(r);
    const s = headerScore(row);
    if (s.filled > 0) candidates.push({ r, ...s });
  }
  if (candidates.length === 0) return { row: -1, score: -Infinity };
  const widest = Math.max(...candidates.map((c) => c.filled));
  // A title row fills one cell (or a few, far fewer than the table is wide).
  const eligible = candidates.filter((c) => c.filled >= 2 || widest === 1).filter((c) => c.filled * 2 >= widest || c.score >= 6);
  let best = eligible[0] ?? candidates[0];
  for (const c of eligible) if (c.score > best.score) best = c;
  return { row: best.r, score: best.score };
}

/**
 * Is the row right under the header just column numbers "1, 2, 3, 4 …" or "(1), (2) …" (common in Vietnamese
 * forms)? At least four, so a three-column table whose first row really is 1, 2, 3 is left alone.
 */
export function isColumnNumberingRow(row: SourceRow | undefined): boolean {
  if (!row) return false;
  let expect = 1;
  let filled = 0;
  for (const t of row.texts) {
    if (isBlank(t)) continue;
    const m = /^\(?\s*(\d+)\s*\)?$/.exec(t.trim());
    if (!m || Number(m[1]) !== expect) return false;
    expect++;
    filled++;
  }
  return filled >= 4;
}
