import { describe, expect, it } from 'vitest';
import { fold, phoneCore } from './search';

describe('search normalisation', () => {
  it('folds case, Vietnamese diacritics, đ and spaces', () => {
    expect(fold('  NGUYỄN   Thị  Đoàn ')).toBe('nguyen thi doan');
    expect(fold('Trường Ưng Ơn')).toBe('truong ung on');
    // Pre-composed and combining forms fold the same.
    expect(fold('Nguy\u1EC5n')).toBe(fold('Nguye\u0302\u0303n'));
  });

  it('reduces every common phone format to the same subscriber digits', () => {
    for (const p of ['+84 912 345 678', '0912345678', '84912345678', '0912.345.678', '(+84) 912-345-678', '912345678']) {
      expect(phoneCore(p)).toBe('912345678');
    }
    expect(phoneCore('028 3822 1234')).toBe('2838221234');
  });
});
