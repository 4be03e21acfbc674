import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteMemo, HIGH_BITS, byteHash, orBytes, wordView } from './memo';

/** `parts` laid one after another in one buffer, behind `pad` bytes (so words are read at every alignment). */
function laidOut(parts: Uint8Array[], pad: number): { bytes: Uint8Array; starts: number[] } {
  const total = pad + parts.reduce((n, p) => n + p.length, 0);
  const buffer = new Uint8Array(total + 3);
  // A view that does not start at the buffer's start, as a file read into a larger buffer would.
  const bytes = buffer.subarray(1, 1 + total);
  const starts: number[] = [];
  let at = pad;
  for (const p of parts) {
    bytes.set(p, at);
    starts.push(at);
    at += p.length;
  }
  return { bytes, starts };
}

const asciiOrNot = fc.uint8Array({ minLength: 0, maxLength: 40 }).map((b) => b.map((x) => (x % 5 === 0 ? x : x & 0x7f)));

describe('orBytes', () => {
  it('finds a byte beyond ASCII exactly when there is one, at any offset and length', () => {
    fc.assert(
      fc.property(fc.array(asciiOrNot, { minLength: 1, maxLength: 8 }), fc.nat(7), (parts, pad) => {
        const { bytes, starts } = laidOut(parts, pad);
        const words = wordView(bytes);
        parts.forEach((p, i) => {
          const beyond = (orBytes(words, bytes, starts[i], p.length) & HIGH_BITS) !== 0;
          expect(beyond).toBe(p.some((b) => b >= 0x80));
        });
      }),
    );
  });
});

describe('ByteMemo', () => {
  it('gives back what was stored for equal bytes wherever they lie, and nothing for bytes never stored', () => {
    fc.assert(
      fc.property(fc.array(asciiOrNot.filter((p) => p.length > 0), { minLength: 1, maxLength: 60 }), fc.nat(7), (parts, pad) => {
        const { bytes, starts } = laidOut(parts, pad);
        const words = wordView(bytes);
        const memo = new ByteMemo<number>(1000);
        const seen = new Set<string>();
        parts.forEach((p, i) => {
          const key = p.join(',');
          const k = byteHash(words, bytes, starts[i], p.length);
          const got = memo.get(words, bytes, starts[i], p.length, k);
          expect(got !== undefined).toBe(seen.has(key));
          if (got !== undefined) expect(parts[got].join(',')).toBe(key);
          else {
            memo.set(bytes, starts[i], p.length, k, i);
            seen.add(key);
          }
        });
      }),
    );
  });

  it('hashes equal bytes alike wherever they lie', () => {
    fc.assert(
      fc.property(asciiOrNot, fc.nat(7), fc.nat(7), (p, padA, padB) => {
        const a = laidOut([p], padA);
        const b = laidOut([p], padB);
        expect(byteHash(wordView(a.bytes), a.bytes, a.starts[0], p.length)).toBe(byteHash(wordView(b.bytes), b.bytes, b.starts[0], p.length));
      }),
    );
  });
});
