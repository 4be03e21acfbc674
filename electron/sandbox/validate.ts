/**
 * Validation that mirrors the OMI Contact API v2 specification (../shared/omi-api-v2.md), so the importer meets
 * the same refusals a real account would give: wrong gender, wrong Value.type, non-string fields, malformed
 * emails, unknown funnels or status positions, unknown dynamic attributes.
 */
import type { ContactInput, DynamicUpdate, Funnel, FunnelPos, LayoutAttribute, UpdateBody, Value } from '../../shared/omi/types';

/** What the account defines, against which input is checked. */
export interface Schema {
  layout: LayoutAttribute[];
  funnels: Funnel[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const STRING_FIELDS = ['refId', 'userOwnerEmail', 'avatarUrl', 'fullName', 'passport', 'jobTitle', 'address', 'refCode', 'refType', 'note'] as const;
const UPDATE_STRING_FIELDS = ['refId', '_id', 'fullName', 'passport', 'jobTitle', 'address', 'note', 'userOwnerEmail', 'avatarUrl'] as const;
const NAME_LIST_FIELDS = ['tags', 'business', 'categories'] as const;
const REMOVE_LIST_FIELDS = ['tagRemoves', 'businessRemoves', 'categoriesRemoves'] as const;
const VALUE_TYPES = ['home', 'personal', 'office'];
const GENDERS = ['male', 'female', 'other'];
const EMAIL = /^[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]{2,}$/;
const MAX_TEXT = 10_000;

class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkString(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') fail(`${key} must be a string, got ${describe(v)}`);
  if (v.length > MAX_TEXT) fail(`${key} is longer than ${MAX_TEXT} characters`);
  return v;
}

function checkNames(o: Record<string, unknown>, key: string): string[] | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) fail(`${key} must be a list of names, got ${describe(v)}`);
  v.forEach((n, i) => {
    if (typeof n !== 'string' || n.trim() === '') fail(`${key}[${i}] must be a non-empty string, got ${describe(n)}`);
  });
  return v as string[];
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

/** A phone is accepted when it has 8 to 15 digits and nothing but digits, spaces, + . - ( ). */
export function isPhoneLike(s: string): boolean {
  if (!/^[+\d\s().-]+$/.test(s)) return false;
  const digits = s.replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 15;
}

/** True for a plausible e-mail address (one @, a dot in the domain, no spaces). */
export function isEmail(s: string): boolean {
  return EMAIL.test(s.trim());
}

function checkValues(o: Record<string, unknown>, key: 'phones' | 'emails'): Value[] | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) fail(`${key} must be a list of {data, type, valueType}, got ${describe(v)}`);
  return v.map((item, i) => {
    const where = `${key}[${i}]`;
    if (!isRecord(item)) fail(`${where} must be an object {data, type, valueType}, got ${describe(item)}`);
    if (typeof item.data !== 'string' || item.data.trim() === '') fail(`${where}.data must be a non-empty string, got ${describe(item.data)}`);
    if (typeof item.type !== 'string' || !VALUE_TYPES.includes(item.type)) {
      fail(`${where}.type must be one of home, personal, office, got ${describe(item.type)}`);
    }
    if (item.valueType !== undefined && typeof item.valueType !== 'string') fail(`${where}.valueType must be a string, got ${describe(item.valueType)}`);
    if (key === 'emails' && !isEmail(item.data)) fail(`${where}.data is not a valid e-mail address: ${describe(item.data)}`);
    if (key === 'phones' && !isPhoneLike(item.data)) fail(`${where}.data is not a valid phone number: ${describe(item.data)}`);
    return { data: item.data, type: item.type, valueType: (item.valueType as string | undefined) ?? '' };
  });
}

