import { VNI_PAIRS, VNI_SINGLES } from './vni-table';

const PAIRS = new Map<string, string>();
const SINGLES = new Map<string, string>();
for (const [k, v] of Object.entries(VNI_PAIRS)) {
  PAIRS.set(k, v);
  PAIRS.set(k.toUpperCase(), v.toUpperCase());
  // A capitalised base with a lower-case accent byte is common when only the first letter was shifted.
  PAIRS.set(k[0].toUpperCase() + k[1], v.toUpperCase());
}
for (const [k, v] of Object.entries(VNI_SINGLES)) {
  SINGLES.set(k, v);
  SINGLES.set(k.toUpperCase(), v.toUpperCase());
}

/** Converts VNI-Windows text (as read through Windows-1252) to Unicode. Characters outside VNI pass through. */
export function decodeVni(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const pair = i + 1 < s.length ? PAIRS.get(s[i] + s[i + 1]) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    out += SINGLES.get(s[i]) ?? s[i];
  }
  return out;
}
