import type { LayoutAttribute } from './types';
import { asRecord, pickArray, pickText, unwrapList } from './tolerant';

const CODE_KEYS = ['field_code', 'fieldCode', 'code', 'key', 'field_key', 'fieldKey', 'attribute_code', 'attributeCode', 'id', '_id'];
const NAME_KEYS = ['field_name', 'fieldName', 'name', 'label', 'title', 'display_name', 'displayName', 'text'];
const TYPE_KEYS = ['field_type', 'fieldType', 'type', 'data_type', 'dataType', 'input_type', 'inputType', 'kind'];
const OPTION_LIST_KEYS = ['options', 'values', 'choices', 'items', 'option_values', 'optionValues', 'enum'];
const OPTION_VALUE_KEYS = ['value', 'code', 'key', 'id', '_id', 'data'];
const OPTION_LABEL_KEYS = ['label', 'name', 'title', 'text', 'display_value', 'displayValue', 'display_name', 'displayName'];

function readOption(o: unknown): { value: string; label: string } | undefined {
  if (typeof o === 'string' || typeof o === 'number') return { value: String(o), label: String(o) };
  const r = asRecord(o);
  if (!r) return undefined;
  const value = pickText(r, OPTION_VALUE_KEYS) ?? pickText(r, OPTION_LABEL_KEYS);
  if (value === undefined) return undefined;
  return { value, label: pickText(r, OPTION_LABEL_KEYS) ?? value };
}

/**
 * Reads the layout-list payload (the account's dynamic attributes) tolerantly: the specification gives no
 * shape, so close variants of each key are accepted (field_code / fieldCode / code / key …; field_name /
 * name / label / title / display_name …; options / values / choices), as is a list wrapped in an object.
 * Entries without a code are skipped; each result keeps the entry as sent in `raw`.
 */
export function readLayoutList(payload: unknown): LayoutAttribute[] {
  const out: LayoutAttribute[] = [];
  for (const entry of unwrapList(payload, ['layout', 'layouts', 'attributes', 'fields'])) {
    const r = asRecord(entry);
    if (!r) continue;
    const fieldCode = pickText(r, CODE_KEYS);
    if (fieldCode === undefined) continue;
    const options = (pickArray(r, OPTION_LIST_KEYS) ?? [])
      .map(readOption)
      .filter((o): o is { value: string; label: string } => o !== undefined);
    out.push({
      fieldCode,
      name: pickText(r, NAME_KEYS) ?? fieldCode,
      fieldType: pickText(r, TYPE_KEYS) ?? 'single_text',
      options,
      raw: entry,
    });
  }
  return out;
}
