import { join } from 'node:path';
import { z } from 'zod';
import type { MappingTemplate } from '../../../shared/mapping/types';
import type { Handlers } from './types';
import { JsonFile } from '../store/json-file';

const templatesSchema = z.array(
  z.object({
    name: z.string(),
    columns: z.array(z.object({ header: z.string(), target: z.string(), valueType: z.enum(['home', 'personal', 'office']).optional() })),
    createdAt: z.number(),
    updatedAt: z.number(),
  }),
) as unknown as z.ZodType<MappingTemplate[]>;

/** templates.json in the user's data folder: the saved mapping templates, also read by `omi-import --mapping`. */
export function templatesFile(userDataDir: string): JsonFile<MappingTemplate[]> {
  return new JsonFile(join(userDataDir, 'templates.json'), templatesSchema, () => []);
}

/** Save (replace by name), delete, rename and list the user's mapping templates. */
export function templateHandlers(userDataDir: string): Pick<Handlers, 'templates:list' | 'templates:save' | 'templates:delete' | 'templates:rename'> {
  const file = templatesFile(userDataDir);
  const sorted = (list: MappingTemplate[]) => [...list].sort((a, b) => b.updatedAt - a.updatedAt);
  return {
    'templates:list': async () => sorted(await file.read()),
    'templates:save': async (template) =>
      sorted(await file.update((list) => [...list.filter((t) => t.name !== template.name), template as MappingTemplate])),
    'templates:delete': async ({ name }) => sorted(await file.update((list) => list.filter((t) => t.name !== name))),
    'templates:rename': async ({ from, to }) => {
      const list = await file.read();
      if (!list.some((t) => t.name === from)) {
        return { ok: false, error: { code: 'template.not-found', text: { vi: `Không tìm thấy mẫu "${from}".`, en: `There is no template named "${from}".` } } };
      }
      if (from !== to && list.some((t) => t.name === to)) {
        return {
          ok: false,
          error: { code: 'template.name-taken', text: { vi: `Đã có mẫu tên "${to}". Hãy chọn tên khác.`, en: `A template named "${to}" already exists. Choose another name.` } },
        };
      }
      const updated = await file.update((l) => l.map((t) => (t.name === from ? { ...t, name: to, updatedAt: Date.now() } : t)));
      return { ok: true, value: sorted(updated) };
    },
  };
}
