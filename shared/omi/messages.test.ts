import { describe, expect, it } from 'vitest';
import { msg, scrub, technical, withDetail } from './messages';
import { parseRetryAfter } from './client';

describe('scrub', () => {
  it('removes the token and any Bearer value from server text', () => {
    expect(scrub('token abc123 is not valid', 'abc123')).toBe('token *** is not valid');
    expect(scrub('got Authorization: Bearer zzz-999 from you', 'other')).toBe('got Authorization: Bearer *** from you');
  });

  it('clips long server text', () => {
    expect(scrub('x'.repeat(1000), 'tok').length).toBeLessThanOrEqual(301);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('technical detail', () => {
  it('keeps HTTP status, status_code and the server\'s words out of the sentences, and frames them in each language', () => {
    const t = msg.rejected(200, 5000, 'simulated failure');
    expect(t.detail).toBe('HTTP 200, status_code 5000');
    expect(t.vi).not.toMatch(/HTTP|5000/);
    expect(t.vi).toBe('OMI không nhận yêu cầu này (OMI trả lời: "simulated failure").');
    const c = msg.credentials(401, 'the access token is not valid');
    expect(c.vi).not.toMatch(/HTTP|access token|phần Kết nối/);
    expect(c.en).toMatch(/on the Connection screen/);
    expect(c.detail).toBe('HTTP 401: the access token is not valid');
    expect(withDetail(c, 'vi')).toBe(`${c.vi} (Chi tiết kỹ thuật: HTTP 401: the access token is not valid)`);
    expect(withDetail(c, 'en')).toBe(`${c.en} (Technical details: HTTP 401: the access token is not valid)`);
    expect(withDetail(msg.aborted(), 'en')).toBe(msg.aborted().en);
    expect(technical(undefined, undefined, '  ')).toBeUndefined();
  });
});
