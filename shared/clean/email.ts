import type { CellChange, CellIssue } from '../prepare/types';
import { suggestDomain } from './email-typos';
import { isPlaceholder } from './placeholder';
import { change, issue, type Cleaned, type CleanContext } from './types';

// The HTML living standard's email rule plus a dot in the domain: what a form in a browser would accept.
const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Is this (already trimmed, lowercased) address one the API should accept? */
export function isValidEmail(email: string): boolean {
  if (email.length > 254 || !EMAIL.test(email)) return false;
  const [local, domain] = email.split('@');
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..')
    && /\.[a-z]{2,}$/.test(domain);
}

/**
 * Cleans one email cell: trims, drops `mailto:` and <brackets>, lowercases, splits several addresses,
 * checks each one (only valid ones are returned; a bad one is an error). A probable domain typo (`gmial.com`) is a warning with the fix as its suggestion.
 */
export function cleanEmails(cell: string, _ctx: CleanContext = {}): Cleaned<string[]> {
  const changes: CellChange[] = [];
  const issues: CellIssue[] = [];
  const text = cell.trim();
  if (text === '') return { value: [], changes, issues };
  if (isPlaceholder(text)) {
    changes.push(change('email.placeholder', cell, '', {
      vi: 'Ô chỉ ghi "không có" (N/A, -, …); coi như để trống.',
      en: 'The cell only says "nothing" (N/A, -, …); treated as empty.',
    }));
    return { value: [], changes, issues };
  }
  const pieces = text.split(/[\s,;|/\n\r]+/).map((p) => p.trim()).filter(Boolean);
  if (pieces.length > 1) {
    changes.push(change('email.split', cell, pieces.join(', '), {
      vi: `Ô có ${pieces.length} địa chỉ email; đã tách thành từng địa chỉ.`,
      en: `The cell holds ${pieces.length} email addresses; they were split.`,
    }));
  }
  const out: string[] = [];
  for (const piece of pieces) {
    const email = piece.replace(/^mailto:/i, '').replace(/^[<("']+|[>)"'.]+$/g, '').toLowerCase();
    if (email !== piece) {
      changes.push(change('email.normalised', piece, email, {
        vi: 'Email được viết thường, bỏ "mailto:", ngoặc và dấu thừa.',
        en: 'Email lowercased, with "mailto:", brackets and stray marks removed.',
      }));
    }
    const valid = isValidEmail(email);
    if (!valid) {
      issues.push(issue('error', 'email.invalid', {
        vi: `"${piece}" không phải địa chỉ email hợp lệ. Hãy sửa hoặc xoá.`,
        en: `"${piece}" is not a valid email address. Fix or remove it.`,
      }));
    } else {
      const at = email.lastIndexOf('@');
      const better = suggestDomain(email.slice(at + 1));
      if (better) {
        const fixed = email.slice(0, at + 1) + better;
        issues.push(issue('warning', 'email.typo', {
          vi: `Tên miền "${email.slice(at + 1)}" có thể gõ nhầm; có phải là ${fixed}?`,
          en: `The domain "${email.slice(at + 1)}" looks mistyped; did you mean ${fixed}?`,
        }, pieces.length === 1 ? fixed : text.replace(piece, fixed)));
      }
    }
    if (valid && !out.includes(email)) out.push(email);
  }
  return { value: out, changes, issues };
}
