import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanEmails, isValidEmail } from './email';
import { suggestDomain } from './email-typos';

describe('cleanEmails', () => {
  it.each([
    ['a@gmail.com', ['a@gmail.com']],
    ['  Nguyen.Van.A@Gmail.COM  ', ['nguyen.van.a@gmail.com']],
    ['mailto:lan@fpt.com.vn', ['lan@fpt.com.vn']],
    ['<lan@fpt.com.vn>', ['lan@fpt.com.vn']],
    ['lan@fpt.com.vn.', ['lan@fpt.com.vn']],
    ['a@gmail.com; b@yahoo.com.vn', ['a@gmail.com', 'b@yahoo.com.vn']],
    ['a@gmail.com, b@yahoo.com', ['a@gmail.com', 'b@yahoo.com']],
    ['a@gmail.com / b@yahoo.com', ['a@gmail.com', 'b@yahoo.com']],
    ['a@gmail.com\nb@yahoo.com', ['a@gmail.com', 'b@yahoo.com']],
    ['a@gmail.com A@GMAIL.com', ['a@gmail.com']],
    ['ho.ten+tag@cong-ty.vn', ['ho.ten+tag@cong-ty.vn']],
  ])('%j → %j', (cell, want) => {
    const r = cleanEmails(cell);
    expect(r.value).toEqual(want);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('records lowercasing and splitting', () => {
    const r = cleanEmails('A@Gmail.com; b@gmail.com');
    expect(r.changes.map((c) => c.code)).toEqual(['email.split', 'email.normalised']);
    expect(r.changes[1]).toMatchObject({ before: 'A@Gmail.com', after: 'a@gmail.com' });
  });

  it.each(['abc', 'abc@', '@gmail.com', 'a@gmail', 'a@@gmail.com', 'a..b@gmail.com', 'a@gmail.c', 'nguyễn@gmail.com'])(
    '%j is flagged and stays out of the contact', (cell) => {
      const r = cleanEmails(cell);
      expect(r.value).toEqual([]);
      expect(r.issues.map((i) => [i.severity, i.code])).toContainEqual(['warning', 'email.invalid']);
      expect(r.issues[0].message.vi).toContain('không phải địa chỉ email');
    });

  it.each([
    ['lan@gmial.com', 'lan@gmail.com'],
    ['lan@gmai.com', 'lan@gmail.com'],
    ['Lan@Gmail.con', 'lan@gmail.com'],
    ['lan@gamil.com', 'lan@gmail.com'],
    ['lan@yahoo.com.vm', 'lan@yahoo.com.vn'],
    ['lan@yahoo.co.vn', 'lan@yahoo.com.vn'],
    ['lan@yahoo.vn', 'lan@yahoo.com.vn'],
    ['lan@yaho.com', 'lan@yahoo.com'],
    ['lan@hotmial.com', 'lan@hotmail.com'],
    ['lan@outlok.com', 'lan@outlook.com'],
    ['lan@gmaill.com', 'lan@gmail.com'],
  ])('well-known typo %j is corrected to %j, recorded and flagged', (cell, fixed) => {
    const r = cleanEmails(cell);
    expect(r.value).toEqual([fixed]);
    expect(r.changes.at(-1)).toMatchObject({ code: 'email.typo-fixed', after: fixed });
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'email.typo-fixed' })]);
  });

  it('the correction can be turned off, and then it is only suggested', () => {
    const r = cleanEmails('lan@gmial.com', { disabled: new Set(['email.typo-fixed']) });
    expect(r.value).toEqual(['lan@gmial.com']);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'email.typo', suggestion: 'lan@gmail.com' })]);
  });

  it.each([['lan@gmsil.com', 'lan@gmail.com'], ['lan@yahop.com', 'lan@yahoo.com'], ['lan@fpt.com.vm', 'lan@fpt.com.vn']])(
    'a merely close domain %j is only suggested (%j)', (cell, fixed) => {
      const r = cleanEmails(cell);
      expect(r.value).toEqual([cell]);
      expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'email.typo', suggestion: fixed })]);
    });

  it('suggests for the whole cell when it holds several addresses', () => {
    const r = cleanEmails('a@gmail.com; b@gmsil.com');
    expect(r.issues[0].suggestion).toBe('a@gmail.com; b@gmail.com');
  });

  it('no typo warning for real domains', () => {
    for (const d of ['gmail.com', 'yahoo.com.vn', 'fpt.com.vn', 'omicall.com', 'vnu.edu.vn', 'mail.ru']) expect(suggestDomain(d)).toBeNull();
  });

  it.each(['', ' ', 'N/A', 'không có', '-'])('%j is empty', (cell) => {
    expect(cleanEmails(cell).value).toEqual([]);
    expect(cleanEmails(cell).issues).toEqual([]);
  });

  it('never throws and is idempotent', () => {
    const emailish = fc.oneof(fc.string(), fc.emailAddress(), fc.tuple(fc.emailAddress(), fc.emailAddress()).map(([a, b]) => `${a.toUpperCase()}; ${b}`));
    fc.assert(fc.property(emailish, (s) => {
      const once = cleanEmails(s).value;
      for (const e of once) expect(isValidEmail(e)).toBe(true);
      const twice = cleanEmails(once.join(', '));
      expect(twice.value).toEqual(once);
      if (once.length === 1) expect(twice.changes).toEqual([]);
    }), { numRuns: 2000 });
  });
});