function checkFunnels(o: Record<string, unknown>, schema: Schema): FunnelPos[] | undefined {
  const v = o.filterContacts;
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) fail(`filterContacts must be a list of {id, index, secondLevelIndex}, got ${describe(v)}`);
  return v.map((p, i) => {
    const where = `filterContacts[${i}]`;
    if (!isRecord(p)) fail(`${where} must be an object {id, index, secondLevelIndex}`);
    if (typeof p.id !== 'string') fail(`${where}.id must be a string, got ${describe(p.id)}`);
    const funnel = schema.funnels.find((f) => f.id === p.id);
    if (!funnel) fail(`${where}.id "${p.id}" is not a funnel of this account`);
    if (typeof p.index !== 'number' || !Number.isInteger(p.index)) fail(`${where}.index must be a whole number, got ${describe(p.index)}`);
    const status = funnel.statuses.find((s) => s.index === p.index);
    if (!status) fail(`${where}.index ${p.index} is not a status of funnel "${funnel.name}"`);
    const pos: FunnelPos = { id: p.id, index: p.index };
    if (p.secondLevelIndex !== undefined && p.secondLevelIndex !== null) {
      if (typeof p.secondLevelIndex !== 'number' || !Number.isInteger(p.secondLevelIndex)) {
        fail(`${where}.secondLevelIndex must be a whole number, got ${describe(p.secondLevelIndex)}`);
      }
      if (!status.children.some((c) => c.index === p.secondLevelIndex)) {
        fail(`${where}.secondLevelIndex ${p.secondLevelIndex} is not a level-2 status under "${status.name}"`);
      }
      pos.secondLevelIndex = p.secondLevelIndex;
    }
    return pos;
  });
}

function checkDynamicValue(attr: LayoutAttribute, data: string, where: string): void {
  const type = attr.fieldType.toLowerCase();
  if (attr.options.length > 0) {
    const d = data.trim().toLowerCase();
    if (!attr.options.some((o) => o.value.toLowerCase() === d || o.label.toLowerCase() === d)) {
      fail(`${where}.data "${data}" is not an option of "${attr.name}" (${attr.options.map((o) => o.value).join(', ')})`);
    }
  } else if (type === 'date' || type === 'datetime') {
    const ok = /^\d{4}-\d{2}-\d{2}/.test(data) || /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(data) || /^\d{9,14}$/.test(data);
    if (!ok) fail(`${where}.data "${data}" is not a date (yyyy-mm-dd, dd/mm/yyyy or ms)`);
  } else if (type === 'number') {
    if (!Number.isFinite(Number(data.replace(/,/g, '')))) fail(`${where}.data "${data}" is not a number`);
  } else if (type === 'email' && !isEmail(data)) {
    fail(`${where}.data "${data}" is not a valid e-mail address`);
  }
}

function checkDynamic(o: Record<string, unknown>, schema: Schema): DynamicUpdate[] | undefined {
  const v = o.otherDynamicUpdates;
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) fail(`otherDynamicUpdates must be a list of {fieldCode, values}, got ${describe(v)}`);
  return v.map((u, i) => {
    const where = `otherDynamicUpdates[${i}]`;
    if (!isRecord(u)) fail(`${where} must be an object {fieldCode, values}`);
    if (typeof u.fieldCode !== 'string') fail(`${where}.fieldCode must be a string, got ${describe(u.fieldCode)}`);
    const attr = schema.layout.find((a) => a.fieldCode === u.fieldCode);
    if (!attr) fail(`${where}.fieldCode "${u.fieldCode}" is not a dynamic attribute of this account`);
    if (!Array.isArray(u.values)) fail(`${where}.values must be a list of {data, type, valueType}`);
    const values = u.values.map((val, j) => {
      const w = `${where}.values[${j}]`;
      if (!isRecord(val)) fail(`${w} must be an object {data, type, valueType}`);
      if (typeof val.data !== 'string') fail(`${w}.data must be a string, got ${describe(val.data)}`);
      if (val.type !== undefined && typeof val.type !== 'string') fail(`${w}.type must be a string`);
      if (val.valueType !== undefined && typeof val.valueType !== 'string') fail(`${w}.valueType must be a string`);
      if (val.data !== '') checkDynamicValue(attr, val.data, w);
      return { data: val.data, type: (val.type as string | undefined) ?? '', valueType: (val.valueType as string | undefined) ?? '' };
    });
    return { fieldCode: u.fieldCode, values };
  });
}

