import { isPlaceholder } from './placeholder';
import { allowed, change, issue, type Cleaned, type CleanContext } from './types';
import type { CellChange, CellIssue } from '../prepare/types';

/**
 * A word needs title case when it is all one case (`NGUYỄN`, `ánh`) or starts lower (`nGuyễn`);
 * `McDonald` or `DeLuca` stay as written.
 */
function titleWord(word: string): string {
  // Vietnamese has no special case mappings, so the plain (much faster) conversions are exact.
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  const first = word.charAt(0);
  const startsLower = first === first.toLowerCase() && first !== first.toUpperCase();
  if (word !== lower && word !== upper && !startsLower) return word;
  // Keep the combining marks with their letter: NFC first, so "Ánh" is one letter + "nh".
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Vietnamese title case, diacritics kept: `NGUYỄN thị ánh` → `Nguyễn Thị Ánh`; hyphenated parts too. */
export function titleCaseVi(text: string): string {
  const words = text.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.includes('-')) {
      const parts = w.split('-');
      for (let j = 0; j < parts.length; j++) parts[j] = titleWord(parts[j]);
      words[i] = parts.join('-');
    } else words[i] = titleWord(w);
  }
  return words.join(' ');
}

/**
 * Cleans a person's name: NFC, single spaces, Vietnamese title case. A name with digits or an @ is a
 * warning (a phone or email in the wrong column?), never rewritten.
 */
export function cleanName(cell: string, ctx: CleanContext = {}): Cleaned<string> {
  const changes: CellChange[] = [];
  const issues: CellIssue[] = [];
  const nfc = cell.normalize('NFC').trim();
  if (nfc === '') return { value: '', changes, issues };
  // "Na" is a given name, not "N/A".
  if (isPlaceholder(nfc) && !/^na$/i.test(nfc)) {
    changes.push(change('name.placeholder', cell, '', {
      vi: 'Ô chỉ ghi "không có" (N/A, -, …); coi như để trống.',
      en: 'The cell only says "nothing" (N/A, -, …); treated as empty.',
    }));
    return { value: '', changes, issues };
  }
  let value = nfc.replace(/\s+/g, ' ');
  if (value !== nfc) {
    changes.push(change('name.whitespace', nfc, value, {
      vi: 'Gộp các dấu cách thừa trong tên.',
      en: 'Extra spaces in the name were collapsed.',
    }));
  }
  if (/[\d@]/.test(value)) {
    issues.push(issue('warning', 'name.suspicious', {
      vi: `Tên "${value}" có chữ số hoặc @: có thể là số điện thoại hay email nhập nhầm cột.`,
      en: `The name "${value}" holds digits or an @: maybe a phone or email in the wrong column.`,
    }));
    return { value, changes, issues };
  }
  const titled = titleCaseVi(value);
  if (titled !== value && allowed(ctx, 'name.title-case')) {
    changes.push(change('name.title-case', value, titled, {
      vi: 'Viết hoa chữ cái đầu mỗi tiếng trong tên.',
      en: 'Capitalised the first letter of each word of the name.',
    }));
    value = titled;
  }
  return { value, changes, issues };
}
