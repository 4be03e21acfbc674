import type { ContactInput } from '../omi/types';
import type { CellIssue } from '../prepare/types';
import { issue } from '../clean/types';

/** A contact needs at least a name, a phone or an email to be found again in OMI; else the row is blocked. */
export function checkIdentity(contact: ContactInput): CellIssue | null {
  if (contact.fullName || contact.phones?.length || contact.emails?.length) return null;
  return issue('error', 'row.no-identity', {
    vi: 'Dòng không có tên, số điện thoại hay email hợp lệ nào; cần ít nhất một trong ba để nhập.',
    en: 'The row has no valid name, phone or email; at least one of them is needed to import it.',
  });
}
