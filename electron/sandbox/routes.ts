/**
 * The seven OMI Contact API v2 endpoints (../shared/omi-api-v2.md), as pure handlers over the store:
 * they take the parsed body and answer an envelope or a failure; faults and HTTP live in server.ts.
 */
import type { ContactInput, DynamicUpdate } from '../../shared/omi/types';
import type { AddManyErrorShape, FaultBoard } from './faults';
import { envelope, type Failure } from './http';
import { findContacts, pageOf, type SearchQuery } from './search';
import type { ContactStore, StoredContact } from './store';
import { checkContactInput, checkUpdateBody } from './validate';

/** Endpoint names used in stats. */
export type Endpoint = 'add' | 'addMany' | 'update' | 'search' | 'get' | 'layoutList' | 'funnelList';

export type Answer = { http: number; body: unknown } | Failure;

export interface RouteInput {
  body: unknown;
  params: Record<string, string>;
  query: URLSearchParams;
  store: ContactStore;
  board: FaultBoard;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Path with `:name` segments. */
  path: string;
  endpoint: Endpoint;
  /** False for GET routes: no body is read or parsed. */
  hasBody: boolean;
  run(input: RouteInput): Answer;
}

/** A refusal of the call's input (HTTP 400, status_code 400). */
export function badRequest(message: string, payload: unknown = null): Failure {
  return { http: 400, statusCode: 400, message, payload };
}

function ok(payload: unknown): Answer {
  return { http: 200, body: envelope(payload) };
}

function refIdTaken(store: ContactStore, board: FaultBoard, refId: string | undefined, alsoTaken?: Set<string>): boolean {
  if (!refId || board.refIdDuplicates === 'allow') return false;
  return store.hasRefId(refId) || (alsoTaken?.has(refId) ?? false);
}

const add: Route = {
  method: 'POST',
  path: '/api/v2/contact/add',
  endpoint: 'add',
  hasBody: true,
  run({ body, store, board }) {
    const checked = checkContactInput(body, store.schema);
    if (!checked.ok) return badRequest(checked.message, false);
    if (refIdTaken(store, board, checked.value.refId)) {
      return { http: 409, statusCode: 409, message: `a contact with refId "${checked.value.refId}" already exists`, payload: false };
    }
    store.create(checked.value);
    return ok(true);
  },
};

function rowErrorPayload(shape: AddManyErrorShape, errors: { index: number; message: string }[]): unknown {
  if (shape === 'detail-list') return { error: errors };
  return { error: Object.fromEntries(errors.map((e) => [String(e.index), e.message])) };
}

const addMany: Route = {
  method: 'POST',
  path: '/api/v2/contact/addMany',
  endpoint: 'addMany',
  hasBody: true,
  run({ body, store, board }) {
    const data = (body as { data?: unknown } | null)?.data;
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray(data)) {
      return badRequest('the addMany body must be {"data": [contact, …]}', { error: {} });
    }
    if (board.maxBatch !== null && data.length > board.maxBatch) {
      return { http: 413, statusCode: 413, message: `too many contacts in one addMany call: ${data.length}, at most ${board.maxBatch}`, payload: { error: {} } };
    }
    const valid: (ContactInput & { otherDynamicUpdates?: DynamicUpdate[] })[] = [];
    const errors: { index: number; message: string }[] = [];
    const seenRefIds = new Set<string>();
    data.forEach((row, index) => {
      const checked = checkContactInput(row, store.schema);
      if (!checked.ok) errors.push({ index, message: checked.message });
      else if (refIdTaken(store, board, checked.value.refId, seenRefIds)) {
        errors.push({ index, message: `a contact with refId "${checked.value.refId}" already exists` });
      } else {
        if (checked.value.refId) seenRefIds.add(checked.value.refId);
        valid.push(checked.value);
      }
    });
    if (errors.length > 0 && board.addManyErrors === 'no-detail') {
      return { http: 400, statusCode: 400, message: 'invalid data', payload: { error: {} } };
    }
    for (const c of valid) store.create(c, false);
    if (valid.length > 0) store.changed();
    return ok(errors.length === 0 ? { success: true } : rowErrorPayload(board.addManyErrors, errors));
  },
};

