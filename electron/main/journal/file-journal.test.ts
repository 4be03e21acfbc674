import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../shared/upload/journal';
import { isUserError } from '../../../shared/text';
import { openFileJournal, readJournalFile } from './file-journal';

const dir = mkdtempSync(join(tmpdir(), 'file-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const e1: JournalEntry = { t: 'start', importId: 'imp-x', mode: 'create', total: 3, at: 1 };
const e2: JournalEntry = { t: 'send', id: 'r1-1', op: 'addMany', rows: [2, 3, 4], at: 2 };
const e3: JournalEntry = { t: 'result', id: 'r1-1', rows: [{ row: 2, result: 'created' }], at: 3 };

describe('openFileJournal', () => {
  it('appends one JSON line per entry and reads them back after reopening', async () => {
    const path = join(dir, 'sub', 'a.jsonl');
    const j = await openFileJournal(path);
    await Promise.all([j.append(e1), j.append(e2)]);
    await j.close();
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(e1)}\n${JSON.stringify(e2)}\n`);
    const again = await openFileJournal(path);
    expect(await again.readAll()).toEqual([e1, e2]);
    await again.append(e3);
    expect(await again.readAll()).toEqual([e1, e2, e3]);
    await again.close();
  });

  it('tolerates a torn last line: drops it, and the next append starts on a clean line', async () => {
    const path = join(dir, 'torn.jsonl');
    writeFileSync(path, `${JSON.stringify(e1)}\n${JSON.stringify(e2)}\n`);
    appendFileSync(path, JSON.stringify(e3).slice(0, 20));
    const j = await openFileJournal(path);
    expect(await j.readAll()).toEqual([e1, e2]);
    await j.append(e3);
    await j.close();
    expect((await readJournalFile(path)).entries).toEqual([e1, e2, e3]);
  });

  it('keeps a complete last entry whose newline was never written', async () => {
    const path = join(dir, 'nonl.jsonl');
    writeFileSync(path, `${JSON.stringify(e1)}\n${JSON.stringify(e2)}`);
    const j = await openFileJournal(path);
    await j.append(e3);
    await j.close();
    expect((await readJournalFile(path)).entries).toEqual([e1, e2, e3]);
  });

  it('refuses a journal damaged before its end, with a sentence for the user', async () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, `${JSON.stringify(e1)}\n{"t":"se\n${JSON.stringify(e3)}\n`);
    const err = await openFileJournal(path).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    expect((err as { text: { vi: string } }).text.vi).toMatch(/dòng 2/);
  });

  it('a missing file is an empty journal', async () => {
    const j = await openFileJournal(join(dir, 'new', 'n.jsonl'));
    expect(await j.readAll()).toEqual([]);
    await j.close();
  });
});
