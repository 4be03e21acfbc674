/**
 * A sandboxed preload can require nothing but `electron` (and a few Node built-ins Electron polyfills):
 * the built preload must be one self-contained file. Checked on the electron-vite build that `npm test` makes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS } from '../../shared/ipc/channels';
import { requestSchemas } from '../../shared/ipc/contract';

const bundle = join(process.cwd(), 'out', 'preload', 'index.cjs');

describe.skipIf(!existsSync(bundle))('the built preload', () => {
  it('requires only electron', () => {
    const requires = [...readFileSync(bundle, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });
});

describe('the preload allow-list', () => {
  it('names exactly the contract request channels', () => {
    expect([...REQUEST_CHANNELS].sort()).toEqual(Object.keys(requestSchemas).sort());
  });
});
