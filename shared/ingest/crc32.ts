/** CRC-32 (zip's checksum), table-driven, eight bytes a step: the zip reader SheetJS uses does not check it. */
const T = new Int32Array(256 * 8);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  T[n] = c;
}
for (let n = 0; n < 256; n++) for (let t = 1; t < 8; t++) T[t * 256 + n] = (T[(t - 1) * 256 + n] >>> 8) ^ T[T[(t - 1) * 256 + n] & 0xff];

/** CRC-32 of `data`, as an unsigned 32-bit number. */
export function crc32(data: Uint8Array | number[]): number {
  let c = -1;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = T[1792 + (c & 0xff)] ^ T[1536 + ((c >>> 8) & 0xff)] ^ T[1280 + ((c >>> 16) & 0xff)] ^ T[1024 + (c >>> 24)] ^
      T[768 + data[i + 4]] ^ T[512 + data[i + 5]] ^ T[256 + data[i + 6]] ^ T[data[i + 7]];
  }
  for (; i < n; i++) c = T[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
