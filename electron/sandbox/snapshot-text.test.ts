import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FUNNELS, DEFAULT_LAYOUT } from './defaults';
import { CONTACTS_PER_PIECE as PIECE, SnapshotText } from './snapshot-text';
import { ContactStore, type StoreState } from './store';

const joined = (pieces: Uint8Array[]) => Buffer.concat(pieces);
/** What a later start reads back (JSON.parse of the file's text). */
const reread = (pieces: Uint8Array[]) => JSON.parse(joined(pieces).toString('utf8')) as StoreState;
/** The store as plain JSON data, as a file written any other way would hold it. */
const plain = (state: StoreState) => JSON.parse(JSON.stringify(state)) as StoreState;

function storeOf(n: number): ContactStore {
  const store = ContactStore.empty(DEFAULT_LAYOUT, DEFAULT_FUNNELS);
  for (let i = 0; i < n; i++) store.create({ fullName: `Khách ${i}`, note: 'dòng 1\ndòng 2', tags: ['Lead'] }, false);
  return store;
}

describe('the data file text built from kept pieces', () => {
  it('reads back as the store after any mix of creates, updates and resets, one contact per line', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), count: fc.integer({ min: 1, max: 2 * PIECE }), name: fc.string() }),
      fc.record({ kind: fc.constant('update' as const), at: fc.nat(), note: fc.string() }),
      fc.record({ kind: fc.constant('reset' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
        const store = ContactStore.empty(DEFAULT_LAYOUT, DEFAULT_FUNNELS);
        const text = new SnapshotText();
        expect(reread(text.pieces(store.snapshot()))).toEqual(plain(store.snapshot()));
        for (const s of steps) {
          if (s.kind === 'create') for (let i = 0; i < s.count; i++) store.create({ fullName: `${s.name}\n${i}`, tags: ['Lead'] }, false);
          else if (s.kind === 'update' && store.size > 0) store.update(store.all()[s.at % store.size], { note: s.note, tags: ['Đã gọi'] });
          else if (s.kind === 'reset') store.replace(ContactStore.empty([], []).snapshot());
          const bytes = joined(text.pieces(store.snapshot()));
          expect(JSON.parse(bytes.toString('utf8'))).toEqual(plain(store.snapshot()));
          // head, a line per contact, the tail, and the final newline (an empty store has an empty line between).
          expect(bytes.toString('utf8').split('\n')).toHaveLength(Math.max(store.size, 1) + 3);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('keeps the pieces nothing touched: only the growing last piece and updated ones are new', () => {
    const store = storeOf(3.5 * PIECE);
    const text = new SnapshotText();
    const first = text.pieces(store.snapshot());
    store.create({ fullName: 'Mới' });
    store.update(store.all()[10], { note: 'sửa' });
    const second = text.pieces(store.snapshot());
    // head, 4 pieces of contacts, tail: piece 0 (updated) and piece 3 (grew) are rebuilt, 1 and 2 are the same bytes.
    expect(second.map((p, i) => p === first[i])).toEqual([true, false, true, true, false, false]);
  });

  it("after a restart, takes the unchanged pieces from the file's own bytes, and what it writes reads back right", () => {
    const file = joined(new SnapshotText().pieces(storeOf(2.5 * PIECE).snapshot()));
    const state = JSON.parse(file.toString('utf8')) as StoreState;
    const text = new SnapshotText();
    text.adopt(state, file);
    const store = new ContactStore(state);
    store.update(store.all()[1.5 * PIECE], { note: 'sau khi khởi động lại' });
    store.create({ fullName: 'Mới sau khởi động' });
    const pieces = text.pieces(store.snapshot());
    // Piece 0 is the file's bytes; piece 1 (updated) and piece 2 (grew) are new.
    expect(pieces.slice(1, 4).map((p) => p.buffer === file.buffer)).toEqual([true, false, false]);
    expect(reread(pieces)).toEqual(plain(store.snapshot()));
  });

  it('adopts nothing from a file this writer did not write (pretty-printed by hand)', () => {
    // Big enough that no piece comes from Node's shared small-buffer pool (the check below compares buffers).
    const state = plain(storeOf(50).snapshot());
    const file = Buffer.from(JSON.stringify(state, null, 2), 'utf8');
    const text = new SnapshotText();
    text.adopt(state, file);
    const pieces = text.pieces(state);
    expect(pieces.some((p) => p.buffer === file.buffer)).toBe(false);
    expect(reread(pieces)).toEqual(state);
  });
});
