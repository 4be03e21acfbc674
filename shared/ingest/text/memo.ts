/**
 * A string-keyed table for the text reader's hot loop, keyed by a hash the caller computes while it already walks
 * the cell's characters (its ASCII check). A Map hashes every fresh cell string again through V8's runtime
 * (papaparse's cells are new strings whose hash is not computed yet), which cost more than the rest of the
 * per-cell work on a 100,000-row file. Open addressing with linear probing; the table starts small (it stays in
 * the CPU cache while a file repeats a few hundred texts) and doubles up to twice `max`; past `max` entries it
 * forgets everything (the reader only uses it to share strings and skip repeated work, so forgetting is safe).
 */
export class CellMemo<V> {
  private keys: (string | undefined)[] = [];
  private values: (V | undefined)[] = [];
  private hashes = new Int32Array(0);
  private mask = 0;
  private size = 0;

  constructor(private readonly max: number) {
    this.resize(Math.min(256, slotsFor(max)));
  }

  /** Entries held. */
  get count(): number {
    return this.size;
  }

  /** The value stored for `key` (whose cellHash is `hash`), or undefined. */
  get(key: string, hash: number): V | undefined {
    const keys = this.keys;
    const mask = this.mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === undefined) return undefined;
      if (this.hashes[i] === hash && k === key) return this.values[i];
    }
  }

  /** Stores `value` for `key` (not present; its cellHash is `hash`). */
  set(key: string, hash: number, value: V): void {
    if (this.size >= this.max) this.resize(this.keys.length);
    else if (this.size * 2 >= this.keys.length && this.keys.length < slotsFor(this.max)) this.resize(this.keys.length * 2, true);
    this.put(key, hash, value);
  }

  private put(key: string, hash: number, value: V): void {
    const keys = this.keys;
    let i = hash & this.mask;
    while (keys[i] !== undefined) i = (i + 1) & this.mask;
    keys[i] = key;
    this.values[i] = value;
    this.hashes[i] = hash;
    this.size++;
  }

  /** New empty slots (`keep`: the entries held are put back). */
  private resize(slots: number, keep = false): void {
    const { keys, values, hashes } = this;
    this.keys = new Array<string | undefined>(slots).fill(undefined);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    this.hashes = new Int32Array(slots);
    this.mask = slots - 1;
    this.size = 0;
    if (!keep) return;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined) this.put(k, hashes[i], values[i] as V);
    }
  }
}

/** Slots for `max` entries: a power of two at least twice as many. */
function slotsFor(max: number): number {
  let slots = 16;
  while (slots < max * 2) slots *= 2;
  return slots;
}

/** Adds one character (or byte) code to a running cell hash (start at 0, finish with mix). */
export function hashStep(h: number, code: number): number {
  return (Math.imul(h, 31) + code) | 0;
}

/** Spreads a running hash over the low bits that pick the slot. */
export function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** The hash CellMemo is keyed on, for a whole string. */
export function cellHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return mix(h);
}

/**
 * A view of `bytes` that reads four of them at a time (little-endian, at any offset): the byte loops of the text
 * reader (ASCII check, hash, compare) then take a quarter of the steps.
 */
export function wordView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Bits set in a word when one of its four bytes is beyond ASCII. */
export const HIGH_BITS = 0x80808080 | 0;

/**
 * OR of bytes[at, at + n), four at a time (`words` is wordView(bytes)): `& HIGH_BITS` is non-zero when one of them
 * is beyond ASCII.
 */
export function orBytes(words: DataView, bytes: Uint8Array, at: number, n: number): number {
  const end = at + n;
  let high = 0;
  let i = at;
  for (; i + 4 <= end; i += 4) high |= words.getInt32(i, true);
  for (; i < end; i++) high |= bytes[i];
  return high;
}

/**
 * The hash ByteMemo is keyed on, for bytes[at, at + n) (`words` is wordView(bytes)): two interleaved running hashes
 * over four-byte words (even and odd words), so each waits on an eighth as many multiplications as a byte-wise hash.
 */
