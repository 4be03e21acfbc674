import type { CellKind } from '../ingest/types';
import { allowed, change, issue, type Cleaned, type CleanContext } from './types';

/**
 * ID card / passport numbers. Spaces, dots and dashes go. A citizen ID (CCCD, 12 digits) or old ID card
 * (CMND, 9 digits) typed into Excel as a number loses its leading 0: 11 or 8 digits from a number cell get
 * it back. Passports keep their letters (B1234567), uppercased.
 */
export function cleanPassport(cell: string, kind?: CellKind, raw?: unknown, ctx: CleanContext = {}): Cleaned<string | undefined> {
  let text = cell.trim();
  if (kind === 'number' && typeof raw === 'number' && Number.isSafeInteger(raw)) text = String(raw);
  if (text === '') return { value: undefined, changes: [], issues: [] };
  const compact = text.replace(/[\s.-]/g, '').toUpperCase();
  const changes = compact === text ? [] : [change('passport.format', text, compact, {
    vi: 'Bỏ dấu cách, dấu chấm, gạch ngang; viết hoa chữ cái.',
    en: 'Removed spaces, dots and dashes; letters uppercased.',
  })];
  if (kind === 'number' && /^\d{8}$|^\d{11}$/.test(compact) && allowed(ctx, 'passport.leading-zero')) {
    const fixed = '0' + compact;
    changes.push(change('passport.leading-zero', compact, fixed, {
      vi: 'Excel lưu số CMND/CCCD dạng số nên mất số 0 đầu; đã thêm lại.',
      en: 'Excel stored the ID number as a number and dropped the leading 0; it was added back.',
    }));
    return { value: fixed, changes, issues: [] };
  }
  const issues = /^[A-Z0-9]{6,20}$/.test(compact) ? [] : [issue('warning', 'passport.unusual', {
    vi: `"${text}" không giống số CMND/CCCD (9 hoặc 12 số) hay hộ chiếu.`,
    en: `"${text}" does not look like an ID card (9 or 12 digits) or passport number.`,
  })];
  return { value: compact, changes, issues };
}
