/**
 * One sandbox per data file. `omi-import --sandbox` and the app's embedded sandbox keep their store in the same
 * `<data folder>/sandbox/data.json`; two servers on one file would each overwrite the other's writes. The first
 * one takes `<data file>.lock` (its pid, which program it is, and once it listens, its address); the second
 * either uses the running one (see shared-sandbox.ts) or is refused with a sentence naming the holder. A lock left
 * by a process that is gone (a crash, a kill) is taken over.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError, type Bilingual } from '../../shared/text';

/** What the lock file says about the sandbox that holds the data file. */
export interface LockHolder {
  pid: number;
  /** Which program, as a person would name it. */
  program: Bilingual;
  /** Its address and accepted token, once it listens (the token is the local sandbox's, never an OMI account's). */
  url?: string;
  token?: string;
  /** ISO time the lock was taken; also tells two holders with the same pid apart. */
  since: string;
}

/** The data file is held by another running sandbox. */
export class DataFileBusyError extends UserError {
  constructor(
    readonly dataFile: string,
    readonly holder: LockHolder,
    text: Bilingual,
  ) {
    super('sandbox.data-busy', text);
    this.name = 'DataFileBusyError';
  }
}

/** The name of the lock file beside a data file. */
export function lockPathOf(dataFile: string): string {
  return `${dataFile}.lock`;
}

/** Whether a process with this pid is running (EPERM: it is, but someone else's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.since !== 'string' || typeof h.program?.vi !== 'string' || typeof h.program.en !== 'string') return undefined;
    return h as LockHolder;
  } catch {
    return undefined;
  }
}

/** Who holds the data file now, if a live process does (a stale or unreadable lock reads as nobody). */
export async function currentHolder(dataFile: string): Promise<LockHolder | undefined> {
  const text = await readFile(lockPathOf(dataFile), 'utf8').catch(() => undefined);
  const holder = text === undefined ? undefined : parseHolder(text);
  return holder && processAlive(holder.pid) ? holder : undefined;
}

/**
 * The sentence for a data file held by `holder`: `'held'` when that is all that is known, `'silent'` when its
 * recorded address was tried and did not answer (or none is recorded yet).
 */
export function busyText(dataFile: string, holder: LockHolder, why: 'held' | 'silent' = 'held'): Bilingual {
  const at = holder.url ? { vi: `, địa chỉ ${holder.url}`, en: ` at ${holder.url}` } : { vi: '', en: '' };
  const who = { vi: `${holder.program.vi} (tiến trình ${holder.pid}${at.vi})`, en: `${holder.program.en} (process ${holder.pid}${at.en})` };
  if (why === 'silent') {
    return {
      vi: `Dữ liệu sandbox ${dataFile} đang được ${who.vi} dùng, và sandbox đó không trả lời. ` +
        `Hãy đóng ${holder.program.vi} (hoặc dừng tiến trình ${holder.pid}) rồi thử lại.`,
      en: `The sandbox data ${dataFile} is in use by ${who.en}, and that sandbox does not answer. ` +
        `Close ${holder.program.en} (or end process ${holder.pid}) and try again.`,
    };
  }
  return {
    vi: `Dữ liệu sandbox ${dataFile} đang được ${who.vi} dùng. Hãy đóng ${holder.program.vi} rồi thử lại` +
      (holder.url ? `, hoặc gửi tới sandbox đang chạy đó tại ${holder.url}.` : '.'),
    en: `The sandbox data ${dataFile} is in use by ${who.en}. Close ${holder.program.en} and try again` +
      (holder.url ? `, or send to that running sandbox at ${holder.url}.` : '.'),
  };
}

/** A held lock: record the address once listening, release on stop. */
export interface DataLock {
  readonly holder: LockHolder;
  /** Adds the address (and token) to the lock, so a second program can use this sandbox instead. */
  record(url: string, token: string): Promise<void>;
  /** Removes the lock if it is still this one's. */
  release(): Promise<void>;
  /** The same, synchronously (for process 'exit'). */
  releaseSync(): void;
}

/**
 * Takes the lock of `dataFile` for `program`, taking over one whose process is gone. Throws DataFileBusyError
 * when a live process holds it (the caller may then use the holder's address, see shared-sandbox.ts).
 */
export async function acquireDataLock(dataFile: string, program: Bilingual): Promise<DataLock> {
  const file = lockPathOf(dataFile);
  await mkdir(dirname(file), { recursive: true });
  let holder: LockHolder = { pid: process.pid, program, since: `${new Date().toISOString()} ${randomBytes(4).toString('hex')}` };
  // Bounded: each round either takes the lock, meets a live holder, or clears one stale lock.
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusive(file, holder)) return held(file, () => holder, (h) => (holder = h));
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue; // released meanwhile: try again
    const other = parseHolder(text);
    if (other && processAlive(other.pid)) throw new DataFileBusyError(dataFile, other, busyText(dataFile, other));
    await clearStale(file, text);
  }
  throw new DataFileBusyError(dataFile, holder, {
    vi: `Không lấy được khoá của dữ liệu sandbox ${dataFile}: một chương trình khác đang mở nó cùng lúc. Hãy thử lại.`,
    en: `Could not lock the sandbox data ${dataFile}: another program is opening it at the same moment. Try again.`,
  });
}

/**
 * Creates the lock with its whole content in one step: written to a private temp file, then hard-linked into place
 * (link fails if the lock exists), so no one ever reads a half-written lock. Falls back to an exclusive create
 * where the file system has no hard links.
 */
async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  const text = JSON.stringify(holder);
  // Not a dot-name: loadState clears `.data.json.*.tmp` files, and this one may belong to a process starting now.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, text, 'utf8');
  try {
    await link(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
    try {
      await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

/**
 * Removes a lock whose holder is gone. It is first renamed to a private name and checked to be the lock that was
 * judged stale: if another process replaced it meanwhile, that fresh lock is put back.
 */
async function clearStale(file: string, staleText: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch {
    return; // someone else cleared it
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== undefined && moved !== staleText) await link(aside, file).catch(() => {});
  await unlink(aside).catch(() => {});
}

function held(file: string, get: () => LockHolder, set: (h: LockHolder) => void): DataLock {
  const mine = (text: string | undefined) => text !== undefined && parseHolder(text)?.since === get().since && parseHolder(text)?.pid === process.pid;
  return {
    get holder() {
      return get();
    },
    async record(url, token) {
      const next = { ...get(), url, token };
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(next), 'utf8');
      await rename(tmp, file);
      set(next);
    },
    async release() {
      if (mine(await readFile(file, 'utf8').catch(() => undefined))) await unlink(file).catch(() => {});
    },
    releaseSync() {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return;
      }
      if (mine(text)) {
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      }
    },
  };
}
