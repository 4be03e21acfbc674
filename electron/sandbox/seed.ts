/** `--seed FILE`: `{ layout, funnels, contacts }` loaded into an empty store (../shared/DESIGN.md). */
import { readFile } from 'node:fs/promises';
import { DEFAULT_FUNNELS, DEFAULT_LAYOUT } from './defaults';
import { SandboxSetupError } from './persist';
import { ContactStore } from './store';
import { checkContactInput } from './validate';

/** What a seed file holds; layout and funnels exactly as the layout-list and funnel-list payloads. */
export interface SeedData {
  layout?: unknown[];
  funnels?: unknown[];
  /** ContactInput objects (each may also carry otherDynamicUpdates). */
  contacts?: unknown[];
}

/** Checks a seed's shape; throws a SandboxSetupError that names what is wrong. */
export function checkSeed(data: unknown, source = 'the seed'): SeedData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SandboxSetupError(`${source} must be a JSON object {"layout": [...], "funnels": [...], "contacts": [...]}`);
  }
  const d = data as Record<string, unknown>;
  for (const k of ['layout', 'funnels', 'contacts']) {
    if (d[k] !== undefined && !Array.isArray(d[k])) throw new SandboxSetupError(`${source}: "${k}" must be a list`);
  }
  return d as SeedData;
}

/** Reads and checks a seed file. */
export async function readSeedFile(file: string): Promise<SeedData> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new SandboxSetupError(`cannot read the seed file ${file}: ${(e as Error).message}`);
  }
  try {
    return checkSeed(JSON.parse(text), `the seed file ${file}`);
  } catch (e) {
    if (e instanceof SandboxSetupError) throw e;
    throw new SandboxSetupError(`the seed file ${file} is not valid JSON`);
  }
}

/** A fresh store from a seed (or the built-in account); every seed contact is checked like an add call. */
export function storeFromSeed(seed: SeedData | undefined): ContactStore {
  const store = ContactStore.empty(seed?.layout ?? DEFAULT_LAYOUT, seed?.funnels ?? DEFAULT_FUNNELS);
  (seed?.contacts ?? []).forEach((c, i) => {
    const checked = checkContactInput(c, store.schema);
    if (!checked.ok) throw new SandboxSetupError(`seed contact ${i} (0-based) is refused: ${checked.message}`);
    store.create(checked.value, false);
  });
  return store;
}