const update: Route = {
  method: 'POST',
  path: '/api/v2/contact/update',
  endpoint: 'update',
  hasBody: true,
  run({ body, store }) {
    const checked = checkUpdateBody(body, store.schema);
    if (!checked.ok) return badRequest(checked.message, false);
    const b = checked.value;
    // The spec: identify by refId, or by _id when no refId is used. With duplicates allowed, the oldest wins.
    const target: StoredContact | undefined = b.refId ? store.byRefId(b.refId)[0] : store.byPublicId(b._id ?? '');
    if (!target) {
      const what = b.refId ? `refId "${b.refId}"` : `_id "${b._id}"`;
      return { http: 404, statusCode: 404, message: `no contact with ${what}`, payload: false };
    }
    store.update(target, b);
    return ok(true);
  },
};

function checkNameList(o: Record<string, unknown>, key: string): string[] | undefined | string {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return `${key} must be a list of strings`;
  return v as string[];
}

/** Checks a search body; returns the query or a sentence saying what is wrong. */
export function checkSearchBody(body: unknown): SearchQuery | string {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) return 'the search body must be a JSON object';
  const o = body as Record<string, unknown>;
  const q: SearchQuery = {};
  if (o.keyword !== undefined && o.keyword !== null) {
    if (typeof o.keyword !== 'string') return 'keyword must be a string';
    q.keyword = o.keyword;
  }
  for (const k of ['tags', 'business', 'categories', 'includeIds', 'excludeIds'] as const) {
    const v = checkNameList(o, k);
    if (typeof v === 'string') return v;
    if (v) q[k] = v;
  }
  if (o.ranges !== undefined && o.ranges !== null) {
    if (!Array.isArray(o.ranges)) return 'ranges must be a list of {field, from, to}';
    q.ranges = [];
    for (const [i, r] of o.ranges.entries()) {
      if (typeof r !== 'object' || r === null) return `ranges[${i}] must be an object {field, from, to}`;
      const { field, from, to } = r as Record<string, unknown>;
      if (field !== 'created_date' && field !== 'last_updated_date') return `ranges[${i}].field must be created_date or last_updated_date`;
      for (const [name, v] of [['from', from], ['to', to]] as const) {
        if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v))) return `ranges[${i}].${name} must be a time in ms`;
      }
      q.ranges.push({ field, from: (from ?? undefined) as number | undefined, to: (to ?? undefined) as number | undefined });
    }
  }
  return q;
}

function intParam(query: URLSearchParams, name: string, fallback: number, max: number): number | string {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) return `${name} must be a whole number from 1 to ${max}, got "${raw}"`;
  return n;
}

/** Largest page size the sandbox serves. */
export const MAX_PAGE_SIZE = 1000;

const search: Route = {
  method: 'POST',
  path: '/api/v2/contact/search',
  endpoint: 'search',
  hasBody: true,
  run({ body, query, store }) {
    const page = intParam(query, 'page', 1, 1_000_000);
    if (typeof page === 'string') return badRequest(page);
    const size = intParam(query, 'size', 50, MAX_PAGE_SIZE);
    if (typeof size === 'string') return badRequest(size);
    const q = checkSearchBody(body);
    if (typeof q === 'string') return badRequest(q);
    return ok(pageOf(store, findContacts(store, q), page, size));
  },
};

const get: Route = {
  method: 'GET',
  path: '/api/v2/contact/get/:id',
  endpoint: 'get',
  hasBody: false,
  run({ params, store }) {
    const c = store.byPublicId(params.id);
    if (!c) return { http: 404, statusCode: 404, message: `no contact with id "${params.id}"` };
    return ok(store.toItem(c));
  },
};

const layoutList: Route = {
  method: 'GET',
  path: '/api/v2/contact/layout/list',
  endpoint: 'layoutList',
  hasBody: false,
  run: ({ store }) => ok(store.layoutPayload),
};

const funnelList: Route = {
  method: 'GET',
  path: '/api/v2/contact/filterContact/list',
  endpoint: 'funnelList',
  hasBody: false,
  run: ({ store }) => ok(store.funnelPayload),
};

/** Every API route. */
export const ROUTES: Route[] = [add, addMany, update, search, get, layoutList, funnelList];

/** Finds the route for a path: the route and its params, 'method' when only the method is wrong, or undefined. */
export function matchRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | { wrongMethod: string[] } | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/');
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const pattern = route.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let i = 0; i < pattern.length && matches; i++) {
      if (pattern[i].startsWith(':')) {
        try {
          params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
        } catch {
          params[pattern[i].slice(1)] = parts[i];
        }
        matches = parts[i] !== '';
      } else matches = pattern[i] === parts[i];
    }
    if (!matches) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { wrongMethod: allowed } : undefined;
}
