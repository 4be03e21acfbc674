import type { Funnel, LayoutAttribute, ValueType } from '../omi/types';
import type { Bilingual } from '../text';

/** Single-valued ContactInput fields a column can fill. */
export type CoreField =
  | 'refId' | 'refCode' | 'refType' | 'fullName' | 'gender' | 'passport' | 'jobTitle' | 'address'
  | 'note' | 'userOwnerEmail' | 'avatarUrl';
/** Fields that take several values (several columns may map to them). */
export type ListField = 'phones' | 'emails' | 'tags' | 'business' | 'categories';

/**
 * A column's target, written as a string everywhere it is stored or printed (templates, CLI --json):
 * a ContactInput field name (`fullName`, `phones`, …), `dynamic:<fieldCode>`, `funnel:<funnel id>` or `ignore`.
 */
export type TargetId = CoreField | ListField | `dynamic:${string}` | `funnel:${string}` | 'ignore';

export interface ColumnMapping {
  /** Column index in the Table. */
  column: number;
  /** Column header (unique name) — what templates match on. */
  header: string;
  target: TargetId;
  /** For phones / emails: which kind of number or address. */
  valueType?: ValueType;
  /** 0..1, for suggestions; 1 for a choice the user made. */
  confidence: number;
  /** Why it was suggested (for the UI), e.g. "header 'SĐT'" or "90% of values are emails". */
  reason?: string;
  /** The same reason in both languages (Vietnamese first), when the tool made the suggestion. */
  why?: Bilingual;
}

export interface MappingTemplate {
  name: string;
  /** header → mapping; matched on normalised header text. */
  columns: { header: string; target: TargetId; valueType?: ValueType }[];
  createdAt: number;
  updatedAt: number;
}

/** How the catalog groups targets in the mapping UI. */
export type TargetGroup = 'contact' | 'dynamic' | 'funnel' | 'ignore';

/** Which cleaner a target's cells go through. */
export type TargetKind =
  | 'text' | 'multiline' | 'name' | 'gender' | 'email-single' | 'url' | 'phones' | 'emails' | 'list'
  | 'dynamic' | 'funnel' | 'ignore';

/** One thing a column can be mapped to. */
export interface TargetDef {
  id: TargetId;
  group: TargetGroup;
  label: Bilingual;
  kind: TargetKind;
  /** True when several columns may map to it (phones, emails, tags, business, categories). */
  multi: boolean;
  /** Longest value the API is expected to take, when known. */
  maxLength?: number;
  /** For `dynamic:` targets: the attribute definition. */
  attribute?: LayoutAttribute;
  /** For `funnel:` targets: the funnel definition. */
  funnel?: Funnel;
}

/** Every target a column can have, built from the fixed ContactInput fields, the layout and the funnels. */
export interface TargetCatalog {
  targets: TargetDef[];
  /** Target id → definition (same objects as `targets`). */
  byId: Record<string, TargetDef>;
}
