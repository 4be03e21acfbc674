/**
 * `--data FILE`: keeps the store on disk across restarts. Writes are atomic (temp file, fsync, rename) so a crash
 * or a kill at any moment leaves either the previous store or the new one, never half a file. They are debounced
 * so a burst of calls costs one write, and the wait grows with what a write costs (see Persister), so a big
 * import into a big store spends little of its time writing.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SnapshotText } from './snapshot-text';
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

/** A data file as read: the state, and the file's bytes (a Persister can reuse them, see SnapshotText.adopt). */
export interface ReadStore {
  state: StoreState;
  bytes: Uint8Array;
}

/** Reads a data file with its bytes; undefined when it does not exist yet. */
export async function readStoreFile(file: string): Promise<ReadStore | undefined> {
  await removeStaleTemps(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SandboxSetupError(`cannot read the data file ${file}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new SandboxSetupError(`the data file ${file} is not valid JSON; move it away or choose another --data file`);
  }
  const s = parsed as Partial<StoreState>;
  if (typeof s !== 'object' || s === null || !Array.isArray(s.contacts) || !Array.isArray(s.layout) || !Array.isArray(s.funnels)) {
    throw new SandboxSetupError(`the data file ${file} is not an omi-sandbox store (expected {layout, funnels, contacts})`);
  }
  const nextSeq = typeof s.nextSeq === 'number' ? s.nextSeq : s.contacts.reduce((m, c) => Math.max(m, c.seq ?? 0), 0) + 1;
  return { state: { version: 1, layout: s.layout, funnels: s.funnels, contacts: s.contacts, nextSeq }, bytes };
}

/** Reads a data file; undefined when it does not exist yet. */
export async function loadState(file: string): Promise<StoreState | undefined> {
  return (await readStoreFile(file))?.state;
}

/**
 * Writes `text` (or the concatenation of its pieces) to `file` atomically: a temp file beside it, flushed to disk,
 * then renamed over it. Pieces are written one after another, so a big store is never one giant string.
 */
export async function writeAtomic(file: string, text: string | readonly Uint8Array[]): Promise<void> {
  const tmp = tempName(file, process.pid);
  // The app's data folder may not exist yet on a first start.
  await mkdir(dirname(file), { recursive: true });
  const fh = await open(tmp, 'w');
  try {
    if (typeof text === 'string') await fh.writeFile(text, 'utf8');
    else for (const piece of text) await fh.write(piece);
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

/** How the Persister paces its writes. */
export interface PersistPacing {
  /** The shortest wait after a change before writing (a burst of calls costs one write). */
  minDelayMs: number;
  /**
   * The wait is at least this many times the last write's duration, so writing takes at most about
   * 1 / (1 + factor) of the time however big the store grows…
   */
  costFactor: number;
  /**
   * …and at least this many ms per MB the last write wrote: a fast disk makes a write look cheap, yet copying a
   * big file into the OS costs processor time the server needs (this bounds it to about 1000 / msPerMB MB/s)…
   */
  msPerMB: number;
  /** …but never more than this: a crash (kill -9, power cut) loses at most about this much of the latest changes. */
  maxDelayMs: number;
}

/** 50 ms for small stores; a 10 MB store (20,000 contacts) waits ≥ 300 ms, or 4× its write time; never more than 1 s. */
export const DEFAULT_PACING: PersistPacing = { minDelayMs: 50, costFactor: 4, msPerMB: 25, maxDelayMs: 1000 };

/** How long to wait after a change, given how long the last write took (ms) and how many bytes it wrote. */
export function nextDelayMs(lastWriteMs: number, lastWriteBytes: number, pacing: PersistPacing = DEFAULT_PACING): number {
  const floor = pacing.minDelayMs + (pacing.msPerMB * lastWriteBytes) / 1e6;
  return Math.min(pacing.maxDelayMs, Math.max(floor, pacing.costFactor * lastWriteMs));
}

/**
 * Debounced, serialised writer of the store. Each write re-serialises only the contacts that changed since the
 * previous one (SnapshotText) and the wait before the next write adapts to the last write's cost (PersistPacing).
 */
export class Persister {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private dirty = false;
  private readonly text = new SnapshotText();
  private readonly pacing: PersistPacing;
  /** How long the last write took, from serialising to the rename (ms), and its size. */
  private lastWriteMs = 0;
  private lastWriteBytes = 0;
  /** The last write failure, reported on stderr once per failure. */
  onError: (e: Error) => void = () => {};

  /** `pacing` may be a number: the minimum delay (the former fixed debounce), other settings default. */
  constructor(
    private readonly file: string,
    private readonly state: () => StoreState,
    pacing: number | Partial<PersistPacing> = {},
  ) {
    this.pacing = { ...DEFAULT_PACING, ...(typeof pacing === 'number' ? { minDelayMs: pacing, maxDelayMs: Math.max(pacing, DEFAULT_PACING.maxDelayMs) } : pacing) };
  }

  /** The store was just read from this file's bytes: later writes reuse them for what has not changed. */
  adopt(read: ReadStore): void {
    this.text.adopt(read.state, read.bytes);
  }

  /** The wait before the next write, from the last write's cost. */
  get delayMs(): number {
    return nextDelayMs(this.lastWriteMs, this.lastWriteBytes, this.pacing);
  }

  /** Something changed: write soon. */
  schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeNow().catch((e: Error) => this.onError(e));
    }, this.delayMs);
  }

  private async writeNow(): Promise<void> {
    while (this.writing) await this.writing.catch(() => {});
    if (!this.dirty) return;
    this.dirty = false;
    const started = performance.now();
    // Taken synchronously: one consistent moment of the store, whatever changes while the pieces are written.
    const pieces = this.text.pieces(this.state());
    this.writing = writeAtomic(this.file, pieces).then(
      () => {
        this.lastWriteMs = performance.now() - started;
        this.lastWriteBytes = pieces.reduce((n, p) => n + p.byteLength, 0);
        this.writing = undefined;
      },
      (e: unknown) => {
        // Not written: the next change or flush tries again with everything.
        this.dirty = true;
        this.writing = undefined;
        throw e;
      },
    );
    await this.writing;
  }

  /**
   * Writes any pending change before the process ends, synchronously (process 'exit': the app quitting without
   * stopping its sandbox). A write in flight is superseded by this one's rename.
   */
  flushSync(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.dirty && !this.writing) return;
    this.dirty = false;
    const tmp = tempName(this.file, `${process.pid}-exit`);
    const fd = openSync(tmp, 'w');
    try {
      for (const piece of this.text.pieces(this.state())) writeSync(fd, piece);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
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
