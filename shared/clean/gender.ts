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

/** `Nam` / `NỮ` / `nu` / `F` / `Female` / `khác` … → `male` / `female` / `other`; anything else is an error, not a guess. */
export function cleanGender(cell: string, _ctx: CleanContext = {}): Cleaned<Gender | undefined> {
  const text = cell.trim();
  if (text === '') return plain(undefined);
  if (isPlaceholder(text)) {
    return { value: undefined, changes: [change('gender.placeholder', cell, '', { vi: 'Ô chỉ ghi "không có"; coi như để trống.', en: 'The cell only says "nothing"; treated as empty.' })], issues: [] };
  }
  const g = GENDERS[foldKey(text)];
  if (g) {
    return {
      value: g,
      changes: text === g ? [] : [change('gender.mapped', text, g, {
        vi: `"${text}" được hiểu là ${g === 'male' ? 'Nam' : g === 'female' ? 'Nữ' : 'Khác'} (${g}).`,
        en: `"${text}" read as ${g}.`,
      })],
      issues: [],
    };
  }
  return {
    value: undefined,
    changes: [],
    issues: [issue('error', 'gender.unknown', {
      vi: `Giới tính "${text}" không rõ. OMI chỉ nhận Nam, Nữ hoặc Khác: hãy sửa ô này hoặc để trống.`,
      en: `Gender "${text}" is unclear. OMI takes only male, female or other: fix the cell or leave it empty.`,
    })],
  };
}
