/**
 * The sandbox's contact store: what the account defines (layout, funnels) and every contact, plus how a
 * stored contact is shown as the API's ContactItem.
 */
import { randomBytes } from 'node:crypto';
import { readFunnelList } from '../../shared/omi/funnel-list';
import { readLayoutList } from '../../shared/omi/layout-list';
import type { AttributeEntry, ContactInput, ContactItem, DynamicUpdate, FunnelPos, UpdateBody, Value } from '../../shared/omi/types';
import { SearchIndex } from './search-index';
import type { Schema } from './validate';

/** One contact as the sandbox keeps it (and writes it to the --data file). */
export interface StoredContact {
  id: string;
  /** Creation order: ties in created_date are broken by it, so paging is stable. */
  seq: number;
  createdDate: number;
  updatedDate: number;
  refId?: string;
  refCode?: string;
  refType?: string;
  userOwnerEmail?: string;
  avatarUrl?: string;
  fullName?: string;
  gender?: string;
  passport?: string;
  jobTitle?: string;
  address?: string;
  note?: string;
  tags: string[];
  business: string[];
  categories: string[];
  phones: Value[];
  emails: Value[];
  filterContacts: FunnelPos[];
  /** Dynamic attribute values by field code. */
  dynamic: Record<string, Value[]>;
}

/** The store's whole state, as persisted. */
export interface StoreState {
  version: 1;
  layout: unknown[];
  funnels: unknown[];
  contacts: StoredContact[];
  nextSeq: number;
}

const SCALARS = ['refId', 'refCode', 'refType', 'userOwnerEmail', 'avatarUrl', 'fullName', 'gender', 'passport', 'jobTitle', 'address', 'note'] as const;
const UPDATABLE_SCALARS = ['fullName', 'gender', 'passport', 'jobTitle', 'address', 'note', 'userOwnerEmail', 'avatarUrl'] as const;

function addNames(list: string[], names: string[] | undefined): string[] {
  if (!names) return list;
  const out = [...list];
  for (const n of names) if (!out.includes(n)) out.push(n);
  return out;
}

function removeNames(list: string[], names: string[] | undefined): string[] {
  return names ? list.filter((n) => !names.includes(n)) : list;
}

/** Creation order: oldest first, ties in created_date broken by seq (the order search pages newest-first from). */
function created(a: StoredContact, b: StoredContact): number {
  return a.createdDate - b.createdDate || a.seq - b.seq;
}

/**
 * Every contact in creation order plus the indexes that keep each API call proportional to its own size, not to
 * the store's: id → contact, refId → contacts, contact → position, and the search index.
 */
export class ContactStore {
  private state: StoreState;
  private byId = new Map<string, StoredContact>();
  private byRef = new Map<string, StoredContact[]>();
  private position = new Map<StoredContact, number>();
  /** Folded text and trigram postings for keyword search, by position in `all()`. */
  readonly searchIndex = new SearchIndex();
  private schemaCache: Schema | undefined;
  /** Called after every change (persistence hooks in here). */
  onChange: () => void = () => {};
  /** Ids are Mongo-like 24 hex chars: a per-process random prefix plus a counter. */
  private readonly idPrefix = randomBytes(6).toString('hex');
  private lastStamp = 0;

  constructor(state: StoreState) {
    this.state = state;
    this.reindex();
    // After a restart with --data, new dates still come after every stored one.
    this.lastStamp = state.contacts.reduce((m, c) => Math.max(m, c.updatedDate ?? 0, c.createdDate ?? 0), 0);
  }

  /** A store with this layout and funnel list and no contacts. */
  static empty(layout: unknown[], funnels: unknown[]): ContactStore {
    return new ContactStore({ version: 1, layout, funnels, contacts: [], nextSeq: 1 });
  }

  private reindex(): void {
    const list = this.state.contacts;
    // Contacts are appended in creation order; a hand-edited data file may not be, and search relies on it.
    if (list.some((c, i) => i > 0 && created(list[i - 1], c) > 0)) list.sort(created);
    this.byId = new Map();
    this.byRef = new Map();
    this.position = new Map();
    this.searchIndex.clear();
    list.forEach((c, i) => this.index(c, i));
    this.schemaCache = undefined;
  }

  private index(c: StoredContact, pos: number): void {
    this.byId.set(c.id, c);
    this.position.set(c, pos);
    if (c.refId !== undefined) {
      const same = this.byRef.get(c.refId);
      if (same) same.push(c);
      else this.byRef.set(c.refId, [c]);
    }
    this.searchIndex.put(pos, c);
  }

  /** The state as it should be written to disk. */
  snapshot(): StoreState {
    return this.state;
  }

  /** Replaces everything (reset). */
  replace(state: StoreState): void {
    this.state = state;
    this.reindex();
    this.onChange();
  }

  get layoutPayload(): unknown[] {
    return this.state.layout;
  }

  get funnelPayload(): unknown[] {
    return this.state.funnels;
  }

  /** The layout and funnels as parsed by the same tolerant readers the client uses. */
  get schema(): Schema {
    this.schemaCache ??= { layout: readLayoutList(this.state.layout), funnels: readFunnelList(this.state.funnels) };
    return this.schemaCache;
  }

