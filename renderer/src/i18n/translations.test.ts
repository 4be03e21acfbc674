/**
 * Every sentence of the UI exists in both languages: the Vietnamese and English translation files have the same
 * keys (plural forms aside: Vietnamese has one form, English two), and no value is empty.
 * A plural pair is `key_one` + `key_other`, or `key_one` + `key` when callers that pass no count must keep working
 * (i18next falls back from `key_other` to `key` when a count is passed, never the other way).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const load = (lang: string) => JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Record<string, unknown>;

function keys(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of keys(v as Record<string, unknown>, path)) out.set(kk, vv);
    else out.set(path.replace(/_(one|other)$/, ''), String(v));
  }
  return out;
}

function rawKeys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return v && typeof v === 'object' ? rawKeys(v as Record<string, unknown>, path) : [path];
  });
}

describe('translations', () => {
  const vi = keys(load('vi'));
  const en = keys(load('en'));

  it('have the same keys in Vietnamese and English', () => {
    expect([...vi.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !vi.has(k))).toEqual([]);
  });

  it('cover every key the screens ask for', () => {
    const src = join(import.meta.dirname, '..');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
    const used = new Set<string>();
    for (const f of files) for (const m of readFileSync(join(src, f), 'utf8').matchAll(/\bt\('([a-zA-Z][\w.-]*)'/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !vi.has(k))).toEqual([]);
  });

  it('give every singular form its plural form, in both languages', () => {
    for (const lang of ['vi', 'en']) {
      const all = new Set(rawKeys(load(lang)));
      const orphans = [...all].filter((k) => k.endsWith('_one')).map((k) => k.slice(0, -4)).filter((k) => !all.has(`${k}_other`) && !all.has(k));
      expect(orphans, lang).toEqual([]);
    }
  });

  it('have no empty sentence', () => {
    expect([...vi, ...en].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
    expect([...vi].filter(([k, v]) => names(v) !== names(en.get(k) ?? '')).map(([k]) => k)).toEqual([]);
  });
});
