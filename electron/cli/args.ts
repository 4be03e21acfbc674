/**
 * The command line of `omi-import` (contract in ../shared/DESIGN.md), parsed with node:util parseArgs into one
 * checked options object. Every mistake is a `CliError` with exit status 2 and a sentence in both languages.
 */
import { parseArgs } from 'node:util';
import type { ImportMode } from '../../shared/upload/types';
import { checkBaseUrl } from '../../shared/omi/base-url';
import { CliError, usageError } from './cli-error';
import { ExitCode } from './exit-codes';

/** Everything the command was asked to do. */
export interface CliOptions {
  file: string;
  /** A sheet name, or a 1-based position as text (resolved against the workbook). */
  sheet?: string;
  headerRow?: number;
  mapping?: string;
  auto: boolean;
  mode: ImportMode;
  chunkSize?: number;
  concurrency?: number;
  baseUrl?: string;
  tokenEnv?: string;
  sandbox: boolean;
  dryRun: boolean;
  cleanOut?: string;
  report?: string;
  journal?: string;
  resume?: string;
  json: boolean;
  /**
   * `--keep-original`: the values given (each a column header, a comma-separated list of them, or `all`), resolved
   * against the file's columns once it is read (keep-original.ts). Absent when the option was not given.
   */
  keepOriginal?: string[];
}

/** What the arguments asked for: run, or just print the help / version. */
export type ParsedCommand = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: CliOptions };

const OPTIONS = {
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  mapping: { type: 'string' },
  auto: { type: 'boolean' },
  mode: { type: 'string' },
  'chunk-size': { type: 'string' },
  concurrency: { type: 'string' },
  'base-url': { type: 'string' },
  'token-env': { type: 'string' },
  sandbox: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'clean-out': { type: 'string' },
  report: { type: 'string' },
  journal: { type: 'string' },
  resume: { type: 'string' },
  json: { type: 'boolean' },
  'keep-original': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

const MODES: readonly ImportMode[] = ['create', 'update', 'upsert'];

/** Parses `argv` (without node and the script). Throws `CliError` (exit 2) on any mistake. */
export function parseCliArgs(argv: readonly string[]): ParsedCommand {
  refuseTokenOnCommandLine(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw translateParseError(e);
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };

  if (parsed.positionals.length === 0) {
    throw usageError('usage.no-file', 'Thiếu tên file cần nhập. Xem: omi-import --help', 'No file to import was given. See: omi-import --help');
  }
  if (parsed.positionals.length > 1) {
    const extra = parsed.positionals.slice(1).join(' ');
    throw usageError('usage.extra-arguments',
      `Chỉ nhập được một file mỗi lần; thừa: ${extra}. Nếu tên file có dấu cách, hãy đặt trong dấu ngoặc kép.`,
      `Only one file can be imported at a time; extra: ${extra}. Put a file name with spaces in double quotes.`);
  }

  if (v.mapping !== undefined && v.auto) {
    throw usageError('usage.mapping-and-auto', 'Chỉ dùng một trong hai: --mapping hoặc --auto.', 'Use either --mapping or --auto, not both.');
  }
  if (v.mapping === undefined && !v.auto) {
    throw usageError('usage.no-mapping',
      'Hãy chọn cách ghép cột: --mapping MẪU.json (mẫu đã lưu trong ứng dụng) hoặc --auto (tự ghép).',
      'Say how to map the columns: --mapping TEMPLATE.json (a template saved in the app) or --auto.');
  }
  if (v.sandbox && (v['base-url'] !== undefined || v['token-env'] !== undefined)) {
    throw usageError('usage.sandbox-and-account',
      '--sandbox không dùng cùng --base-url / --token-env: chọn sandbox hoặc tài khoản OMI.',
      '--sandbox cannot be combined with --base-url / --token-env: choose the sandbox or an OMI account.');
  }
  if (v['base-url'] !== undefined) checkUrl(v['base-url']);
  if (v['token-env'] !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v['token-env'])) {
    throw usageError('usage.token-env',
      // The value is not echoed: it may be the token itself, pasted by mistake.
      '--token-env cần TÊN một biến môi trường (chữ, số, dấu _; ví dụ OMI_TOKEN), không phải mã token.',
      '--token-env takes the NAME of an environment variable (letters, digits, _; e.g. OMI_TOKEN), not the token itself.');
  }
  if (v.mode !== undefined && !MODES.includes(v.mode as ImportMode)) {
    throw usageError('usage.mode', `--mode phải là create, update hoặc upsert (nhận được "${v.mode}").`,
      `--mode must be create, update or upsert (got "${v.mode}").`);
  }
  if (v.resume !== undefined && v.journal !== undefined && v.resume !== v.journal) {
    throw usageError('usage.journal-and-resume',
      '--resume đã chỉ ra file nhật ký; không dùng thêm --journal với file khác.',
      '--resume already names the journal; do not give --journal with another file.');
  }
  if (v.resume !== undefined && v['dry-run']) {
    throw usageError('usage.resume-dry-run', '--dry-run không gửi gì nên không thể --resume.',
      '--dry-run sends nothing, so it cannot --resume.');
  }
  if (v['keep-original']?.some((k) => k.split(',').every((name) => name.trim() === ''))) {
    throw usageError('usage.keep-original',
      '--keep-original cần tên cột (như dòng tiêu đề trong file), nhiều cột cách nhau bằng dấu phẩy, hoặc all.',
      '--keep-original needs column names (as in the file\'s header row), several separated by commas, or all.');
  }
  if (v.sheet !== undefined && v.sheet.trim() === '') {
    throw usageError('usage.sheet', '--sheet cần tên hoặc số thứ tự của trang tính.', '--sheet needs a sheet name or number.');
  }

  return {
    kind: 'run',
    options: {
      file: parsed.positionals[0],
      sheet: v.sheet,
      headerRow: v['header-row'] === undefined ? undefined : positiveInt('--header-row', v['header-row'], 1_048_576),
      mapping: v.mapping,
      auto: v.auto ?? false,
      mode: (v.mode as ImportMode | undefined) ?? 'create',
      chunkSize: v['chunk-size'] === undefined ? undefined : positiveInt('--chunk-size', v['chunk-size'], 1000),
      concurrency: v.concurrency === undefined ? undefined : positiveInt('--concurrency', v.concurrency, 16),
      baseUrl: v['base-url'],
      tokenEnv: v['token-env'],
      sandbox: v.sandbox ?? false,
      dryRun: v['dry-run'] ?? false,
      cleanOut: v['clean-out'],
      report: v.report,
      journal: v.journal,
      resume: v.resume,
      json: v.json ?? false,
      keepOriginal: v['keep-original'],
    },
  };
}

