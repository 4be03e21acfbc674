import { z } from 'zod';
import type { Table } from '../ingest/types';
import { UserError } from '../text';
import { autoMap } from './auto';
import { findTarget } from './catalog';
import { normaliseHeader } from './header-match';
import type { ColumnMapping, MappingTemplate, TargetCatalog, TargetId } from './types';

/** Saves a mapping as a template: every column's header and target (ignored ones too, so they stay ignored). */
export function templateFromMapping(name: string, mapping: ColumnMapping[], now: number): MappingTemplate {
  return {
    name: name.trim(),
    columns: mapping.map((m) => (m.valueType ? { header: m.header, target: m.target, valueType: m.valueType } : { header: m.header, target: m.target })),
    createdAt: now,
    updatedAt: now,
  };
}

function tableHeaderKeys(table: Table): Map<string, number> {
  const keys = new Map<string, number>();
  for (const c of table.columns) {
    for (const h of [c.header, c.originalHeader]) {
      const k = normaliseHeader(h ?? '');
      if (k && !keys.has(k)) keys.set(k, c.index);
    }
  }
  return keys;
}

/**
 * Maps a table with a saved template: each column whose header matches one of the template's (accents, case
 * and spacing ignored) takes its target with confidence 1. Other columns get the automatic suggestion, never
 * a single-valued target the template already uses. A target this account lacks (a deleted custom field)
 * becomes "ignore" with the reason. `missing`: template headers the file does not have.
 */
export function applyTemplate(template: MappingTemplate, table: Table, catalog: TargetCatalog): { mapping: ColumnMapping[]; missing: string[] } {
  const keys = tableHeaderKeys(table);
  const fromTemplate = new Map<number, MappingTemplate['columns'][number]>();
  const missing: string[] = [];
  for (const tc of template.columns) {
    const idx = keys.get(normaliseHeader(tc.header));
    if (idx === undefined) missing.push(tc.header);
    else if (!fromTemplate.has(idx)) fromTemplate.set(idx, tc);
  }
  const auto = autoMap(table, catalog);
  const used = new Set<TargetId>();
  for (const tc of fromTemplate.values()) {
    const def = findTarget(catalog, tc.target);
    if (def && !def.multi) used.add(tc.target);
  }
  const mapping = table.columns.map((col): ColumnMapping => {
    const tc = fromTemplate.get(col.index);
    if (tc) {
      const def = findTarget(catalog, tc.target);
      if (!def) {
        const why = {
          vi: `mẫu "${template.name}" ghép cột này với "${tc.target}", nhưng tài khoản không có trường đó`,
          en: `template "${template.name}" maps this column to "${tc.target}", which this account does not have`,
        };
        return { column: col.index, header: col.header, target: 'ignore', confidence: 0.5, why, reason: why.en };
      }
      const why = { vi: `theo mẫu "${template.name}"`, en: `from template "${template.name}"` };
      const m: ColumnMapping = { column: col.index, header: col.header, target: tc.target as TargetId, confidence: 1, why, reason: why.en };
      if (tc.valueType) m.valueType = tc.valueType;
      return m;
    }
    const a = auto[col.index];
    if (a.target !== 'ignore' && used.has(a.target)) {
      const why = { vi: `trường này đã lấy theo mẫu "${template.name}" từ cột khác`, en: `template "${template.name}" already fills this field from another column` };
      return { column: col.index, header: col.header, target: 'ignore', confidence: 0.5, why, reason: why.en };
    }
    if (a.target !== 'ignore' && !findTarget(catalog, a.target)!.multi) used.add(a.target);
    return a;
  });
  return { mapping, missing };
}

/**
 * Saved templates that fit this table, best first: the share of headers they have in common (of all
 * headers in either), so the weekly file with the same columns scores 1. Templates sharing nothing are left out.
 */
export function matchTemplates(templates: MappingTemplate[], table: Table): { template: MappingTemplate; score: number }[] {
  const tableKeys = new Set(table.columns.map((c) => normaliseHeader(c.header)).filter(Boolean));
  const out: { template: MappingTemplate; score: number }[] = [];
  for (const t of templates) {
    const tKeys = new Set(t.columns.map((c) => normaliseHeader(c.header)).filter(Boolean));
    let common = 0;
    for (const k of tKeys) if (tableKeys.has(k)) common++;
    const union = tKeys.size + tableKeys.size - common;
    if (common > 0 && union > 0) out.push({ template: t, score: Math.round((common / union) * 1000) / 1000 });
  }
  return out.sort((a, b) => b.score - a.score || b.template.updatedAt - a.template.updatedAt);
}

const TARGET = /^(refId|refCode|refType|fullName|gender|passport|jobTitle|address|note|userOwnerEmail|avatarUrl|phones|emails|tags|business|categories|ignore|dynamic:.+|funnel:.+)$/;

const templateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  columns: z.array(z.object({
    header: z.string().max(1000),
    target: z.string().max(300).regex(TARGET),
    valueType: z.enum(['home', 'personal', 'office']).optional(),
  })).max(20_000),
  createdAt: z.number().finite(),
  updatedAt: z.number().finite(),
});

/** The JSON a template is exported as (and imported from): versioned, readable. */
export function templateToJson(t: MappingTemplate): string {
  return JSON.stringify({ format: 'omi-importer/mapping-template', version: 1, ...t }, null, 2);
}

/** Reads an exported template; a file that is not one is a UserError that says what is wrong. */
export function parseTemplateJson(text: string): MappingTemplate {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserError('template.not-json', {
      vi: 'Tệp mẫu ghép cột không đọc được: đây không phải tệp JSON.',
      en: 'The mapping template cannot be read: the file is not JSON.',
    });
  }
  const parsed = templateSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.join('.') || '(gốc)';
    throw new UserError('template.invalid', {
      vi: `Tệp mẫu ghép cột không hợp lệ ở "${where}": ${first.message}. Hãy xuất lại mẫu từ ứng dụng.`,
      en: `The mapping template is not valid at "${first.path.join('.') || '(root)'}": ${first.message}. Export the template from the app again.`,
    });
  }
  const v = parsed.data;
  return {
    name: v.name,
    columns: v.columns.map((c) => (c.valueType ? { header: c.header, target: c.target as TargetId, valueType: c.valueType } : { header: c.header, target: c.target as TargetId })),
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

/** A template under a new name (rename keeps the creation time). */
export function renameTemplate(t: MappingTemplate, name: string, now: number): MappingTemplate {
  return { ...t, name: name.trim(), updatedAt: now };
}
