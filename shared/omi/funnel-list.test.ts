import { describe, expect, it } from 'vitest';
import { readFunnelList } from './funnel-list';

const plain = (payload: unknown) => readFunnelList(payload).map(({ raw: _raw, ...f }) => f);
const want = {
  id: 'f1',
  name: 'Phễu bán hàng',
  statuses: [
    { index: 1, name: 'Mới', children: [{ index: 1, name: 'Chưa gọi' }] },
    { index: 2, name: 'Đang chăm sóc', children: [] },
  ],
};

describe('readFunnelList', () => {
  it('reads the shape the sandbox serves and keeps it raw', () => {
    const payload = [{ id: 'f1', name: 'Phễu bán hàng', statuses: [{ index: 1, name: 'Mới', children: [{ index: 1, name: 'Chưa gọi' }] }, { index: 2, name: 'Đang chăm sóc', children: [] }] }];
    const [f] = readFunnelList(payload);
    expect(f).toMatchObject(want);
    expect(f.raw).toBe(payload[0]);
  });

  it.each([
    ['_id / title / levels / sub_statuses', [{ _id: 'f1', title: 'Phễu bán hàng', levels: [{ position: 1, label: 'Mới', sub_statuses: [{ position: 1, label: 'Chưa gọi' }] }, { position: 2, label: 'Đang chăm sóc' }] }]],
    ['{data: [...]} with statuses out of order', { data: [{ id: 'f1', name: 'Phễu bán hàng', statuses: [{ index: 2, name: 'Đang chăm sóc' }, { index: '1', name: 'Mới', children: [{ index: 1, name: 'Chưa gọi' }] }] }] }],
    ['{items} with children as level 1 and no index (order sent)', { items: [{ code: 'f1', label: 'Phễu bán hàng', children: [{ name: 'Mới', statuses: ['Chưa gọi'] }, { name: 'Đang chăm sóc' }] }] }],
  ])('accepts %s', (_what, payload) => {
    expect(plain(payload)).toEqual([want]);
  });

  it('skips funnels without an id and answers [] for non-lists', () => {
    expect(plain([{ name: 'no id' }, 42])).toEqual([]);
    expect(readFunnelList(undefined)).toEqual([]);
  });
});
