import type { Gender } from '../omi/types';
import { isPlaceholder } from './placeholder';
import { foldKey } from './text-compare';
import { change, issue, plain, type Cleaned, type CleanContext } from './types';

// Folded spellings (no accents, lowercase) and what they mean. Nothing else is guessed.
const GENDERS: Record<string, Gender> = {
  nam: 'male', male: 'male', m: 'male', man: 'male', 'nam gioi': 'male', trai: 'male', 'con trai': 'male',
  nu: 'female', female: 'female', f: 'female', woman: 'female', 'nu gioi': 'female', gai: 'female', 'con gai': 'female',
  khac: 'other', other: 'other', o: 'other', 'gioi tinh khac': 'other',
};

const CANONICAL = new Set(['nam', 'nu', 'khac', 'male', 'female', 'other']);
const QUICK = new Map<string, Gender>();
for (const [w, g] of [['nam', 'male'], ['nữ', 'female'], ['khác', 'other'], ['male', 'male'], ['female', 'female'], ['other', 'other']] as const) {
  for (const v of [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]) QUICK.set(v, g);
}

/** `Nam` / `NỮ` / `nu` / `F` / `Female` / `khác` … → `male` / `female` / `other`; anything else is left empty and flagged, never guessed. */
export function cleanGender(cell: string, _ctx: CleanContext = {}): Cleaned<Gender | undefined> {
  const text = cell.trim();
  if (text === '') return plain(undefined);
  // Fast path: the words as people usually write them.
  const quick = QUICK.get(text);
  if (quick) return plain(quick);
  const key = foldKey(text);
  // A lone "x" or "?" in a gender column means "don't know": flagged below rather than silently emptied.
  if (isPlaceholder(text) && !/^[xX?]$/.test(text)) {
    return { value: undefined, changes: [change('gender.placeholder', cell, '', { vi: 'Ô chỉ ghi "không có"; coi như để trống.', en: 'The cell only says "nothing"; treated as empty.' })], issues: [] };
  }
  const g = GENDERS[key];
  if (g) {
    return {
      value: g,
      // Nam / Nữ / Khác are the words for male / female / other, not a reading: only other spellings are recorded.
      changes: CANONICAL.has(key) ? [] : [change('gender.mapped', text, g, {
        vi: `"${text}" được hiểu là ${g === 'male' ? 'Nam' : g === 'female' ? 'Nữ' : 'Khác'} (${g}).`,
        en: `"${text}" read as ${g}.`,
      })],
      issues: [],
    };
  }
  return {
    value: undefined,
    changes: [],
    issues: [issue('warning', 'gender.unknown', {
      vi: `Giới tính "${text}" không rõ nên để trống. OMI chỉ nhận Nam, Nữ hoặc Khác: hãy sửa ô này nếu cần.`,
      en: `Gender "${text}" is unclear, so it is left empty. OMI takes only male, female or other: fix the cell if needed.`,
    })],
  };
}
