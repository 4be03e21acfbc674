import type { CellChange, CellIssue } from '../prepare/types';
import { knownTypo, suggestDomain } from './email-typos';
import { isPlaceholder } from './placeholder';
import { allowed, change, issue, type Cleaned, type CleanContext } from './types';

// The HTML living standard's email rule plus a dot in the domain: what a form in a browser would accept.
const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

const SIMPLE = /^[a-z0-9._%+-]+@[a-z0-9.-]+$/;

/** Is this (already trimmed, lowercased) address one the API should accept? */
export function isValidEmail(email: string): boolean {
  if (email.length > 254 || !EMAIL.test(email)) return false;
  const [local, domain] = email.split('@');
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..')
    && /\.[a-z]{2,}$/.test(domain);
}

/**
 * Cleans one email cell: trims, drops `mailto:` and <brackets>, lowercases, splits several addresses,
 * checks each one (only valid ones are returned; a bad one is a warning and left out). A well-known domain typo
 * (`gmial.com`) is corrected, recorded and flagged so it can be undone; a merely close one is only suggested.
 */
export function cleanEmails(cell: string, ctx: CleanContext = {}): Cleaned<string[]> {
  const changes: CellChange[] = [];
  const issues: CellIssue[] = [];
  const text = cell.trim();
  if (text === '') return { value: [], changes, issues };
  // Fast path: one clean, lowercase address on a domain with no known typo.
  if (text === cell && SIMPLE.test(text) && isValidEmail(text)) {
    const domain = text.slice(text.lastIndexOf('@') + 1);
    if (!knownTypo(domain) && !suggestDomain(domain)) return { value: [text], changes, issues };
  }
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
    let email = piece.replace(/^mailto:/i, '').replace(/^[<("']+|[>)"'.]+$/g, '').toLowerCase();
    if (email !== piece) {
      changes.push(change('email.normalised', piece, email, {
        vi: 'Email được viết thường, bỏ "mailto:", ngoặc và dấu thừa.',
        en: 'Email lowercased, with "mailto:", brackets and stray marks removed.',
      }));
    }
    if (!isValidEmail(email)) {
      issues.push(issue('warning', 'email.invalid', {
        vi: `"${piece}" không phải địa chỉ email hợp lệ nên sẽ không được nhập. Hãy sửa nếu cần.`,
        en: `"${piece}" is not a valid email address, so it will be left out. Fix it if needed.`,
      }));
      continue;
    }
    const at = email.lastIndexOf('@');
    const domain = email.slice(at + 1);
    const known = knownTypo(domain);
    if (known && allowed(ctx, 'email.typo-fixed')) {
      const fixed = email.slice(0, at + 1) + known;
      changes.push(change('email.typo-fixed', email, fixed, {
        vi: `Sửa tên miền gõ nhầm "${domain}" thành "${known}".`,
        en: `Corrected the mistyped domain "${domain}" to "${known}".`,
      }));
      issues.push(issue('warning', 'email.typo-fixed', {
        vi: `Email "${email}" đã được sửa thành ${fixed} (tên miền gõ nhầm). Hoàn tác nếu địa chỉ cũ là đúng.`,
        en: `Email "${email}" was corrected to ${fixed} (mistyped domain). Undo it if the original was right.`,
      }));
      email = fixed;
    } else {
      const better = suggestDomain(domain);
      if (better) {
        const fixed = email.slice(0, at + 1) + better;
        issues.push(issue('warning', 'email.typo', {
          vi: `Tên miền "${domain}" có thể gõ nhầm; có phải là ${fixed}?`,
          en: `The domain "${domain}" looks mistyped; did you mean ${fixed}?`,
        }, pieces.length === 1 ? fixed : text.replace(piece, fixed)));
      }
    }
    if (!out.includes(email)) out.push(email);
  }
  return { value: out, changes, issues };
}
