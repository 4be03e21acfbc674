/**
 * OMI CRM Contact API v2 shapes, exactly as ../shared/omi-api-v2.md describes them.
 * Field names are the API's own (including its snake_case answers).
 */

export const SUCCESS_STATUS = 9999;

export interface Envelope<P> {
  status_code: number;
  instance_id?: string;
  instance_name?: string;
  payload: P;
  key_enabled?: boolean;
}

/** `home` → "Nhà", `personal` → "Cá nhân", `office` → "Công ty". */
export type ValueType = 'home' | 'personal' | 'office';
export const VALUE_TYPE_LABEL: Record<ValueType, string> = {
  home: 'Nhà',
  personal: 'Cá nhân',
  office: 'Công ty',
};

export interface Value {
  data: string;
  type: ValueType | string;
  valueType: string;
}

export interface FunnelPos {
  id: string;
  index: number;
  secondLevelIndex?: number;
}

export type Gender = 'male' | 'female' | 'other';

export interface ContactInput {
  refId?: string;
  tags?: string[];
  business?: string[];
  categories?: string[];
  userOwnerEmail?: string;
  avatarUrl?: string;
  fullName?: string;
  gender?: Gender;
  passport?: string;
  jobTitle?: string;
  address?: string;
  refCode?: string;
  refType?: string;
  note?: string;
  phones?: Value[];
  emails?: Value[];
  filterContacts?: FunnelPos[];
}

export interface DynamicUpdate {
  fieldCode: string;
  values: Value[];
}

/** Body of `POST /api/v2/contact/update`: identify by refId, else by `_id`. */
export interface UpdateBody {
  refId?: string;
  _id?: string;
  fullName?: string;
  gender?: Gender;
  passport?: string;
  jobTitle?: string;
  address?: string;
  note?: string;
  userOwnerEmail?: string;
  avatarUrl?: string;
  phones?: Value[];
  emails?: Value[];
  filterContacts?: FunnelPos[];
  tags?: string[];
  business?: string[];
  categories?: string[];
  tagRemoves?: string[];
  businessRemoves?: string[];
  categoriesRemoves?: string[];
  otherDynamicUpdates?: DynamicUpdate[];
}

export interface SearchRange {
  field: 'created_date' | 'last_updated_date' | string;
  from?: number;
  to?: number;
}

export interface SearchBody {
  keyword?: string;
  tags?: string[];
  business?: string[];
  categories?: string[];
  ranges?: SearchRange[];
  includeIds?: string[];
  excludeIds?: string[];
}

export interface AttributeValue {
  display_value: string;
  data_type?: string;
  value_type?: string;
}

export interface AttributeEntry {
  identify?: string;
  field_code: string;
  field_type: string;
  value: AttributeValue[];
}

export interface ContactItem {
  public_id: string;
  create_by?: { name: string };
  last_update_by?: { name: string };
  created_date: number;
  last_updated_date: number;
  contact_type: string;
  tags_view?: string;
  is_deleted: boolean;
  tags: string[];
  attribute_structure: AttributeEntry[];
  /** The sandbox (and possibly OMI) also echoes these; read them tolerantly. */
  ref_id?: string;
  business?: string[];
  categories?: string[];
  [extra: string]: unknown;
}

export interface SearchPage {
  next_page: number | null;
  page_number: number;
  has_previous: boolean;
  has_next: boolean;
  total_pages: number;
  previous_page: number | null;
  total_items: number;
  page_size: number;
  items: ContactItem[];
}

/** One dynamic attribute of the account (layout list), read tolerantly; `raw` keeps what the server sent. */
export interface LayoutAttribute {
  fieldCode: string;
  name: string;
  fieldType: string;
  options: { value: string; label: string }[];
  raw: unknown;
}

export interface FunnelStatus {
  index: number;
  name: string;
  children: { index: number; name: string }[];
}

/** One contact funnel ("bộ trạng thái"), read tolerantly; `raw` keeps what the server sent. */
export interface Funnel {
  id: string;
  name: string;
  statuses: FunnelStatus[];
  raw: unknown;
}

/** addMany's per-row refusal, whatever shape the server used to say it. */
export interface RowRejection {
  /** Index in the `data` array that was sent. */
  index: number;
  message: string;
}
