import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Funnel } from '../omi/types';
import { cleanFunnelStatus } from './funnel';

const funnel: Funnel = {
  id: 'f1', name: 'Phễu bán hàng', raw: null,
  statuses: [
    { index: 1, name: 'Mới', children: [{ index: 1, name: 'Chưa gọi' }, { index: 2, name: 'Đã gọi' }] },
    { index: 2, name: 'Đang chăm sóc', children: [] },
    { index: 3, name: 'Chốt đơn', children: [{ index: 1, name: 'Thành công' }, { index: 2, name: 'Thất bại' }] },
  ],
};

describe('cleanFunnelStatus', () => {
  it.each([
    ['Mới', { id: 'f1', index: 1 }],
    ['mới', { id: 'f1', index: 1 }],
    ['MOI', { id: 'f1', index: 1 }],
    ['Đang chăm sóc', { id: 'f1', index: 2 }],
    ['dang cham soc', { id: 'f1', index: 2 }],
    ['Mới > Chưa gọi', { id: 'f1', index: 1, secondLevelIndex: 1 }],
    ['Mới / Chưa gọi', { id: 'f1', index: 1, secondLevelIndex: 1 }],
    ['Mới - Đã gọi', { id: 'f1', index: 1, secondLevelIndex: 2 }],
    ['moi>da goi', { id: 'f1', index: 1, secondLevelIndex: 2 }],
    ['Chốt đơn > Thất bại', { id: 'f1', index: 3, secondLevelIndex: 2 }],
    ['Thành công', { id: 'f1', index: 3, secondLevelIndex: 1 }],
    ['2', { id: 'f1', index: 2 }],
    ['3.1', { id: 'f1', index: 3, secondLevelIndex: 1 }],
  ])('%j → %j', (cell, want) => {
    const r = cleanFunnelStatus(funnel, cell);
    expect(r.value).toEqual(want);
    expect(r.issues).toEqual([]);
  });

  it('records how a loosely written status was read', () => {
    const r = cleanFunnelStatus(funnel, 'moi / chua goi');
    expect(r.changes).toEqual([expect.objectContaining({ code: 'funnel.status', after: 'Mới > Chưa gọi' })]);
    expect(cleanFunnelStatus(funnel, 'Mới').changes).toEqual([]);
  });

  it.each(['Khách VIP', 'Mới > Thành công', '9', 'Đang chăm sóc > Chưa gọi'])('%j is not a status: warning naming the statuses', (cell) => {
    const r = cleanFunnelStatus(funnel, cell);
    expect(r.value).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code: 'funnel.unknown-status' });
    expect(r.issues[0].message.vi).toContain('Đang chăm sóc');
  });

  it('never throws; a recognised status read again gives the same position', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.constantFrom('Mới', 'moi > chua goi', 'Chốt đơn/Thành công', '3.2')), (s) => {
      const r = cleanFunnelStatus(funnel, s);
      if (r.value && r.changes.length) expect(cleanFunnelStatus(funnel, r.changes[0].after).value).toEqual(r.value);
    }), { numRuns: 1000 });
  });
});
