/**
 * The import journal on disk: one JSON object per line, appended and flushed (fsync) before `append` resolves,
 * so a line the engine waited for survives a crash or a kill. After a crash the last line may be torn (half
 * written): opening the journal cuts that tail off, so later appends start on a clean line. Node only (the CLI
 * uses it too), no `electron`.
 */
import { mkdir, open, readFile, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { JournalEntry, JournalStore } from '../../../shared/upload/journal';
import { UserError } from '../../../shared/text';

/** Opens (creating if needed) the journal at `path`, repairing a torn last line. */
export async function openFileJournal(path: string): Promise<JournalStore> {
  await mkdir(dirname(path), { recursive: true });
  const { entries, cleanLength, size, needsNewline } = await readJournalFile(path);
  if (cleanLength < size) await truncate(path, cleanLength);
  const handle: FileHandle = await open(path, 'a');
  if (needsNewline) {
    await handle.write('\n');
    await handle.datasync();
  }
  let tail: Promise<void> = Promise.resolve();
  let closed = false;

  return {
    append(entry) {
      if (closed) return Promise.reject(new Error('journal closed'));
      const line = JSON.stringify(entry) + '\n';
      // Appends are serialised: each one is written and flushed before the next starts.
      const next = tail.then(async () => {
        await handle.write(line);
        await handle.datasync();
        entries.push(structuredClone(entry));
      });
      tail = next.catch(() => {});
      return next.catch((e: unknown) => {
        const why = e instanceof Error ? e.message : String(e);
        throw new UserError('journal.write', {
          vi: `Không ghi được nhật ký nhập vào ${path}: ${why}. Hãy kiểm tra ổ đĩa còn chỗ trống và quyền ghi, rồi tiếp tục lần nhập.`,
          en: `Could not write the import journal to ${path}: ${why}. Check that the disk has free space and can be written, then resume the import.`,
        });
      });
    },
    async readAll() {
      await tail;
      return entries.map((e) => structuredClone(e));
    },
    async close() {
      if (closed) return;
      closed = true;
      await tail;
      await handle.close();
    },
  };
}

/** What reading a journal file found. */
export interface JournalFile {
  entries: JournalEntry[];
  /** Bytes up to the end of the last complete line: a torn tail starts here. */
  cleanLength: number;
  size: number;
  /** The last entry is complete but its newline was never written. */
  needsNewline: boolean;
}

/**
 * Reads a journal file: every complete line parsed; an unparsable last line (torn write) is left out.
 * An unparsable line before the end means the file is not a journal or was damaged: an error for the user,
 * because guessing could send rows twice.
 */
export async function readJournalFile(path: string): Promise<JournalFile> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], cleanLength: 0, size: 0, needsNewline: false };
    throw e;
  }
  const entries: JournalEntry[] = [];
  let start = 0;
  let line = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start);
    const end = nl === -1 ? buf.length : nl;
    const text = buf.subarray(start, end).toString('utf8').trim();
    line++;
    const isLast = nl === -1 || buf.subarray(nl + 1).toString('utf8').trim() === '';
    if (text !== '') {
      const parsed = parseEntry(text);
      if (!parsed) {
        if (isLast) return { entries, cleanLength: start, size: buf.length, needsNewline: false };
        throw damaged(path, line);
      }
      entries.push(parsed);
    }
    if (nl === -1) return { entries, cleanLength: buf.length, size: buf.length, needsNewline: text !== '' };
    start = nl + 1;
  }
  return { entries, cleanLength: buf.length, size: buf.length, needsNewline: false };
}

function parseEntry(text: string): JournalEntry | null {
  try {
    const v: unknown = JSON.parse(text);
    return isEntry(v) ? v : null;
  } catch {
    return null;
  }
}

function isEntry(v: unknown): v is JournalEntry {
  if (typeof v !== 'object' || v === null) return false;
  const t = (v as { t?: unknown }).t;
  return t === 'start' || t === 'send' || t === 'result' || t === 'end';
}

function damaged(path: string, line: number): UserError {
  return new UserError('journal.damaged', {
    vi: `Nhật ký nhập ${path} bị hỏng ở dòng ${line} nên không thể tiếp tục an toàn. Hãy kiểm tra trên OMI những liên hệ đã nhập trước khi nhập lại tệp.`,
    en: `The import journal ${path} is damaged at line ${line}, so the import cannot be resumed safely. Check in OMI which contacts were imported before importing the file again.`,
  });
}
