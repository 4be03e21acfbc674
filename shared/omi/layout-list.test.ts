import { describe, expect, it } from 'vitest';
import { readLayoutList } from './layout-list';

const plain = (payload: unknown) => readLayoutList(payload).map(({ raw: _raw, ...a }) => a);

describe('readLayoutList', () => {
  it('reads the shape the sandbox serves and keeps each entry raw', () => {
    const payload = [
      { field_code: 'ngay_sinh', field_name: 'Ngày sinh', field_type: 'date' },
      { field_code: 'nguon_khach', field_name: 'Nguồn khách hàng', field_type: 'select', options: [{ value: 'facebook', label: 'Facebook' }] },
    ];
    const read = readLayoutList(payload);
    expect(read.map((a) => a.fieldCode)).toEqual(['ngay_sinh', 'nguon_khach']);
    expect(read[1].options).toEqual([{ value: 'facebook', label: 'Facebook' }]);
    expect(read[1].raw).toBe(payload[1]);
  });

  it.each([
    ['camelCase keys and values[]', [{ fieldCode: 'hang', fieldName: 'Hạng', fieldType: 'select', values: [{ code: 'vang', name: 'Vàng' }] }]],
    ['code / label / type and choices of strings', [{ code: 'hang', label: 'Hạng', type: 'select', choices: ['vang'] }]],
    ['key / title / kind wrapped in {items}', { items: [{ key: 'hang', title: 'Hạng', kind: 'select', options: [{ id: 'vang', text: 'Vàng' }] }] }],
    ['display_name wrapped in {data: {list}}', { data: { list: [{ field_code: 'hang', display_name: 'Hạng', field_type: 'select', options: [{ value: 'vang', label: 'Vàng' }] }] } }],
    ['wrapped in {attributes}', { total: 1, attributes: [{ fieldCode: 'hang', name: 'Hạng', dataType: 'select', enum: ['vang'] }] }],
  ])('accepts %s', (_what, payload) => {
    const [a] = plain(payload);
    expect(a.fieldCode).toBe('hang');
    expect(a.name).toBe('Hạng');
    expect(a.fieldType).toBe('select');
    expect(a.options.map((o) => o.value)).toEqual(['vang']);
  });

  it('skips entries without a code and names a nameless one by its code', () => {
    expect(plain([{ name: 'no code' }, 'junk', null, { field_code: 'x' }])).toEqual([{ fieldCode: 'x', name: 'x', fieldType: 'single_text', options: [] }]);
  });

  it('answers [] for payloads that hold no list', () => {
    expect(readLayoutList(null)).toEqual([]);
    expect(readLayoutList('text')).toEqual([]);
    expect(readLayoutList({ a: 1, b: 2 })).toEqual([]);
  });
});
