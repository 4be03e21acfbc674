/**
 * `--data FILE`: keeps the store on disk across restarts. Writes are atomic (temp file, fsync, rename) so a crash
 * or a kill at any moment leaves either the previous store or the new one, never half a file; they are debounced
 * so a burst of calls costs one write.
 */
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { StoreState } from './store';

/** A sentence for the person who started the sandbox (printed by main.ts, never a stack trace). */
export class SandboxSetupError extends Error {
  override name = 'SandboxSetupError';
}

function tempName(file: string, pid: number | string): string {
  return join(dirname(file), `.${basename(file)}.${pid}.tmp`);
}

/** Removes temp files a killed sandbox left beside the data file (the data file itself is always whole). */
async function removeStaleTemps(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => unlink(join(dirname(file), n)).catch(() => {})));
}

/** Reads a data file; undefined when it does not exist yet. */
export async function loadState(file: string): Promise<StoreState | undefined> {
  await removeStaleTemps(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SandboxSetupError(`cannot read the data file ${file}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SandboxSetupError(`the data file ${file} is not valid JSON; move it away or choose another --data file`);
  }
  const s = parsed as Partial<StoreState>;
  if (typeof s !== 'object' || s === null || !Array.isArray(s.contacts) || !Array.isArray(s.layout) || !Array.isArray(s.funnels)) {
    throw new SandboxSetupError(`the data file ${file} is not an omi-sandbox store (expected {layout, funnels, contacts})`);
  }
  const nextSeq = typeof s.nextSeq === 'number' ? s.nextSeq : s.contacts.reduce((m, c) => Math.max(m, c.seq ?? 0), 0) + 1;
  return { version: 1, layout: s.layout, funnels: s.funnels, contacts: s.contacts, nextSeq };
}

/** Writes `text` to `file` atomically: a temp file beside it, flushed to disk, then renamed over it. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = tempName(file, process.pid);
  // The app's data folder may not exist yet on a first start.
  await mkdir(dirname(file), { recursive: true });
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  // Make the rename itself durable; directories cannot be opened for fsync on Windows, which is fine.
  try {
    const dir = await open(dirname(file), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    /* best effort */
  }
}

/** Debounced, serialised writer of the store. */
export class Persister {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private dirty = false;
  /** The last write failure, reported on stderr once per failure. */
  onError: (e: Error) => void = () => {};

  constructor(
    private readonly file: string,
    private readonly state: () => StoreState,
    private readonly debounceMs = 50,
  ) {}

  /** Something changed: write soon. */
  schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeNow().catch((e: Error) => this.onError(e));
    }, this.debounceMs);
  }

  private async writeNow(): Promise<void> {
    while (this.writing) await this.writing.catch(() => {});
    if (!this.dirty) return;
    this.dirty = false;
    const text = JSON.stringify(this.state());
    this.writing = writeAtomic(this.file, text).finally(() => {
      this.writing = undefined;
    });
    await this.writing;
  }

  /** Writes any pending change now (on stop, SIGINT, SIGTERM, reset). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.writeNow();
  }
}
