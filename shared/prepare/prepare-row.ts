import { cleanDynamicValue } from '../clean/dynamic-value';
import { cleanEmails } from '../clean/email';
import { cleanFunnelStatus } from '../clean/funnel';
import { cleanGender } from '../clean/gender';
import { cleanList } from '../clean/list';
import { cleanName } from '../clean/name';
import { cleanPassport } from '../clean/passport';
import { cleanPhones } from '../clean/phone';
import { cleanText } from '../clean/text';
import type { Cleaned } from '../clean/types';
import { issue } from '../clean/types';
import { cleanUrl } from '../clean/url';
import type { TableRow } from '../ingest/types';
import { VALUE_TYPE_LABEL, type ContactInput, type DynamicUpdate, type Value } from '../omi/types';
import { checkIdentity } from '../validate/identity';
import { validateContact } from '../validate/contact';
import { SWITCHABLE_LABEL } from './keep';
import type { ColumnPlan, PreparePlan } from './plan';
import type { Change, Issue, PreparedRow } from './types';

type StringField = 'fullName' | 'address' | 'jobTitle' | 'passport' | 'note' | 'refId' | 'refCode' | 'refType' | 'userOwnerEmail' | 'avatarUrl';

/**
 * Cleans and validates one table row under a resolved plan (no duplicate detection: that needs the whole
 * table). Every automatic change and every issue is tied to its column.
 */
export function prepareTableRow(row: TableRow, plan: PreparePlan): PreparedRow {
  const contact: ContactInput = {};
  const dynamic: DynamicUpdate[] = [];
  const issues: Issue[] = [];
  const changes: Change[] = [];
  const fileCtx = { disabled: plan.disabled };
  const out: Out = { changes, issues };
  const rowKeeps = plan.cellDisabled.size ? plan.cellDisabled.get(row.rowNumber) : undefined;
  for (const cp of plan.columns) {
    const col = cp.column;
    const cell = row.cells[col] ?? '';
    const kind = row.kinds?.[col];
    const raw = row.raw?.[col];
    if (cell.trim() === '' && (raw === undefined || raw === null || raw === '')) continue;
    const t = cp.target;
    // A cell the user kept as typed for some changes gets its own set of turned-off codes.
    const kept = rowKeeps?.get(col);
    const ctx = kept ? { disabled: kept } : fileCtx;
    const issuesBefore = issues.length;
    switch (t.kind) {
      case 'name': setOnce(contact, 'fullName', tie(out, col, cleanName(cell, ctx)), cp, issues); break;
      case 'gender': {
        const g = tie(out, col, cleanGender(cell, ctx));
        if (g) contact.gender = g;
        break;
      }
      case 'text':
      case 'multiline': {
        const field = t.id as StringField;
        const v = field === 'passport'
          ? tie(out, col, cleanPassport(cell, kind, raw, ctx))
          : tie(out, col, cleanText(numberText(cell, kind, raw), { multiline: t.kind === 'multiline' }));
        setOnce(contact, field, v, cp, issues);
        break;
      }
      case 'email-single': {
        const list = tie(out, col, cleanEmails(cell, ctx));
        if (list.length > 1) {
          issues.push({ column: col, ...issue('warning', 'owner.several', {
            vi: 'Chỉ được một email nhân viên phụ trách; ô này có nhiều email nên để trống.',
            en: 'Only one owner email is allowed; this cell holds several, so it is left empty.',
          }, list[0]) });
        } else if (list.length === 1) setOnce(contact, t.id as StringField, list[0], cp, issues);
        break;
      }
      case 'url': {
        const v = tie(out, col, cleanUrl(cell));
        if (v) setOnce(contact, t.id as StringField, v, cp, issues);
        break;
      }
      case 'phones': {
        const nums = tie(out, col, cleanPhones(cell, { disabled: ctx.disabled, defaultCountry: plan.defaultCountry, landline: cp.landline, kind, raw }));
        addValues(contact, 'phones', nums, cp, changes);
        break;
      }
      case 'emails': addValues(contact, 'emails', tie(out, col, cleanEmails(cell, ctx)), cp, changes); break;
      case 'list': {
        const field = t.id as 'tags' | 'business' | 'categories';
        const items = tie(out, col, cleanList(cell, ctx));
        const list = contact[field] ?? [];
        for (const it of items) {
          if (!list.some((x) => x.toLowerCase() === it.toLowerCase())) list.push(it);
          else changes.push({ column: col, before: it, after: '', code: 'list.duplicate-removed', reason: {
            vi: `"${it}" đã có ở cột khác của dòng này; không thêm lần nữa.`,
            en: `"${it}" is already in another column of this row; not added twice.`,
          } });
        }
        if (list.length) contact[field] = list;
        break;
      }
      case 'dynamic': {
        const values = tie(out, col, cleanDynamicValue(t.attribute!, cell, kind, raw, ctx));
        if (values.length) dynamic.push({ fieldCode: t.attribute!.fieldCode, values: values.map((data) => ({ data, type: '', valueType: '' })) });
        break;
      }
      case 'funnel': {
        const pos = tie(out, col, cleanFunnelStatus(t.funnel!, cell));
        if (pos) (contact.filterContacts ??= []).push(pos);
        break;
      }
    }
    if (kept) keptInvalid(issues, issuesBefore, col, kept, plan.disabled);
  }
  for (const f of validateContact(contact, dynamic)) issues.push({ column: plan.columnOf.get(f.field) ?? null, ...f.issue });
  const none = checkIdentity(contact);
  // Placed on the first of the name, phone or email columns the mapping has (each is empty or invalid here), so
  // the grid shows a red cell with the reason where the user can type one in; a mapping with none of them keeps
  // it on the row.
  if (none) issues.push({ column: plan.columnOf.get('fullName') ?? plan.columnOf.get('phones') ?? plan.columnOf.get('emails') ?? null, ...none });
  return {
    rowNumber: row.rowNumber,
    contact,
    dynamic,
    issues,
    changes,
    status: issues.some((i) => i.severity === 'error') ? 'invalid' : 'valid',
  };
}

