import { describe, expect, it } from 'vitest';
import { resumeCommand } from './resume-hint';

describe('resumeCommand', () => {
  it('keeps every argument, replaces --journal by --resume, and quotes for a POSIX shell', () => {
    const cmd = resumeCommand(['Khách hàng.xlsx', '--auto', '--journal', '/tmp/j.jsonl', '--json'], '/tmp/j.jsonl', 'linux');
    expect(cmd).toBe(`omi-import 'Khách hàng.xlsx' --auto --json --resume /tmp/j.jsonl`);
  });

  it('drops an earlier --resume=FILE and quotes for cmd.exe on Windows', () => {
    const cmd = resumeCommand(['C:\\Data\\leads tuần.xlsx', '--resume=C:\\old.jsonl', '--sandbox', '--auto'], 'C:\\Users\\a\\j.jsonl', 'win32');
    expect(cmd).toBe('omi-import "C:\\Data\\leads tuần.xlsx" --sandbox --auto --resume C:\\Users\\a\\j.jsonl');
  });

  it("escapes a single quote inside a POSIX argument", () => {
    expect(resumeCommand(["it's.csv", '--auto'], 'j', 'darwin')).toBe(`omi-import 'it'\\''s.csv' --auto --resume j`);
  });
});
