import { mkdir, readFile, rename, writeFile, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * A small JSON document on disk (settings, templates, history, catalog cache).
 * Writes are atomic — a temp file, fsync, then rename — so a crash never leaves half a file;
 * a missing or unreadable file reads as the fallback, so a damaged settings file never stops the app.
 */
export class JsonFile<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly fallback: () => T,
  ) {}

  async read(): Promise<T> {
    try {
      const text = await readFile(this.path, 'utf8');
      const parsed = this.schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : this.fallback();
    } catch {
      return this.fallback();
    }
  }

  /** Read, change and write back; calls are serialised so two updates never lose each other's change. */
  update(change: (value: T) => T): Promise<T> {
    const next = this.queue.then(async () => {
      const value = change(await this.read());
      await this.write(value);
      return value;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async write(value: T): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(value, null, 2), 'utf8');
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.path);
  }
}
