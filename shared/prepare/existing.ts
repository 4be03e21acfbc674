import type { OmiApi } from '../omi/api';
import type { ContactItem } from '../omi/types';
import { cleanPhones } from '../clean/phone';
import type { PreparedRow } from './types';

/** The phones and emails a CRM contact holds, normalised the way prepared rows are. */
function itemKeys(item: ContactItem): Set<string> {
  const keys = new Set<string>();
  for (const a of item.attribute_structure ?? []) {
    const code = (a.field_code ?? '').toLowerCase();
    const type = (a.field_type ?? '').toLowerCase();
    for (const v of a.value ?? []) {
      const text = String(v.display_value ?? '');
      if (code.includes('phone') || type === 'phone') for (const p of cleanPhones(text).value) keys.add(`phone:${p}`);
      else if (code === 'mail' || code.includes('email') || type === 'email') keys.add(`email:${text.trim().toLowerCase()}`);
    }
  }
  return keys;
}

/**
 * Looks each row's phones and emails up in the CRM (search by keyword) and says which rows already exist
 * there, by row number, with the contact's id and what matched (`phone:0912345678`). A search hit counts only
 * when the contact really holds that phone or email (what `keyword` matches is not specified).
 * Identical keywords are searched once. Cancellable; reports progress per row.
 */
export async function findExisting(
  api: OmiApi,
  rows: PreparedRow[],
  opts: { signal?: AbortSignal; concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<Map<number, { id: string; matchedBy: string }>> {
  const found = new Map<number, { id: string; matchedBy: string }>();
  const lookups = new Map<string, Promise<string | null>>();
  const lookup = (key: string): Promise<string | null> => {
    let p = lookups.get(key);
    if (!p) {
      const keyword = key.slice(key.indexOf(':') + 1);
      p = api.search({ keyword }, { page: 1, size: 20 }, { signal: opts.signal }).then((page) => {
        const hit = page.items.find((it) => !it.is_deleted && itemKeys(it).has(key));
        return hit ? hit.public_id : null;
      });
      lookups.set(key, p);
    }
    return p;
  };
  const total = rows.length;
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      opts.signal?.throwIfAborted();
      const row = rows[next++];
      const keys = [
        ...(row.contact.phones ?? []).map((p) => `phone:${p.data}`),
        ...(row.contact.emails ?? []).map((e) => `email:${e.data.toLowerCase()}`),
      ];
      for (const key of keys) {
        const id = await lookup(key);
        if (id) {
          found.set(row.rowNumber, { id, matchedBy: key });
          break;
        }
      }
      done++;
      opts.onProgress?.(done, total);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 4, 16));
  await Promise.all(Array.from({ length: Math.min(n, Math.max(rows.length, 1)) }, worker));
  return found;
}
