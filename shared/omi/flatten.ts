import type { ContactItem, FunnelPos, Gender, Value } from './types';
import { asRecord } from './tolerant';

/** A ContactItem read into the importer's terms: one field per core attribute, dynamic attributes by code. */
export interface FlatContact {
  /** OMI's public_id (the `_id` of update). */
  id: string;
  refId?: string;
  refCode?: string;
  refType?: string;
  fullName?: string;
  gender?: Gender;
  jobTitle?: string;
  address?: string;
  passport?: string;
  note?: string;
  userOwnerEmail?: string;
  avatarUrl?: string;
  /** Phone numbers as shown by OMI. */
  phones: string[];
  /** The same phones with their type / label. */
  phoneValues: Value[];
  emails: string[];
  emailValues: Value[];
  tags: string[];
  business: string[];
  categories: string[];
  filterContacts: FunnelPos[];
  /** Dynamic (layout) and custom attributes: field code → display values. */
  dynamic: Record<string, string[]>;
  createdDate: number;
  updatedDate: number;
}

/** Core attributes by field_code, with the close variants seen or likely (e.g. `email` for `mail`). */
const CORE: Record<string, 'fullName' | 'jobTitle' | 'gender' | 'phones' | 'emails' | 'address' | 'passport' | 'note'> = {
  full_name: 'fullName', fullname: 'fullName', name: 'fullName',
  job_title: 'jobTitle', jobtitle: 'jobTitle',
  gender: 'gender', sex: 'gender',
  phone_number: 'phones', phone: 'phones', phones: 'phones', mobile: 'phones',
  mail: 'emails', email: 'emails', emails: 'emails',
  address: 'address',
  passport: 'passport', cmnd: 'passport',
  note: 'note', notes: 'note',
};

const GENDER: Record<string, Gender> = {
  male: 'male', nam: 'male', m: 'male', 'đàn ông': 'male',
  female: 'female', 'nữ': 'female', nu: 'female', f: 'female',
  other: 'other', 'khác': 'other', khac: 'other',
};

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Turns a ContactItem's `attribute_structure` (plus the top-level echoes ref_id, business, categories…) into a
 * FlatContact. Unknown field codes land in `dynamic`, so nothing the server sent is dropped.
 */
export function flattenContact(item: ContactItem): FlatContact {
  const flat: FlatContact = {
    id: String(item.public_id ?? (item as { _id?: unknown })._id ?? ''),
    phones: [], phoneValues: [], emails: [], emailValues: [],
    tags: strings(item.tags), business: strings(item.business), categories: strings(item.categories),
    filterContacts: Array.isArray(item.filter_contacts) ? (item.filter_contacts as FunnelPos[]) : [],
    dynamic: {},
    createdDate: Number(item.created_date) || 0,
    updatedDate: Number(item.last_updated_date) || 0,
  };
  flat.refId = text(item.ref_id ?? item.refId);
  flat.refCode = text(item.ref_code ?? item.refCode);
  flat.refType = text(item.ref_type ?? item.refType);
  flat.userOwnerEmail = text(item.user_owner_email ?? item.userOwnerEmail);
  flat.avatarUrl = text(item.avatar_url ?? item.avatarUrl);
  for (const entry of Array.isArray(item.attribute_structure) ? item.attribute_structure : []) {
    const e = asRecord(entry);
    const code = typeof e?.field_code === 'string' ? e.field_code : undefined;
    if (!e || !code) continue;
    const values = (Array.isArray(e.value) ? e.value : [])
      .map((v) => asRecord(v))
      .filter((v): v is Record<string, unknown> => v !== undefined && typeof v.display_value === 'string');
    const shown = values.map((v) => v.display_value as string);
    const target = CORE[code.toLowerCase()];
    if (target === 'phones' || target === 'emails') {
      const list = values.map((v) => ({
        data: v.display_value as string,
        type: typeof v.data_type === 'string' ? v.data_type : '',
        valueType: typeof v.value_type === 'string' ? v.value_type : '',
      }));
      if (target === 'phones') {
        flat.phones.push(...shown);
        flat.phoneValues.push(...list);
      } else {
        flat.emails.push(...shown);
        flat.emailValues.push(...list);
      }
    } else if (target === 'gender') {
      const g = shown[0]?.trim().toLowerCase();
      if (g && GENDER[g]) flat.gender = GENDER[g];
    } else if (target) {
      if (shown.length > 0) flat[target] = shown.join('\n');
    } else {
      flat.dynamic[code] = shown;
    }
  }
  return flat;
}
