import { describe, expect, it } from 'vitest';
import { createMemoryJournal, replayJournal, type JournalEntry } from './journal';

const start = (at = 1): JournalEntry => ({ t: 'start', importId: 'imp-1', mode: 'create', total: 6, at });

describe('replayJournal', () => {
  it('an empty journal: no runs, nothing known', () => {
    const s = replayJournal([]);
    expect(s).toMatchObject({ runs: 0, finished: false, cancelled: false, inDoubt: [] });
    expect(s.rows.size).toBe(0);
  });

  it('a create sent without an answer leaves its rows in doubt; an update does not', () => {
    const s = replayJournal([
      start(),
      { t: 'send', id: 'a', op: 'addMany', rows: [2, 3, 4], at: 2 },
      { t: 'send', id: 'b', op: 'add', rows: [5], at: 2 },
      { t: 'send', id: 'c', op: 'update', rows: [6], at: 2 },
    ]);
    expect(s.inDoubt).toEqual([2, 3, 4, 5]);
    expect(s.rows.get(6)?.inDoubt ?? false).toBe(false);
    expect(s.finished).toBe(false);
  });

  it('results settle rows: created, failed with reason, unsent back to pending, doubt stays in doubt', () => {
    const reason = { vi: 'sai', en: 'bad' };
    const s = replayJournal([
      start(),
      { t: 'send', id: 'a', op: 'addMany', rows: [2, 3, 4, 5], at: 2 },
      { t: 'result', id: 'a', rows: [
        { row: 2, result: 'created' }, { row: 3, result: 'failed', reason }, { row: 4, result: 'unsent' }, { row: 5, result: 'doubt' },
      ], at: 3 },
      { t: 'result', id: 'v1', rows: [{ row: 5, result: 'created', omiId: 'c-5' }], at: 4 },
      { t: 'end', cancelled: false, at: 5 },
    ]);
    expect(s.rows.get(2)).toMatchObject({ created: true, inDoubt: false, outcome: 'created' });
    expect(s.rows.get(3)).toMatchObject({ created: false, outcome: 'failed', reason });
    expect(s.rows.get(4)).toMatchObject({ created: false, inDoubt: false });
    expect(s.rows.get(4)?.outcome).toBeUndefined();
    expect(s.rows.get(5)).toMatchObject({ created: true, omiId: 'c-5' });
    expect(s.inDoubt).toEqual([]);
    expect(s).toMatchObject({ finished: true, runs: 1, firstStartedAt: 1, lastEndedAt: 5 });
  });

  it('a created row whose dynamic update succeeded stays "created"; a transient failure is marked', () => {
    const s = replayJournal([
      start(),
      { t: 'send', id: 'a', op: 'add', rows: [2], at: 2 },
      { t: 'result', id: 'a', rows: [{ row: 2, result: 'created' }], at: 3 },
      { t: 'send', id: 'b', op: 'update', rows: [2], at: 4 },
      { t: 'result', id: 'b', rows: [{ row: 2, result: 'updated' }], at: 5 },
      { t: 'send', id: 'c', op: 'add', rows: [3], at: 6 },
      { t: 'result', id: 'c', rows: [{ row: 3, result: 'failed', reason: { vi: 'x', en: 'x' }, transient: true }], at: 7 },
    ]);
    expect(s.rows.get(2)).toMatchObject({ created: true, updated: true, outcome: 'created' });
    expect(s.rows.get(3)).toMatchObject({ outcome: 'failed', transient: true });
  });

  it('a cancelled run, then a new start: a resume, not finished', () => {
    const s = replayJournal([start(1), { t: 'end', cancelled: true, at: 2 }, start(3)]);
    expect(s).toMatchObject({ runs: 2, finished: false, cancelled: false, firstStartedAt: 1 });
    const c = replayJournal([start(1), { t: 'end', cancelled: true, at: 2 }]);
    expect(c).toMatchObject({ finished: false, cancelled: true });
  });

  it('the memory journal hands out copies', async () => {
    const j = createMemoryJournal();
    const e: JournalEntry = { t: 'send', id: 'a', op: 'add', rows: [1], at: 1 };
    await j.append(e);
    e.rows.push(2);
    const all = await j.readAll();
    expect(all).toEqual([{ t: 'send', id: 'a', op: 'add', rows: [1], at: 1 }]);
  });
});
