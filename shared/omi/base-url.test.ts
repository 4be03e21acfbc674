import { describe, expect, it } from 'vitest';
import { checkBaseUrl } from './base-url';

describe('checkBaseUrl', () => {
  it.each(['https://crm.example.vn', 'https://crm.example.vn/api/', 'http://127.0.0.1:4010', 'http://localhost:8080', 'http://[::1]:9000'])('accepts %s', (u) => {
    expect(checkBaseUrl(u)).toBeNull();
  });

  it.each([
    ['http://crm.example.vn', /unencrypted.*https:\/\/crm\.example\.vn/],
    ['crm.example.vn', /not a valid web address/],
    ['', /empty/],
    ['ftp://crm.example.vn', /must start with https/],
    ['https://user:pass@crm.example.vn', /user name or password/],
  ])('refuses %s in both languages, saying what to do', (u, why) => {
    const text = checkBaseUrl(u);
    expect(text?.en).toMatch(why);
    expect(text?.vi.length).toBeGreaterThan(10);
    expect(text?.vi).not.toBe(text?.en);
  });

  it('never repeats a password given in the address', () => {
    const text = checkBaseUrl('https://me:hunter2@crm.example.vn');
    expect(JSON.stringify(text)).not.toContain('hunter2');
  });
});