interface Out { changes: Change[]; issues: Issue[] }

/**
 * A cell kept as typed whose value is now refused (e.g. an 11-digit phone OMI no longer accepts): says why, so the
 * user knows the way back is the automatic change or an edit.
 */
function keptInvalid(issues: Issue[], from: number, col: number, kept: ReadonlySet<string>, fileDisabled: ReadonlySet<string>): void {
  let invalid = false;
  for (let k = from; k < issues.length; k++) if (issues[k].column === col && issues[k].code.endsWith('.invalid')) invalid = true;
  if (!invalid) return;
  const codes = [...kept].filter((c) => !fileDisabled.has(c) && SWITCHABLE_LABEL[c]);
  const vi = codes.map((c) => SWITCHABLE_LABEL[c].vi).join(', ');
  const en = codes.map((c) => SWITCHABLE_LABEL[c].en).join(', ');
  issues.push({ column: col, ...issue('warning', 'cell.kept-original', {
    vi: `Ô này giữ nguyên giá trị gốc theo lựa chọn của bạn (không ${vi}), nhưng giá trị gốc không hợp lệ nên sẽ không được nhập. Hãy bật lại thay đổi tự động hoặc sửa ô.`,
    en: `This cell keeps its original value as you chose (no ${en}), but that value is not valid, so it will be left out. Turn the automatic change back on or edit the cell.`,
  }) });
}

/** Ties a cleaner's changes and issues to the column and gives back its value. */
function tie<T>(out: Out, col: number, r: Cleaned<T>): T {
  // Explicit literals, not spreads: this runs for every cell of 100,000-row files.
  for (let k = 0; k < r.changes.length; k++) {
    const c = r.changes[k];
    out.changes.push({ column: col, before: c.before, after: c.after, code: c.code, reason: c.reason });
  }
  for (let k = 0; k < r.issues.length; k++) {
    const i = r.issues[k];
    const x: Issue = { column: col, severity: i.severity, code: i.code, message: i.message };
    if (i.suggestion !== undefined) x.suggestion = i.suggestion;
    out.issues.push(x);
  }
  return r.value;
}

/** Numbers stored as numbers: the raw value has every digit where the display may say 1.2E+11. */
function numberText(cell: string, kind: unknown, raw: unknown): string {
  return kind === 'number' && typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : cell;
}

/** A single-valued field mapped from one column; the mapping step never maps two, this is the guard. */
function setOnce(contact: ContactInput, field: StringField, value: string | undefined, cp: ColumnPlan, issues: Issue[]): void {
  if (!value) return;
  if (contact[field] !== undefined && contact[field] !== value) {
    issues.push({ column: cp.column, ...issue('warning', 'mapping.second-column', {
      vi: `Trường này đã lấy giá trị từ cột khác; giá trị ở cột "${cp.header}" bị bỏ qua.`,
      en: `This field already has a value from another column; the value in "${cp.header}" is ignored.`,
    }) });
    return;
  }
  contact[field] = value;
}

/** Adds phones or emails with their type, dropping one already there from another column (recorded). */
function addValues(contact: ContactInput, key: 'phones' | 'emails', data: string[], cp: ColumnPlan, changes: Change[]): void {
  if (!data.length) return;
  const list: Value[] = contact[key] ?? [];
  const type = cp.valueType ?? 'personal';
  for (const d of data) {
    if (list.some((v) => v.data === d)) {
      changes.push({ column: cp.column, before: d, after: '', code: `${key === 'phones' ? 'phone' : 'email'}.duplicate-removed`, reason: {
        vi: `${d} đã có ở cột khác của dòng này; không thêm lần nữa.`,
        en: `${d} is already in another column of this row; not added twice.`,
      } });
      continue;
    }
    list.push({ data: d, type, valueType: VALUE_TYPE_LABEL[type] });
  }
  contact[key] = list;
}