export function byteHash(words: DataView, bytes: Uint8Array, at: number, n: number): number {
  let a = n;
  let b = 0;
  const end = at + n;
  let i = at;
  for (; i + 8 <= end; i += 8) {
    a = (Math.imul(a, 0x01000193) + words.getInt32(i, true)) | 0;
    b = (Math.imul(b, 0x5bd1e995) + words.getInt32(i + 4, true)) | 0;
  }
  for (; i < end; i++) a = (Math.imul(a, 31) + bytes[i]) | 0;
  return mix(a ^ Math.imul(b, 0x9e3779b1));
}

/**
 * CellMemo for cells read straight from the file's bytes (quote-free byte text): keys are byte ranges, kept in one
 * growing byte array and compared byte by byte, so a lookup never compares two strings (V8 compares strings sliced
 * from a chunk through its runtime, as slow as the hashing CellMemo avoids).
 */
export class ByteMemo<V> {
  private arena = new Uint8Array(1 << 12);
  private arenaWords = wordView(this.arena);
  private used = 0;
  private starts = new Int32Array(0);
  private lengths = new Int32Array(0);
  private hashes = new Int32Array(0);
  private values: (V | undefined)[] = [];
  private mask = 0;
  private size = 0;

  constructor(private readonly max: number) {
    this.resize(Math.min(256, slotsFor(max)));
  }

  /** Entries held. */
  get count(): number {
    return this.size;
  }

  /** The value stored for bytes[at, at + n) (whose byteHash is `hash`; `words` is wordView(bytes)), or undefined. */
  get(words: DataView, bytes: Uint8Array, at: number, n: number, hash: number): V | undefined {
    const { lengths, hashes, starts, arena, arenaWords, mask } = this;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const len = lengths[i];
      if (len === 0) return undefined;
      if (hashes[i] !== hash || len !== n) continue;
      const s = starts[i];
      let j = 0;
      while (j + 4 <= n && arenaWords.getInt32(s + j, true) === words.getInt32(at + j, true)) j += 4;
      while (j < n && arena[s + j] === bytes[at + j]) j++;
      if (j === n) return this.values[i];
    }
  }

  /** Stores `value` for bytes[at, at + n) (n > 0; not present; `hash` as for get). */
  set(bytes: Uint8Array, at: number, n: number, hash: number, value: V): void {
    if (this.size >= this.max) {
      this.resize(this.lengths.length);
      this.used = 0;
    } else if (this.size * 2 >= this.lengths.length && this.lengths.length < slotsFor(this.max)) this.resize(this.lengths.length * 2, true);
    if (this.used + n > this.arena.length) {
      let size = this.arena.length * 2;
      while (this.used + n > size) size *= 2;
      const arena = new Uint8Array(size);
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
      this.arenaWords = wordView(arena);
    }
    this.arena.set(bytes.subarray(at, at + n), this.used);
    this.put(this.used, n, hash, value);
    this.used += n;
  }

  private put(start: number, n: number, hash: number, value: V): void {
    const lengths = this.lengths;
    let i = hash & this.mask;
    while (lengths[i] !== 0) i = (i + 1) & this.mask;
    lengths[i] = n;
    this.starts[i] = start;
    this.hashes[i] = hash;
    this.values[i] = value;
    this.size++;
  }

  /** New empty slots (`keep`: the entries held are put back). */
  private resize(slots: number, keep = false): void {
    const { starts, lengths, hashes, values } = this;
    this.starts = new Int32Array(slots);
    this.lengths = new Int32Array(slots);
    this.hashes = new Int32Array(slots);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
    this.size = 0;
    if (!keep) return;
    for (let i = 0; i < lengths.length; i++) if (lengths[i] !== 0) this.put(starts[i], lengths[i], hashes[i], values[i] as V);
  }
}
