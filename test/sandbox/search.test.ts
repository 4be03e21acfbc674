/**
 * Search semantics of the sandbox (endpoint 4), through raw HTTP: keyword over phone / e-mail / full name
 * without case or diacritics, phones in any common format, name filters, date ranges, id lists, paging numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactInput, ContactItem, SearchBody, SearchPage } from '../../shared/omi/types';
import { startSandbox, type SandboxHandle } from '../support/sandbox';

let sb: SandboxHandle;
let byRef: Map<string, ContactItem>;

const phone = (data: string) => ({ data, type: 'personal', valueType: 'Cá nhân' });
const email = (data: string) => ({ data, type: 'office', valueType: 'Công ty' });

const people: ContactInput[] = [
  { refId: 'duc', fullName: 'Trần Đức Thắng', phones: [phone('+84 912 345 678')], tags: ['Lead'], business: ['Food'] },
  { refId: 'hoa', fullName: 'NGUYỄN THỊ HOA', phones: [phone('0987.111.222')], emails: [email('Hoa.Nguyen@Example.VN')], tags: ['Contact'], categories: ['High Priority'] },
  { refId: 'an', fullName: 'Nguyễn Văn An', phones: [phone('84 903 000 111')], emails: [email('an@congty.vn')], tags: ['Lead', 'VIP'], business: ['Education'] },
  { refId: 'binh', fullName: 'Lê Bình', emails: [email('binh@thang-loi.vn')], categories: ['Low'] },
];

async function search(body: SearchBody | undefined, query = ''): Promise<{ status: number; json: { status_code: number; payload: SearchPage; message?: string } }> {
  const res = await fetch(`${sb.url}/api/v2/contact/search${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sb.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as never };
}

async function refs(body: SearchBody): Promise<string[]> {
  const r = await search(body, '?size=100');
  expect(r.json.status_code).toBe(9999);
  return r.json.payload.items.map((i) => String(i.ref_id)).sort();
}

beforeAll(async () => {
  sb = await startSandbox({ seed: { contacts: people } });
  byRef = new Map((await sb.contacts()).map((c) => [String(c.ref_id), c]));
});
afterAll(async () => sb?.stop());

describe('keyword', () => {
  it.each([
    ['tran duc thang', ['duc']],
    ['ĐỨC', ['duc']],
    ['đức', ['duc']],
    ['nguyen', ['an', 'hoa']],
    ['Nguyễn  An', ['an']],
    ['thi hoa', ['hoa']],
  ])('full name without case or diacritics: %s', async (keyword, want) => {
    expect(await refs({ keyword })).toEqual(want);
  });

  it.each([
    ['0912345678'], ['+84912345678'], ['84912345678'], ['+84 912 345 678'], ['0912 345 678'], ['0912.345.678'], ['912345678'],
  ])('a phone in any common format: %s', async (keyword) => {
    expect(await refs({ keyword })).toEqual(['duc']);
  });

  it('a stored phone in another format is found by the plain number, and by part of it', async () => {
    expect(await refs({ keyword: '0903000111' })).toEqual(['an']);
    expect(await refs({ keyword: '0987111222' })).toEqual(['hoa']);
    expect(await refs({ keyword: '111 222' })).toEqual(['hoa']);
  });

  it('an e-mail, whole or in part, in any case', async () => {
    expect(await refs({ keyword: 'hoa.nguyen@example.vn' })).toEqual(['hoa']);
    expect(await refs({ keyword: 'CONGTY.VN' })).toEqual(['an']);
    // "thang-loi" is in Bình's e-mail: keyword matches e-mails as well as names.
    expect(await refs({ keyword: 'thang-loi' })).toEqual(['binh']);
  });

  it('finds a contact by its new name and phone after an update, not by the old ones', async () => {
    const res = await fetch(`${sb.url}/api/v2/contact/update`, {
      method: 'POST', headers: { authorization: `Bearer ${sb.token}` },
      body: JSON.stringify({ refId: 'binh', fullName: 'Lê Bình Minh', phones: [phone('0933 444 555')] }),
    });
    expect(((await res.json()) as { payload: unknown }).payload).toBe(true);
    expect(await refs({ keyword: 'binh minh' })).toEqual(['binh']);
    expect(await refs({ keyword: '84933444555' })).toEqual(['binh']);
    await fetch(`${sb.url}/api/v2/contact/update`, {
      method: 'POST', headers: { authorization: `Bearer ${sb.token}` }, body: JSON.stringify({ refId: 'binh', fullName: 'Lê Bình' }),
    });
    expect(await refs({ keyword: 'binh minh' })).toEqual([]);
  });

  it('no match is an empty page with zero pages', async () => {
    const r = await search({ keyword: 'không ai tên này' });
    expect(r.json.payload).toMatchObject({ total_items: 0, total_pages: 0, items: [], has_next: false, next_page: null, previous_page: null });
  });
});

describe('filters and ids', () => {
  it('tags / business / categories match any of the names given, all filters together', async () => {
    expect(await refs({ tags: ['Lead'] })).toEqual(['an', 'duc']);
    expect(await refs({ tags: ['VIP', 'Contact'] })).toEqual(['an', 'hoa']);
    expect(await refs({ tags: ['Lead'], business: ['Food'] })).toEqual(['duc']);
    expect(await refs({ categories: ['High Priority'] })).toEqual(['hoa']);
    expect(await refs({ tags: ['Lead'], keyword: 'nguyen' })).toEqual(['an']);
  });

  it('includeIds keeps only those contacts, excludeIds drops them', async () => {
    const id = (r: string) => byRef.get(r)!.public_id;
    expect(await refs({ includeIds: [id('an'), id('binh')] })).toEqual(['an', 'binh']);
    expect(await refs({ excludeIds: [id('an'), id('binh')] })).toEqual(['duc', 'hoa']);
    expect(await refs({ includeIds: [id('an'), id('binh')], excludeIds: [id('an')] })).toEqual(['binh']);
  });

  it('ranges on created_date and last_updated_date are inclusive', async () => {
    const created = [...byRef.values()].map((c) => c.created_date).sort((a, b) => a - b);
    expect(new Set(created).size).toBe(4);
    expect(await refs({ ranges: [{ field: 'created_date', from: created[1], to: created[2] }] })).toEqual(['an', 'hoa']);
    expect(await refs({ ranges: [{ field: 'created_date', from: created[3] }] })).toEqual(['binh']);

    const res = await fetch(`${sb.url}/api/v2/contact/update`, {
      method: 'POST', headers: { authorization: `Bearer ${sb.token}` }, body: JSON.stringify({ refId: 'duc', note: 'gọi lại' }),
    });
    expect(((await res.json()) as { payload: unknown }).payload).toBe(true);
    const duc = (await sb.contacts()).find((c) => c.ref_id === 'duc')!;
    expect(await refs({ ranges: [{ field: 'last_updated_date', from: duc.last_updated_date }] })).toEqual(['duc']);
    expect(await refs({ ranges: [{ field: 'last_updated_date', to: duc.last_updated_date - 1 }] })).toEqual(['an', 'binh', 'hoa']);
  });
});

describe('paging', () => {
  it('gives exact numbers at the start, middle and end', async () => {
    const p1 = (await search({}, '?page=1&size=3')).json.payload;
    expect(p1).toMatchObject({ page_number: 1, page_size: 3, total_items: 4, total_pages: 2, has_previous: false, previous_page: null, has_next: true, next_page: 2 });
    const p2 = (await search({}, '?page=2&size=3')).json.payload;
    expect(p2).toMatchObject({ page_number: 2, has_previous: true, previous_page: 1, has_next: false, next_page: null });
    expect(p2.items).toHaveLength(1);
    const ids = [...p1.items, ...p2.items].map((i) => i.public_id);
    expect(new Set(ids).size).toBe(4);
    // Newest first.
    expect(p1.items[0].ref_id).toBe('binh');
  });

  it('defaults to page 1 of 50 with no query and no body', async () => {
    const r = await search(undefined);
    expect(r.json.payload).toMatchObject({ page_number: 1, page_size: 50, total_items: 4 });
  });

  it.each([['?page=0'], ['?size=0'], ['?page=abc'], ['?size=5000'], ['?page=1.5']])('refuses %s clearly', async (q) => {
    const r = await search({}, q);
    expect(r.status).toBe(400);
    expect(r.json.status_code).not.toBe(9999);
    expect(r.json.message).toMatch(/page|size/);
  });

  it.each([
    [{ keyword: 5 }, /keyword/],
    [{ tags: 'Lead' }, /tags/],
    [{ ranges: [{ field: 'birthday', from: 1 }] }, /created_date or last_updated_date/],
    [{ ranges: [{ field: 'created_date', from: '2024-01-01' }] }, /ms/],
  ])('refuses a wrong body %j', async (body, why) => {
    const r = await search(body as SearchBody);
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(why);
  });
});
