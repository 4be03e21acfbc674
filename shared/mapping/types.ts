import type { ValueType } from '../omi/types';

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
}

export interface MappingTemplate {
  name: string;
  /** header → mapping; matched on normalised header text. */
  columns: { header: string; target: TargetId; valueType?: ValueType }[];
  createdAt: number;
  updatedAt: number;
}
