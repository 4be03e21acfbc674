import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('matches zlib on text and on every length around the 8-byte step', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) & 0xff);
    for (let n = 0; n < 40; n++) expect(crc32(bytes.subarray(0, n))).toBe(nodeCrc32(bytes.subarray(0, n)));
    expect(crc32(bytes)).toBe(nodeCrc32(bytes));
  });
});
