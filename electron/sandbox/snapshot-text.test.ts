import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FUNNELS, DEFAULT_LAYOUT } from './defaults';
import { SnapshotText } from './snapshot-text';
import { ContactStore } from './store';

const joined = (pieces: Uint8Array[]) => Buffer.concat(pieces).toString('utf8');

describe('the data file text built from kept pieces', () => {
  it('is exactly JSON.stringify of the store after any mix of creates, updates and resets', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), count: fc.integer({ min: 1, max: 1500 }), name: fc.string() }),
      fc.record({ kind: fc.constant('update' as const), at: fc.nat(), note: fc.string() }),
      fc.record({ kind: fc.constant('reset' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
        const store = ContactStore.empty(DEFAULT_LAYOUT, DEFAULT_FUNNELS);
        const text = new SnapshotText();
        expect(joined(text.pieces(store.snapshot()))).toBe(JSON.stringify(store.snapshot()));
        for (const s of steps) {
          if (s.kind === 'create') for (let i = 0; i < s.count; i++) store.create({ fullName: `${s.name} ${i}`, tags: ['Lead'] }, false);
          else if (s.kind === 'update' && store.size > 0) store.update(store.all()[s.at % store.size], { note: s.note, tags: ['Đã gọi'] });
          else if (s.kind === 'reset') store.replace(ContactStore.empty([], []).snapshot());
          expect(joined(text.pieces(store.snapshot()))).toBe(JSON.stringify(store.snapshot()));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('keeps the pieces nothing touched: only the growing last piece and updated ones are new', () => {
    const store = ContactStore.empty(DEFAULT_LAYOUT, DEFAULT_FUNNELS);
    for (let i = 0; i < 3500; i++) store.create({ fullName: `Khách ${i}` }, false);
    const text = new SnapshotText();
    const first = text.pieces(store.snapshot());
    store.create({ fullName: 'Mới' });
    store.update(store.all()[10], { note: 'sửa' });
    const second = text.pieces(store.snapshot());
    // head, 4 pieces of contacts, tail: piece 0 (updated) and piece 3 (grew) are rebuilt, 1 and 2 are the same bytes.
    expect(second.map((p, i) => p === first[i])).toEqual([true, false, true, true, false, false]);
  });
});
