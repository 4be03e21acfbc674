import type { CellKind } from '../ingest/types';
import type { LayoutAttribute } from '../omi/types';
import type { CellChange, CellIssue } from '../prepare/types';
import { cleanDate } from './date';
import { cleanEmails } from './email';
import { cleanList } from './list';
import { cleanNumber } from './number';
import { cleanPhones } from './phone';
import { isPlaceholder } from './placeholder';
import { cleanText } from './text';
import { foldKey } from './text-compare';
import { change, issue, plain, type Cleaned, type CleanContext } from './types';

/** What kind of value an attribute's `fieldType` asks for (layout lists name them freely). */
export type DynamicKind = 'choice' | 'multi-choice' | 'number' | 'date' | 'email' | 'phone' | 'text';

const kinds = new WeakMap<LayoutAttribute, DynamicKind>();
const optionIndex = new WeakMap<LayoutAttribute, Map<string, { value: string; label: string }>>();

/** Reads a layout field type tolerantly: select, radio, dropdown, checkbox, multi_select, number, date … */
export function dynamicKind(attr: LayoutAttribute): DynamicKind {
  let k = kinds.get(attr);
  if (!k) kinds.set(attr, (k = readKind(attr)));
  return k;
}

function readKind(attr: LayoutAttribute): DynamicKind {
  const t = attr.fieldType.toLowerCase().replace(/[^a-z]/g, '');
  if (/multi(select|choice|ple)|checkbox|tag/.test(t)) return attr.options.length > 0 ? 'multi-choice' : 'text';
  if (attr.options.length > 0 || /select|radio|dropdown|choice|option|combo/.test(t)) return 'choice';
  if (/number|numeric|int|float|decimal|currency|money|amount/.test(t)) return 'number';
  if (/date|time|birthday/.test(t)) return 'date';
  if (/email|mail/.test(t)) return 'email';
  if (/phone|tel|mobile/.test(t)) return 'phone';
  return 'text';
}

/** A bad attribute value never blocks the contact: it is left out and said so. */
function soften(r: Cleaned<string | string[] | undefined>, name: string): Cleaned<string[]> {
  return {
    value: r.value === undefined ? [] : Array.isArray(r.value) ? r.value : [r.value],
    changes: r.changes,
    issues: r.issues.length === 0 ? r.issues : r.issues.map((i) => ({
      ...i,
      severity: 'warning',
      message: { vi: `${i.message.vi} Trường "${name}" sẽ không được ghi.`, en: `${i.message.en} Field "${name}" will not be written.` },
    })),
  };
}

/** Matches typed text to an option by value or label, ignoring case, spaces and accents. */
function matchOption(attr: LayoutAttribute, text: string): { value: string; label: string } | undefined {
  let index = optionIndex.get(attr);
  if (!index) {
    index = new Map();
    // Labels first, so a label wins over another option's value that folds the same.
    for (const o of attr.options) if (!index.has(foldKey(o.label))) index.set(foldKey(o.label), o);
    for (const o of attr.options) if (!index.has(foldKey(o.value))) index.set(foldKey(o.value), o);
    optionIndex.set(attr, index);
  }
  return attr.options.find((o) => o.value === text) ?? index.get(foldKey(text));
}

/**
 * One cell of a dynamic (layout) attribute → the values to write through `otherDynamicUpdates`:
 * an option label becomes its option value (`su kien` → `su_kien`), numbers lose separators, dates become
 * YYYY-MM-DD (day-first text, Excel serials from the raw value). A value the attribute cannot take is
 * a warning and is left out, so the contact itself still goes in.
 */
export function cleanDynamicValue(attr: LayoutAttribute, cell: string, kind?: CellKind, raw?: unknown, ctx: CleanContext = {}): Cleaned<string[]> {
  const text = cell.trim();
  if (text === '' && raw === undefined) return plain([]);
  if (text !== '' && isPlaceholder(text)) return plain([]);
  const k = dynamicKind(attr);
  const name = attr.name || attr.fieldCode;
  switch (k) {
    case 'number': return soften(cleanNumber(text, kind, raw), name);
    case 'date': return soften(cleanDate(text, kind, raw), name);
    case 'email': return soften(cleanEmails(text, ctx), name);
    case 'phone': return soften(cleanPhones(text, { ...ctx, kind, raw }), name);
    case 'text': return soften(cleanText(text), name);
    case 'choice':
    case 'multi-choice': {
      const items = k === 'choice' ? [text] : cleanList(text, ctx).value;
      const changes: CellChange[] = [];
      const issues: CellIssue[] = [];
      const out: string[] = [];
      for (const item of items) {
        const o = matchOption(attr, item);
        if (!o) {
          issues.push(issue('warning', 'dynamic.unknown-option', {
            vi: `"${item}" không phải lựa chọn của trường "${name}" (${attr.options.map((x) => x.label).join(', ')}). Trường này sẽ không được ghi.`,
            en: `"${item}" is not an option of "${name}" (${attr.options.map((x) => x.label).join(', ')}). The field will not be written.`,
          }));
          continue;
        }
        // The option's own label is the option: only other spellings are recorded as a reading.
        if (o.value !== item && o.label !== item) {
          changes.push(change('dynamic.option', item, o.value, {
            vi: `"${item}" là lựa chọn "${o.label}" của trường "${name}".`,
            en: `"${item}" is the option "${o.label}" of "${name}".`,
          }));
        }
        if (!out.includes(o.value)) out.push(o.value);
      }
      return { value: out, changes, issues };
    }
  }
}
