import { describe, expect, it } from 'vitest';
import { readRowRejections } from './row-errors';

describe('readRowRejections', () => {
  it.each([
    ['payload.error keyed by index', { error: { '2': 'gender is wrong', '0': 'bad e-mail' } }],
    ['payload.error as a list of {index, message}', { error: [{ index: 2, message: 'gender is wrong' }, { index: 0, message: 'bad e-mail' }] }],
    ['payload.errors as {row, msg}', { errors: [{ row: 0, msg: 'bad e-mail' }, { row: 2, msg: 'gender is wrong' }] }],
    ['the list as the payload itself', [{ idx: 0, reason: 'bad e-mail' }, { idx: 2, reason: 'gender is wrong' }]],
    ['nested messages', { error: { '0': { message: 'bad e-mail' }, '2': ['gender is wrong'] } }],
  ])('reads %s', (_what, payload) => {
    expect(readRowRejections(payload, 3)).toEqual([{ index: 0, message: 'bad e-mail' }, { index: 2, message: 'gender is wrong' }]);
  });

  it('names no row when the server gave no detail, or indexes outside the batch', () => {
    expect(readRowRejections({ error: {} }, 3)).toEqual([]);
    expect(readRowRejections({ success: true }, 3)).toEqual([]);
    expect(readRowRejections(null, 3)).toEqual([]);
    expect(readRowRejections({ error: { '3': 'x', '-1': 'y', abc: 'z' } }, 3)).toEqual([]);
  });

  it('gives a row with no reason a stated one', () => {
    expect(readRowRejections({ error: { '1': null } }, 2)).toEqual([{ index: 1, message: 'refused without a reason' }]);
  });
});
