import { describe, expect, it } from 'vitest';
import { scrub } from './messages';
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
