import type {
  ContactInput, ContactItem, Funnel, LayoutAttribute, RowRejection, SearchBody, SearchPage, UpdateBody,
} from './types';

/** Per-call options: every call can be cancelled and has a timeout. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Default: the client's timeout (30 s). */
  timeoutMs?: number;
}

export interface AddManyResult {
  /** Rows the server refused (by index in the batch); every other row was created. Empty on full success. */
  rejected: RowRejection[];
}

/**
 * The seven endpoints of OMI Contact API v2. Implemented over `fetch` by `createOmiClient`
 * (shared/omi/client.ts); the upload engine, the CLI and the main process depend on this interface only.
 * Every failure is thrown as an `OmiError` (shared/omi/errors.ts).
 */
export interface OmiApi {
  add(contact: ContactInput, opts?: CallOptions): Promise<boolean>;
  addMany(contacts: ContactInput[], opts?: CallOptions): Promise<AddManyResult>;
  update(body: UpdateBody, opts?: CallOptions): Promise<boolean>;
  search(body: SearchBody, page?: { page?: number; size?: number }, opts?: CallOptions): Promise<SearchPage>;
  get(id: string, opts?: CallOptions): Promise<ContactItem>;
  layoutList(opts?: CallOptions): Promise<LayoutAttribute[]>;
  funnelList(opts?: CallOptions): Promise<Funnel[]>;
}

export interface OmiClientConfig {
  /** e.g. https://crm.example.vn or http://127.0.0.1:4010 (HTTPS required unless loopback). */
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  /** Injected for tests and for Node/Electron differences; default globalThis.fetch. */
  fetch?: typeof fetch;
}
