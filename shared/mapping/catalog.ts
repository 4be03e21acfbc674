import type { Funnel, LayoutAttribute } from '../omi/types';
import type { Bilingual } from '../text';
import type { CoreField, ListField, TargetCatalog, TargetDef, TargetId, TargetKind } from './types';

type FieldSpec = { label: Bilingual; kind: TargetKind; maxLength?: number };

/**
 * The fixed ContactInput fields with their labels. Lengths: the API states none; 255 for one-line fields
 * (what OMI's own forms allow) and 10,000 for notes, so an over-long value is caught before upload.
 */
export const CORE_FIELDS: Record<CoreField, FieldSpec> = {
  fullName: { label: { vi: 'Họ và tên', en: 'Full name' }, kind: 'name', maxLength: 255 },
  gender: { label: { vi: 'Giới tính', en: 'Gender' }, kind: 'gender' },
  address: { label: { vi: 'Địa chỉ', en: 'Address' }, kind: 'text', maxLength: 1000 },
  jobTitle: { label: { vi: 'Chức vụ / nghề nghiệp', en: 'Job title' }, kind: 'text', maxLength: 255 },
  passport: { label: { vi: 'CMND / CCCD / hộ chiếu', en: 'ID card / passport' }, kind: 'text', maxLength: 50 },
  note: { label: { vi: 'Ghi chú', en: 'Note' }, kind: 'multiline', maxLength: 10_000 },
  refId: { label: { vi: 'Mã khách hàng (refId)', en: 'Customer ID (refId)' }, kind: 'text', maxLength: 500 },
  refCode: { label: { vi: 'Mã tham chiếu (refCode)', en: 'Reference code (refCode)' }, kind: 'text', maxLength: 255 },
  refType: { label: { vi: 'Loại khách hàng (refType)', en: 'Customer type (refType)' }, kind: 'text', maxLength: 255 },
  userOwnerEmail: { label: { vi: 'Email nhân viên phụ trách', en: 'Owner (staff email)' }, kind: 'email-single', maxLength: 254 },
  avatarUrl: { label: { vi: 'Ảnh đại diện (URL)', en: 'Avatar URL' }, kind: 'url', maxLength: 2048 },
};

/** The ContactInput fields that take several values (several columns may feed them). */
export const LIST_FIELDS: Record<ListField, FieldSpec> = {
  phones: { label: { vi: 'Số điện thoại', en: 'Phone' }, kind: 'phones' },
  emails: { label: { vi: 'Email', en: 'Email' }, kind: 'emails', maxLength: 254 },
  tags: { label: { vi: 'Thẻ (tag)', en: 'Tags' }, kind: 'list', maxLength: 255 },
  business: { label: { vi: 'Ngành nghề', en: 'Business (industry)' }, kind: 'list', maxLength: 255 },
  categories: { label: { vi: 'Nhóm khách hàng', en: 'Categories (groups)' }, kind: 'list', maxLength: 255 },
};

const CONTACT_ORDER: (CoreField | ListField)[] = [
  'fullName', 'phones', 'emails', 'gender', 'address', 'jobTitle', 'passport', 'note', 'tags', 'business',
  'categories', 'refId', 'refCode', 'refType', 'userOwnerEmail', 'avatarUrl',
];

/**
 * Every target a column can have: the contact fields, the account's dynamic attributes (from the cached
 * layout list, so mapping works offline), its funnels, and "ignore". Grouped for the mapping UI.
 */
export function buildTargetCatalog(layout: LayoutAttribute[], funnels: Funnel[]): TargetCatalog {
  const targets: TargetDef[] = [];
  for (const f of CONTACT_ORDER) {
    const spec = (CORE_FIELDS as Record<string, FieldSpec>)[f] ?? (LIST_FIELDS as Record<string, FieldSpec>)[f];
    targets.push({ id: f, group: 'contact', label: spec.label, kind: spec.kind, multi: f in LIST_FIELDS, maxLength: spec.maxLength });
  }
  for (const a of layout) {
    if (!a.fieldCode) continue;
    const name = a.name || a.fieldCode;
    targets.push({
      id: `dynamic:${a.fieldCode}`, group: 'dynamic', kind: 'dynamic', multi: false, attribute: a,
      label: { vi: `${name} (trường riêng)`, en: `${name} (custom field)` },
    });
  }
  for (const f of funnels) {
    if (!f.id) continue;
    targets.push({
      id: `funnel:${f.id}`, group: 'funnel', kind: 'funnel', multi: false, funnel: f,
      label: { vi: `Trạng thái: ${f.name}`, en: `Status: ${f.name}` },
    });
  }
  targets.push({ id: 'ignore', group: 'ignore', kind: 'ignore', multi: true, label: { vi: 'Bỏ qua cột này', en: 'Ignore this column' } });
  const byId: Record<string, TargetDef> = {};
  for (const t of targets) byId[t.id] = t;
  return { targets, byId };
}

/** The definition of a target, or undefined when the catalog lacks it (a template naming a deleted attribute). */
export function findTarget(catalog: TargetCatalog, id: TargetId | string): TargetDef | undefined {
  return Object.prototype.hasOwnProperty.call(catalog.byId, id) ? catalog.byId[id] : undefined;
}