  get size(): number {
    return this.state.contacts.length;
  }

  /** Every contact, oldest first (creation order). Do not modify the list. */
  all(): StoredContact[] {
    return this.state.contacts;
  }

  /** Where a contact sits in all() (its key in the search index). */
  positionOf(c: StoredContact): number {
    return this.position.get(c) ?? -1;
  }

  byPublicId(id: string): StoredContact | undefined {
    return this.byId.get(id);
  }

  /** Contacts with this refId, oldest first. */
  byRefId(refId: string): StoredContact[] {
    return [...(this.byRef.get(refId) ?? [])];
  }

  /** Whether any contact has this refId. */
  hasRefId(refId: string): boolean {
    return this.byRef.has(refId);
  }

  /** A strictly increasing ms clock, so created/updated dates never tie or run backwards. */
  private now(): number {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  /** Creates one contact from checked input; returns it. */
  create(input: ContactInput & { otherDynamicUpdates?: DynamicUpdate[] }, notify = true): StoredContact {
    const seq = this.state.nextSeq++;
    const stamp = this.now();
    const c: StoredContact = {
      id: `${this.idPrefix}${seq.toString(16).padStart(12, '0')}`,
      seq,
      createdDate: stamp,
      updatedDate: stamp,
      tags: [...new Set(input.tags ?? [])],
      business: [...new Set(input.business ?? [])],
      categories: [...new Set(input.categories ?? [])],
      phones: input.phones ?? [],
      emails: input.emails ?? [],
      filterContacts: input.filterContacts ?? [],
      dynamic: {},
    };
    for (const k of SCALARS) if (input[k] !== undefined) c[k] = input[k];
    for (const u of input.otherDynamicUpdates ?? []) c.dynamic[u.fieldCode] = u.values;
    this.index(c, this.state.contacts.push(c) - 1);
    if (notify) this.onChange();
    return c;
  }

  /** Applies a checked update body to a contact. */
  update(c: StoredContact, body: UpdateBody): void {
    for (const k of UPDATABLE_SCALARS) if (body[k] !== undefined) c[k] = body[k];
    if (body.phones) c.phones = body.phones;
    if (body.emails) c.emails = body.emails;
    if (body.filterContacts) c.filterContacts = body.filterContacts;
    c.tags = removeNames(addNames(c.tags, body.tags), body.tagRemoves);
    c.business = removeNames(addNames(c.business, body.business), body.businessRemoves);
    c.categories = removeNames(addNames(c.categories, body.categories), body.categoriesRemoves);
    for (const u of body.otherDynamicUpdates ?? []) {
      if (u.values.length === 0 || u.values.every((v) => v.data === '')) delete c.dynamic[u.fieldCode];
      else c.dynamic[u.fieldCode] = u.values;
    }
    c.updatedDate = this.now();
    this.searchIndex.put(this.positionOf(c), c);
    this.onChange();
  }

  /** Tells the persistence hook after a batch of notify=false creates. */
  changed(): void {
    this.onChange();
  }

  /** How the API shows a stored contact. */
  toItem(c: StoredContact): ContactItem {
    const attrs: AttributeEntry[] = [];
    const text = (code: string, type: string, v: string | undefined) => {
      if (v !== undefined && v !== '') attrs.push({ identify: `attr_${code}`, field_code: code, field_type: type, value: [{ display_value: v }] });
    };
    const values = (code: string, type: string, vs: Value[]) => {
      if (vs.length > 0) {
        attrs.push({
          identify: `attr_${code}`,
          field_code: code,
          field_type: type,
          value: vs.map((v) => ({ display_value: v.data, data_type: v.type, value_type: v.valueType })),
        });
      }
    };
    text('full_name', 'single_text', c.fullName);
    text('job_title', 'single_text', c.jobTitle);
    text('gender', 'radio', c.gender);
    values('phone_number', 'phone', c.phones);
    values('mail', 'email', c.emails);
    text('address', 'single_text', c.address);
    text('passport', 'single_text', c.passport);
    text('note', 'multi_text', c.note);
    const layout = this.schema.layout;
    for (const [code, vs] of Object.entries(c.dynamic)) {
      values(code, layout.find((a) => a.fieldCode === code)?.fieldType ?? 'customize', vs);
    }
    return {
      public_id: c.id,
      create_by: { name: 'omi-sandbox' },
      last_update_by: { name: 'omi-sandbox' },
      created_date: c.createdDate,
      last_updated_date: c.updatedDate,
      contact_type: 'contact',
      tags_view: c.tags.join(', '),
      is_deleted: false,
      tags: [...c.tags],
      attribute_structure: attrs,
      // Sandbox assumption: these are echoed top-level so an importer can tell a contact's refId and names.
      ref_id: c.refId,
      ref_code: c.refCode,
      ref_type: c.refType,
      business: [...c.business],
      categories: [...c.categories],
      user_owner_email: c.userOwnerEmail,
      avatar_url: c.avatarUrl,
      filter_contacts: c.filterContacts.map((p) => ({ ...p })),
    };
  }
}