/** A token pasted on the command line ends up in shell history and process lists: refuse it before anything else. */
function refuseTokenOnCommandLine(argv: readonly string[]): void {
  if (argv.some((a) => a === '--token' || a.startsWith('--token='))) {
    throw usageError('usage.token-on-command-line',
      'Không nhận token trên dòng lệnh (nó sẽ lộ trong lịch sử lệnh). Đặt token vào một biến môi trường và dùng --token-env TÊN_BIẾN.',
      'The token is never taken on the command line (it would leak into shell history). Put it in an environment variable and use --token-env VAR.');
  }
}

function positiveInt(flag: string, text: string, max: number): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw usageError('usage.number', `${flag} cần một số nguyên từ 1 đến ${max} (nhận được "${text}").`,
      `${flag} needs a whole number from 1 to ${max} (got "${text}").`);
  }
  return n;
}

/** The same address rules as the app's connection screen (https unless loopback, no user:password@ …). */
function checkUrl(text: string): void {
  const problem = checkBaseUrl(text);
  if (problem) throw new CliError(ExitCode.usage, 'usage.base-url', { vi: `--base-url: ${problem.vi}`, en: `--base-url: ${problem.en}` });
}

function translateParseError(e: unknown): Error {
  const err = e as { code?: string; message?: string };
  const msg = String(err.message ?? e);
  const flag = /'(-{1,2}[^' ]+)/.exec(msg)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return usageError('usage.unknown-option', `Không có tuỳ chọn ${flag}. Xem: omi-import --help`,
        `Unknown option ${flag}. See: omi-import --help`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return usageError('usage.option-value', `Tuỳ chọn ${flag} dùng sai: cần một giá trị (hoặc không nhận giá trị). Xem: omi-import --help`,
        `Option ${flag} used wrongly: it needs a value (or takes none). See: omi-import --help`);
    default:
      return usageError('usage.arguments', `Dòng lệnh không hợp lệ: ${msg}`, `Invalid command line: ${msg}`);
  }
}