function run<T>(f: () => T): Checked<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, message: e.message };
    throw e;
  }
}

function copyDefined<T extends object>(target: T, key: string, value: unknown): void {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}

/**
 * Checks one ContactInput (add, each addMany row, seed contacts). The add page's misspelling `jobTitlte`
 * is accepted as jobTitle. A seed contact may also carry `otherDynamicUpdates`.
 */
export function checkContactInput(body: unknown, schema: Schema): Checked<ContactInput & { otherDynamicUpdates?: DynamicUpdate[] }> {
  return run(() => {
    if (!isRecord(body)) fail(`a contact must be a JSON object, got ${describe(body)}`);
    const o = { ...body };
    if (o.jobTitle === undefined && o.jobTitlte !== undefined) o.jobTitle = o.jobTitlte;
    const out: ContactInput & { otherDynamicUpdates?: DynamicUpdate[] } = {};
    for (const k of STRING_FIELDS) copyDefined(out, k, checkString(o, k));
    if (out.userOwnerEmail !== undefined && out.userOwnerEmail !== '' && !isEmail(out.userOwnerEmail)) {
      fail(`userOwnerEmail is not a valid e-mail address: ${describe(out.userOwnerEmail)}`);
    }
    if (o.gender !== undefined) {
      if (typeof o.gender !== 'string' || !GENDERS.includes(o.gender)) fail(`gender must be one of male, female, other, got ${describe(o.gender)}`);
      out.gender = o.gender as ContactInput['gender'];
    }
    for (const k of NAME_LIST_FIELDS) copyDefined(out, k, checkNames(o, k));
    copyDefined(out, 'phones', checkValues(o, 'phones'));
    copyDefined(out, 'emails', checkValues(o, 'emails'));
    copyDefined(out, 'filterContacts', checkFunnels(o, schema));
    copyDefined(out, 'otherDynamicUpdates', checkDynamic(o, schema));
    return out;
  });
}

/** Checks an update body: refId or _id to find the contact, fields to set, names to add / remove, dynamic values. */
export function checkUpdateBody(body: unknown, schema: Schema): Checked<UpdateBody> {
  return run(() => {
    if (!isRecord(body)) fail(`the update body must be a JSON object, got ${describe(body)}`);
    const out: UpdateBody = {};
    for (const k of UPDATE_STRING_FIELDS) copyDefined(out, k, checkString(body, k));
    if (!out.refId && !out._id) fail('the update body needs refId or _id to say which contact to update');
    if (out.userOwnerEmail !== undefined && out.userOwnerEmail !== '' && !isEmail(out.userOwnerEmail)) {
      fail(`userOwnerEmail is not a valid e-mail address: ${describe(out.userOwnerEmail)}`);
    }
    if (body.gender !== undefined) {
      if (typeof body.gender !== 'string' || !GENDERS.includes(body.gender)) fail(`gender must be one of male, female, other, got ${describe(body.gender)}`);
      out.gender = body.gender as UpdateBody['gender'];
    }
    for (const k of [...NAME_LIST_FIELDS, ...REMOVE_LIST_FIELDS]) copyDefined(out, k, checkNames(body, k));
    copyDefined(out, 'phones', checkValues(body, 'phones'));
    copyDefined(out, 'emails', checkValues(body, 'emails'));
    copyDefined(out, 'filterContacts', checkFunnels(body, schema));
    copyDefined(out, 'otherDynamicUpdates', checkDynamic(body, schema));
    return out;
  });
}
