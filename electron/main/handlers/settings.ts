import { join } from 'node:path';
import { z } from 'zod';
import { JsonFile } from '../store/json-file';

const recentSchema = z.object({
  fileId: z.string(),
  path: z.string(),
  name: z.string(),
  openedAt: z.number(),
});

/** settings.json in the user's data folder. The CLI reads `connection` from it too (never a token: that is encrypted apart). */
export const settingsSchema = z.object({
  connection: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('sandbox') }),
    z.object({ mode: z.literal('account'), baseUrl: z.string() }),
  ]),
  recent: z.array(recentSchema),
});
export type Settings = z.infer<typeof settingsSchema>;
export type RecentEntry = z.infer<typeof recentSchema>;

/** A new user starts on the sandbox, so they can try everything before touching a real account. */
export const DEFAULT_SETTINGS: Settings = { connection: { mode: 'sandbox' }, recent: [] };

export function settingsFile(userDataDir: string): JsonFile<Settings> {
  return new JsonFile(join(userDataDir, 'settings.json'), settingsSchema, () => structuredClone(DEFAULT_SETTINGS));
}
