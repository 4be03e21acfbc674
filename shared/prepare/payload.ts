import type { ContactInput, UpdateBody } from '../omi/types';
import { UserError } from '../text';
import type { PreparedRow } from './types';

/** Drops undefined fields and empty lists: the API gets only what the row holds. */
function compact<T extends object>(o: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x !== null ? { ...x } : x)) : v;
  }
  return out;
}

/** PreparedRow → the ContactInput sent to add / addMany (a copy; the row is not touched). */
export function toContactInput(row: PreparedRow): ContactInput {
  return compact(row.contact);
}

/**
 * PreparedRow → the body of `contact/update`: the contact identified by `refId` (preferred) or OMI's `_id`;
 * tags, business and categories are names to add, the `…Removes` lists names to remove; dynamic values go
 * as `otherDynamicUpdates`. refCode and refType are not part of update and are left out.
 */
export function toUpdateBody(
  row: PreparedRow,
  ident: { refId?: string; _id?: string },
  opts: { tagRemoves?: string[]; businessRemoves?: string[]; categoriesRemoves?: string[] } = {},
): UpdateBody {
  if (!ident.refId && !ident._id) {
    throw new UserError('update.no-identity', {
      vi: `Dòng ${row.rowNumber}: không biết cập nhật khách hàng nào (thiếu mã refId hoặc _id của OMI).`,
      en: `Row ${row.rowNumber}: no contact to update (no refId or OMI _id).`,
    }, { row: row.rowNumber });
  }
  const c = row.contact;
  const body: UpdateBody = ident.refId ? { refId: ident.refId } : { _id: ident._id };
  Object.assign(body, compact({
    fullName: c.fullName, gender: c.gender, passport: c.passport, jobTitle: c.jobTitle, address: c.address,
    note: c.note, userOwnerEmail: c.userOwnerEmail, avatarUrl: c.avatarUrl, phones: c.phones, emails: c.emails,
    filterContacts: c.filterContacts, tags: c.tags, business: c.business, categories: c.categories,
    tagRemoves: opts.tagRemoves, businessRemoves: opts.businessRemoves, categoriesRemoves: opts.categoriesRemoves,
    otherDynamicUpdates: row.dynamic.length ? row.dynamic.map((d) => ({ fieldCode: d.fieldCode, values: d.values.map((v) => ({ ...v })) })) : undefined,
  }));
  return body;
}
