/**
 * Which of the row's fields a refusal is about, read from the server's own words, so the row's reason can say
 * "the value in the "Phone" field" in the user's language instead of quoting `phones[0].data is not a valid
 * phone number` (the words stay in the reason's detail). The labels are the Mapping screen's, so the user finds
 * the field under the name they chose it by.
 */
import { CORE_FIELDS, LIST_FIELDS } from '../mapping/catalog';
import type { Bilingual } from '../text';

/** The ContactInput / update names a server message may use, longest first so `userOwnerEmail` wins over `emails`. */
const FIELD_NAMES = [
  'otherDynamicUpdates', 'userOwnerEmail', 'filterContacts', 'avatarUrl', 'categories', 'jobTitlte', 'fullName', 'jobTitle',
  'business', 'passport', 'address', 'refCode', 'refType', 'emails', 'phones', 'gender', 'refId', 'tags', 'note',
] as const;

/** Looser words a server written by others may use, tried only when no field name appears. */
const LOOSE: [RegExp, string][] = [
  [/\b(phone|mobile)|số điện thoại|\bsđt\b/i, 'phones'],
  [/e-?mail|thư điện tử/i, 'emails'],
  [/\bgender\b|giới tính/i, 'gender'],
  [/\bfull ?name\b|họ (và )?tên/i, 'fullName'],
  [/\bfunnel\b|phễu|trạng thái/i, 'filterContacts'],
];

const FUNNEL: Bilingual = { vi: 'Trạng thái (phễu)', en: 'Funnel status' };

/** A custom field the message does not say which of: the sentence reads "a custom field", not a quoted name. */
export const SOME_CUSTOM_FIELD: Bilingual = Object.freeze({ vi: 'Trường riêng', en: 'Custom field' });

function labelOf(name: string): Bilingual | undefined {
  if (name === 'filterContacts') return FUNNEL;
  if (name === 'jobTitlte') return CORE_FIELDS.jobTitle.label;
  return (CORE_FIELDS as Record<string, { label: Bilingual }>)[name]?.label ?? (LIST_FIELDS as Record<string, { label: Bilingual }>)[name]?.label;
}

/** Custom field code → its name in the account's catalog (ImportPlan.fieldLabels). */
export type FieldLabels = Readonly<Record<string, Bilingual>>;

/**
 * A custom field as the user knows it: its catalog name when the plan carries one (the name the Mapping screen
 * showed), else its code — plans and journals written before the names travelled with the plan have only codes.
 */
export function customFieldLabel(code: string, labels?: FieldLabels): Bilingual {
  const own = labels && Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : undefined;
  const vi = own?.vi?.trim() || own?.en?.trim() || code;
  const en = own?.en?.trim() || own?.vi?.trim() || code;
  return { vi: `${vi} (trường riêng)`, en: `${en} (custom field)` };
}

/**
 * The field `message` names, as the user knows it ({vi, en} label), or undefined when it names none. A custom
 * field is found by its code: from `fieldCode "x"` in the message, or from `otherDynamicUpdates[i]` and the codes
 * the row sent (`fieldCodes`, in the order they were sent); it is then named by its catalog name from
 * `fieldLabels` (code → name), or by the code when it has none there.
 */
export function refusedField(said: string, fieldCodes: readonly string[] = [], fieldLabels?: FieldLabels): Bilingual | undefined {
  // "not a valid e-mail address" is about an e-mail, not the Address field.
  const message = said.replace(/e-?mail address/gi, 'email');
  let best: { at: number; name: string } | undefined;
  for (const name of FIELD_NAMES) {
    const m = new RegExp(`(^|[^A-Za-z])${name}([^A-Za-z]|$)`).exec(message);
    if (m && (!best || m.index < best.at)) best = { at: m.index, name };
  }
  if (best?.name === 'otherDynamicUpdates' || (!best && /\bfieldCode\b/.test(message))) {
    const code = /fieldCode\s*"([^"]+)"/.exec(message)?.[1] ?? fieldCodes[Number(/otherDynamicUpdates\[(\d+)\]/.exec(message)?.[1] ?? NaN)];
    return code ? customFieldLabel(code, fieldLabels) : SOME_CUSTOM_FIELD;
  }
  if (best) return labelOf(best.name);
  for (const [re, name] of LOOSE) if (re.test(message)) return labelOf(name);
  return undefined;
}
