/**
 * Which column goes where: a template saved in the app (`--mapping FILE.json`) or the automatic mapping
 * (`--auto`), where a column the automatic mapping is not sure of is ignored rather than guessed — nobody is
 * there to check it — and named in the output.
 */
import { readFile } from 'node:fs/promises';
import { autoMap } from '../../shared/mapping/auto';
import { normaliseHeader } from '../../shared/mapping/header-match';
import { applyTemplate, parseTemplateJson } from '../../shared/mapping/templates';
import type { Table } from '../../shared/ingest/types';
import type { ColumnMapping, TargetCatalog } from '../../shared/mapping/types';
import { isUserError } from '../../shared/text';
import { CliError, usageError } from './cli-error';
import { ExitCode } from './exit-codes';

/**
 * Suggestions below this confidence are not trusted without a person looking at them. autoMap already drops
 * anything under its MIN_CONFIDENCE (0.45); between the two the app asks the person to check, which a
 * scheduled run cannot, so the column is ignored instead.
 */
export const AUTO_MIN_CONFIDENCE = 0.6;

/** The mapping to use, and the headers left out: --auto was not sure of them, or the template does not name them. */
export interface MappingChoice {
  mapping: ColumnMapping[];
  unsure: string[];
  /** Where the mapping came from, for the log. */
  source: string;
}

/** Reads and applies a template. Throws `CliError` (exit 2) when it cannot be read or names missing columns. */
export async function mappingFromTemplate(path: string, table: Table, catalog: TargetCatalog): Promise<MappingChoice> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw usageError('mapping.unreadable',
      code === 'ENOENT' ? `Không tìm thấy file mẫu ghép cột "${path}".` : `Không đọc được file mẫu ghép cột "${path}" (${code ?? 'lỗi'}).`,
      code === 'ENOENT' ? `The mapping template "${path}" was not found.` : `The mapping template "${path}" could not be read (${code ?? 'error'}).`);
  }
  let template;
  try {
    template = parseTemplateJson(text);
  } catch (e) {
    if (isUserError(e)) throw new CliError(ExitCode.usage, e.code, e.text, e.place);
    throw usageError('mapping.invalid', `File "${path}" không phải mẫu ghép cột lưu từ ứng dụng.`,
      `"${path}" is not a mapping template saved by the app.`);
  }
  const applied = applyTemplate(template, table, catalog);
  // A column the template kept as "ignore" may be gone from this week's file: only mapped ones are needed.
  const ignored = new Set(template.columns.filter((c) => c.target === 'ignore').map((c) => normaliseHeader(c.header)));
  const missing = applied.missing.filter((h) => !ignored.has(normaliseHeader(h)));
  if (missing.length > 0) {
    const names = missing.map((m) => `"${m}"`).join(', ');
    throw usageError('mapping.missing-columns',
      `Mẫu "${template.name}" cần các cột không có trong trang "${table.sheet}" của "${table.fileName}": ${names}. Sửa tiêu đề trong file hoặc lưu lại mẫu trong ứng dụng.`,
      `The template "${template.name}" needs columns that sheet "${table.sheet}" of "${table.fileName}" does not have: ${names}. Fix the headers in the file or save the template again in the app.`);
  }
  // The template decides alone: a column it does not name (new in this file) is ignored, not guessed — nobody
  // is there to check a guess — and named in the output.
  const named = new Set(template.columns.map((c) => normaliseHeader(c.header)));
  const unsure: string[] = [];
  const mapping = applied.mapping.map((m): ColumnMapping => {
    const col = table.columns[m.column];
    const inTemplate = named.has(normaliseHeader(col?.header ?? m.header)) || named.has(normaliseHeader(col?.originalHeader ?? ''));
    if (inTemplate || m.target === 'ignore') return m;
    unsure.push(m.header);
    return { ...m, target: 'ignore', valueType: undefined, reason: 'not in the template' };
  });
  return { mapping, unsure, source: `mẫu / template "${template.name}"` };
}

/** The automatic mapping with every low-confidence suggestion turned into `ignore`. */
export function mappingByAuto(table: Table, catalog: TargetCatalog): MappingChoice {
  const unsure: string[] = [];
  const mapping = autoMap(table, catalog).map((m): ColumnMapping => {
    if (m.target !== 'ignore' && m.confidence < AUTO_MIN_CONFIDENCE) {
      unsure.push(m.header);
      return { ...m, target: 'ignore', valueType: undefined, reason: `not sure (${Math.round(m.confidence * 100)}%): ${m.reason ?? ''}`.trim() };
    }
    return m;
  });
  return { mapping, unsure, source: 'tự động / --auto' };
}

/** Throws `CliError` (exit 2) when no column goes anywhere: nothing could be imported. */
export function requireSomeTarget(choice: MappingChoice, table: Table): void {
  if (choice.mapping.some((m) => m.target !== 'ignore')) return;
  throw usageError('mapping.nothing-mapped',
    `Không cột nào của trang "${table.sheet}" được ghép với trường OMI. Kiểm tra dòng tiêu đề (--header-row) hoặc dùng --mapping với mẫu đã lưu.`,
    `No column of sheet "${table.sheet}" is mapped to an OMI field. Check the header row (--header-row) or use --mapping with a saved template.`);
}

/**
 * A stable text for the mapping: the same columns to the same targets give the same import id, so a re-run of
 * a scheduled job finds its earlier import instead of creating the contacts again.
 */
export function mappingKey(mapping: ColumnMapping[]): string {
  return mapping
    .filter((m) => m.target !== 'ignore')
    .map((m) => `${m.column}:${m.header}=${m.target}${m.valueType ? `/${m.valueType}` : ''}`)
    .sort()
    .join('|');
}
