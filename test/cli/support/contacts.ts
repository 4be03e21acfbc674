/**
 * Reading what the sandbox holds (GET /__sandbox/contacts) as plain fields through the client's own
 * flattenContact, with phones reduced to 10 digits so tests compare numbers whatever form the API shows.
 */
import { flattenContact, type FlatContact } from '../../../shared/omi/flatten';
import type { ContactItem } from '../../../shared/omi/types';

/** "+84 912-345-678" → "0912345678". */
export function phoneDigits(s: string): string {
  const d = s.replace(/\D/g, '');
  return d.startsWith('84') && d.length >= 11 ? `0${d.slice(2)}` : d;
}

/** The fields of one stored contact, phones as digits. */
export function fieldsOf(item: ContactItem): FlatContact {
  const flat = flattenContact(item);
  return { ...flat, phones: flat.phones.map(phoneDigits) };
}
