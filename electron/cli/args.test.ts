import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';
import { CliError } from './cli-error';

function fails(argv: string[]): CliError {
  try {
    parseCliArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('parseCliArgs', () => {
  it('reads every option of the contract', () => {
    const r = parseCliArgs([
      'leads.xlsx', '--sheet', 'Khách', '--header-row', '3', '--mapping', 't.json', '--mode', 'upsert',
      '--chunk-size', '250', '--concurrency', '4', '--base-url', 'https://crm.example.vn', '--token-env', 'OMI_TOKEN',
      '--dry-run', '--clean-out', 'c.xlsx', '--report', 'r.csv', '--journal', 'j.jsonl', '--json',
    ]);
    expect(r).toEqual({
      kind: 'run',
      options: {
        file: 'leads.xlsx', sheet: 'Khách', headerRow: 3, mapping: 't.json', auto: false, mode: 'upsert',
        chunkSize: 250, concurrency: 4, baseUrl: 'https://crm.example.vn', tokenEnv: 'OMI_TOKEN', sandbox: false,
        dryRun: true, cleanOut: 'c.xlsx', report: 'r.csv', journal: 'j.jsonl', resume: undefined, json: true,
      },
    });
  });

  it('collects --keep-original values as given (resolved against the file later), and refuses an empty one', () => {
    const r = parseCliArgs(['a.xlsx', '--auto', '--keep-original', 'Họ và tên,SĐT', '--keep-original', 'Email']);
    expect(r.kind === 'run' && r.options.keepOriginal).toEqual(['Họ và tên,SĐT', 'Email']);
    const none = parseCliArgs(['a.xlsx', '--auto']);
    expect(none.kind === 'run' && none.options.keepOriginal).toBeUndefined();
    const e = fails(['a.xlsx', '--auto', '--keep-original', ' , ']);
    expect(e.exitCode).toBe(2);
    expect(e.text.en).toContain('--keep-original needs column names');
  });

  it('defaults to create mode and leaves the rest to the workbook and the engine', () => {
    const r = parseCliArgs(['a.csv', '--auto', '--sandbox']);
    expect(r.kind === 'run' && r.options).toMatchObject({ mode: 'create', auto: true, sandbox: true, chunkSize: undefined, sheet: undefined });
  });

  it('answers --help and --version before checking anything else', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['a.xlsx', '-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-V'])).toEqual({ kind: 'version' });
  });

  it('refuses a token on the command line, without echoing it', () => {
    const e = fails(['a.xlsx', '--auto', '--token', 'sk-secret-123']);
    expect(e.exitCode).toBe(2);
    expect(e.text.vi + e.text.en).not.toContain('sk-secret');
    expect(fails(['a.xlsx', '--auto', '--token=sk-secret-123']).code).toBe('usage.token-on-command-line');
    const pasted = fails(['a.xlsx', '--auto', '--base-url', 'http://127.0.0.1:1', '--token-env', 'abc.def-secret']);
    expect(pasted.code).toBe('usage.token-env');
    expect(pasted.text.vi + pasted.text.en).not.toContain('abc.def-secret');
  });

  it.each([
    [[], 'usage.no-file'],
    [['a.xlsx', 'b.xlsx', '--auto'], 'usage.extra-arguments'],
    [['a.xlsx'], 'usage.no-mapping'],
    [['a.xlsx', '--auto', '--mapping', 't.json'], 'usage.mapping-and-auto'],
    [['a.xlsx', '--auto', '--sandbox', '--base-url', 'http://x'], 'usage.sandbox-and-account'],
    [['a.xlsx', '--auto', '--base-url', 'ftp://x'], 'usage.base-url'],
    [['a.xlsx', '--auto', '--mode', 'delete'], 'usage.mode'],
    [['a.xlsx', '--auto', '--chunk-size', '0'], 'usage.number'],
    [['a.xlsx', '--auto', '--chunk-size', '1001'], 'usage.number'],
    [['a.xlsx', '--auto', '--concurrency', 'two'], 'usage.number'],
    [['a.xlsx', '--auto', '--header-row', '-1'], 'usage.option-value'],
    [['a.xlsx', '--auto', '--journal', 'a', '--resume', 'b'], 'usage.journal-and-resume'],
    [['a.xlsx', '--auto', '--dry-run', '--resume', 'b'], 'usage.resume-dry-run'],
    [['a.xlsx', '--auto', '--frobnicate'], 'usage.unknown-option'],
    [['a.xlsx', '--auto', '--sheet'], 'usage.option-value'],
  ])('refuses %j with %s (exit 2, both languages)', (argv, code) => {
    const e = fails(argv as string[]);
    expect(e.code).toBe(code);
    expect(e.exitCode).toBe(2);
    expect(e.text.vi).not.toBe('');
    expect(e.text.en).not.toBe('');
    expect(e.text.vi).not.toBe(e.text.en);
  });
});
