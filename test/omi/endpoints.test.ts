/**
 * The OMI client against a real omi-sandbox process: one test per endpoint, the spec's refusals, every addMany
 * error shape and both refId behaviours, and paging through 1,000+ contacts with search.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOmiClient } from '../../shared/omi/client';
import { OmiError } from '../../shared/omi/errors';
import { flattenContact } from '../../shared/omi/flatten';
import type { OmiApi } from '../../shared/omi/api';
import type { ContactInput } from '../../shared/omi/types';
import { startSandbox, type SandboxHandle } from '../support/sandbox';

let sb: SandboxHandle;
let api: OmiApi;

beforeAll(async () => {
  sb = await startSandbox();
  api = createOmiClient({ baseUrl: sb.url, token: sb.token, timeoutMs: 20_000 });
});
afterAll(async () => sb?.stop());
beforeEach(async () => sb.reset());

async function rejection(p: Promise<unknown>): Promise<OmiError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(OmiError);
  return e as OmiError;
}

const an: ContactInput = {
  refId: 'KH-001',
  fullName: 'Nguyễn Văn An',
  gender: 'male',
  jobTitle: 'Kế toán',
  address: '12 Lê Lợi, Quận 1',
  passport: '079123456789',
  note: 'Khách quen',
  tags: ['Lead'],
  business: ['Food'],
  categories: ['High Priority'],
  phones: [{ data: '0912345678', type: 'home', valueType: 'Nhà' }],
  emails: [{ data: 'an.nguyen@example.vn', type: 'office', valueType: 'Công ty' }],
  filterContacts: [{ id: 'f1', index: 1, secondLevelIndex: 1 }],
};

describe('add', () => {
  it('creates a contact that reads back with every field', async () => {
    expect(await api.add(an)).toBe(true);
    const [item] = await sb.contacts();
    const flat = flattenContact(item);
    expect(flat).toMatchObject({
      refId: 'KH-001', fullName: 'Nguyễn Văn An', gender: 'male', jobTitle: 'Kế toán', address: '12 Lê Lợi, Quận 1',
      passport: '079123456789', note: 'Khách quen', phones: ['0912345678'], emails: ['an.nguyen@example.vn'],
      tags: ['Lead'], business: ['Food'], categories: ['High Priority'], filterContacts: [{ id: 'f1', index: 1, secondLevelIndex: 1 }],
    });
    expect(flat.phoneValues).toEqual([{ data: '0912345678', type: 'home', valueType: 'Nhà' }]);
    const codes = item.attribute_structure.map((a) => `${a.field_code}:${a.field_type}`);
    expect(codes).toEqual(expect.arrayContaining([
      'full_name:single_text', 'job_title:single_text', 'gender:radio', 'phone_number:phone', 'mail:email',
      'address:single_text', 'passport:single_text', 'note:multi_text',
    ]));
  });

  it.each([
    ['gender outside male/female/other', { fullName: 'A', gender: 'nam' }, /gender/],
    ['a Value.type outside home/personal/office', { phones: [{ data: '0912345678', type: 'mobile', valueType: 'x' }] }, /phones\[0\]\.type/],
    ['a malformed e-mail', { emails: [{ data: 'an@', type: 'home', valueType: 'Nhà' }] }, /e-mail/],
    ['a number where a string belongs', { fullName: 12345 }, /fullName must be a string/],
    ['an unknown funnel', { filterContacts: [{ id: 'nope', index: 1 }] }, /not a funnel/],
    ['a status index the funnel lacks', { filterContacts: [{ id: 'f1', index: 9 }] }, /not a status/],
    ['a level-2 index the status lacks', { filterContacts: [{ id: 'f1', index: 2, secondLevelIndex: 1 }] }, /level-2/],
  ])('refuses %s, naming the field, and creates nothing', async (_what, input, why) => {
    const e = await rejection(api.add(input as ContactInput));
    expect(e.kind).toBe('rejected');
    expect(e.statusCode).not.toBe(9999);
    expect(e.text.en).toMatch(why);
    expect(await sb.contacts()).toHaveLength(0);
  });

  it('accepts the add page\'s misspelt jobTitlte as jobTitle', async () => {
    await api.add({ fullName: 'B', jobTitlte: 'Giám đốc' } as ContactInput);
    expect(flattenContact((await sb.contacts())[0]).jobTitle).toBe('Giám đốc');
  });
});

describe('addMany', () => {
  const batch: ContactInput[] = [
    { refId: 'r0', fullName: 'Trần Thị Bích' },
    { refId: 'r1', fullName: 'Lê Văn C', gender: 'Nam' as never },
    { refId: 'r2', fullName: 'Phạm D', emails: [{ data: 'khong-phai-email', type: 'home', valueType: 'Nhà' }] },
    { refId: 'r3', fullName: 'Hoàng E' },
  ];

  it('creates every row of a valid batch', async () => {
    expect(await api.addMany([batch[0], batch[3]])).toEqual({ rejected: [] });
    expect((await sb.contacts()).map((c) => c.ref_id).sort()).toEqual(['r0', 'r3']);
  });

  it('reads "detail-by-index" (payload.error keyed by row): valid rows created, bad rows named', async () => {
    await sb.faults({ addManyErrors: 'detail-by-index' });
    const r = await api.addMany(batch);
    expect(r.rejected.map((x) => x.index)).toEqual([1, 2]);
    expect(r.rejected[0].message).toMatch(/gender/);
    expect(r.rejected[1].message).toMatch(/e-mail/);
    expect((await sb.contacts()).map((c) => c.ref_id).sort()).toEqual(['r0', 'r3']);
  });

  it('reads "detail-list" ([{index, message}]): valid rows created, bad rows named', async () => {
    await sb.faults({ addManyErrors: 'detail-list' });
    const r = await api.addMany(batch);
    expect(r.rejected.map((x) => x.index)).toEqual([1, 2]);
    expect(r.rejected[1].message).toMatch(/e-mail/);
    expect((await sb.contacts()).map((c) => c.ref_id).sort()).toEqual(['r0', 'r3']);
  });

  it('"no-detail": the whole batch is refused without rows and nothing is created', async () => {
    await sb.faults({ addManyErrors: 'no-detail' });
    const e = await rejection(api.addMany(batch));
    expect(e.kind).toBe('rejected');
    expect(e.rows).toBeUndefined();
    expect(await sb.contacts()).toHaveLength(0);
  });

  it('refIdDuplicates "reject": an existing refId (or one repeated in the batch) is a refused row', async () => {
    await api.add({ refId: 'r0', fullName: 'Đã có' });
    const r = await api.addMany([batch[0], batch[3], { refId: 'r3', fullName: 'Lặp lại' }]);
    expect(r.rejected.map((x) => x.index)).toEqual([0, 2]);
    expect(r.rejected[0].message).toMatch(/refId "r0" already exists/);
    expect((await sb.contacts()).filter((c) => c.ref_id === 'r0')).toHaveLength(1);
  });

  it('refIdDuplicates "allow": an existing refId makes another contact', async () => {
    await sb.faults({ refIdDuplicates: 'allow' });
    await api.add({ refId: 'r0', fullName: 'Đã có' });
    expect(await api.addMany([batch[0]])).toEqual({ rejected: [] });
    expect((await sb.contacts()).filter((c) => c.ref_id === 'r0')).toHaveLength(2);
  });

  it('refuses a body that is not {data: [...]}, as a rejected call', async () => {
    const res = await fetch(`${sb.url}/api/v2/contact/addMany`, {
      method: 'POST', headers: { authorization: `Bearer ${sb.token}` }, body: JSON.stringify([{ fullName: 'x' }]),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/\{"data"/);
  });
});

describe('update', () => {
  it('finds by refId: sets fields, adds and removes names, writes dynamic attributes', async () => {
    await api.add(an);
    const ok = await api.update({
      refId: 'KH-001', jobTitle: 'Trưởng phòng', tags: ['VIP'], tagRemoves: ['Lead'], business: ['Education'], businessRemoves: ['Food'],
      categoriesRemoves: ['High Priority'], otherDynamicUpdates: [
        { fieldCode: 'ngay_sinh', values: [{ data: '1990-05-01', type: '', valueType: '' }] },
        { fieldCode: 'nguon_khach', values: [{ data: 'facebook', type: '', valueType: '' }] },
      ],
    });
    expect(ok).toBe(true);
    const flat = flattenContact((await sb.contacts())[0]);
    expect(flat).toMatchObject({ jobTitle: 'Trưởng phòng', tags: ['VIP'], business: ['Education'], categories: [], fullName: 'Nguyễn Văn An' });
    expect(flat.dynamic).toEqual({ ngay_sinh: ['1990-05-01'], nguon_khach: ['facebook'] });
    expect(flat.updatedDate).toBeGreaterThan(flat.createdDate);
  });

  it('finds by _id when no refId is used', async () => {
    await api.add({ fullName: 'Không mã' });
    const [item] = await sb.contacts();
    expect(await api.update({ _id: item.public_id, gender: 'female' })).toBe(true);
    expect(flattenContact((await sb.contacts())[0]).gender).toBe('female');
  });

  it.each([
    ['an unknown refId', { refId: 'nobody' }, /no contact with refId "nobody"/],
    ['an unknown _id', { _id: 'ffffffffffffffffffffffff' }, /no contact with _id/],
    ['neither refId nor _id', { fullName: 'x' }, /refId or _id/],
    ['a dynamic attribute the layout lacks', { refId: 'KH-001', otherDynamicUpdates: [{ fieldCode: 'khong_co', values: [] }] }, /not a dynamic attribute/],
    ['an option the select lacks', { refId: 'KH-001', otherDynamicUpdates: [{ fieldCode: 'nguon_khach', values: [{ data: 'tiktok', type: '', valueType: '' }] }] }, /not an option/],
    ['a date that is not a date', { refId: 'KH-001', otherDynamicUpdates: [{ fieldCode: 'ngay_sinh', values: [{ data: 'hôm qua', type: '', valueType: '' }] }] }, /not a date/],
  ])('refuses %s', async (_what, body, why) => {
    await api.add(an);
    const e = await rejection(api.update(body));
    expect(e.kind).toBe('rejected');
    expect(e.text.en).toMatch(why);
  });
});

describe('get', () => {
  it('answers one contact by its id, and refuses an unknown id', async () => {
    await api.add(an);
    const [stored] = await sb.contacts();
    const item = await api.get(stored.public_id);
    expect(item).toEqual(stored);
    const e = await rejection(api.get('no-such-id'));
    expect(e).toMatchObject({ kind: 'rejected', httpStatus: 404 });
  });
});

describe('layout list and funnel list', () => {
  it('reads the built-in layout', async () => {
    const layout = await api.layoutList();
    expect(layout.map(({ raw: _raw, ...a }) => a)).toEqual([
      { fieldCode: 'ngay_sinh', name: 'Ngày sinh', fieldType: 'date', options: [] },
      { fieldCode: 'nguon_khach', name: 'Nguồn khách hàng', fieldType: 'select', options: [{ value: 'facebook', label: 'Facebook' }, { value: 'su_kien', label: 'Sự kiện' }] },
    ]);
    expect(layout[0].raw).toEqual({ field_code: 'ngay_sinh', field_name: 'Ngày sinh', field_type: 'date' });
  });

  it('reads the built-in funnel', async () => {
    const [f] = await api.funnelList();
    expect(f).toMatchObject({
      id: 'f1', name: 'Phễu bán hàng',
      statuses: [{ index: 1, name: 'Mới', children: [{ index: 1, name: 'Chưa gọi' }] }, { index: 2, name: 'Đang chăm sóc', children: [] }],
    });
  });
});

describe('search', () => {
  it('pages through 1,200 contacts: every contact exactly once, exact paging numbers, keyword narrows', async () => {
    const all: ContactInput[] = Array.from({ length: 1200 }, (_, i) => ({
      refId: `R${i}`,
      fullName: i % 3 === 0 ? `Đặng Thị Hồng ${i}` : `Khách ${i}`,
      phones: [{ data: `09${String(10_000_000 + i)}`, type: 'personal', valueType: 'Cá nhân' }],
      tags: i % 2 === 0 ? ['Chẵn'] : ['Lẻ'],
    }));
    for (let i = 0; i < all.length; i += 400) expect((await api.addMany(all.slice(i, i + 400))).rejected).toEqual([]);

    const seen = new Set<string>();
    let page: number | null = 1;
    let pages = 0;
    while (page !== null && pages < 100) {
      const p = await api.search({}, { page, size: 50 });
      pages++;
      expect(p).toMatchObject({ page_number: page, page_size: 50, total_items: 1200, total_pages: 24, has_previous: page > 1, has_next: page < 24 });
      expect(p.previous_page).toBe(page > 1 ? page - 1 : null);
      expect(p.items).toHaveLength(50);
      for (const it of p.items) seen.add(it.public_id);
      page = p.next_page;
    }
    expect(pages).toBe(24);
    expect(seen.size).toBe(1200);

    // "dang thi hong" (no diacritics) finds every third contact; paged by 150 it takes 3 pages.
    const refs = new Set<string>();
    for (let n = 1; n <= 3; n++) {
      const p = await api.search({ keyword: 'dang thi hong', tags: ['Chẵn'] }, { page: n, size: 150 });
      expect(p.total_items).toBe(200);
      expect(p.total_pages).toBe(2);
      expect(p.items).toHaveLength(n < 3 ? [150, 50][n - 1] : 0);
      for (const it of p.items) refs.add(String(it.ref_id));
      if (n === 2) expect(p.next_page).toBeNull();
    }
    expect(refs.size).toBe(200);
    for (const r of refs) expect(Number(r.slice(1)) % 6).toBe(0);
  });
});
