import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { displayPhone, duplicateTitle, sharedInWords } from './duplicate-words';

describe('duplicate groups in words', () => {
  it('titles a group by what its rows share, phones as people write them', () => {
    expect(duplicateTitle({ key: 'phone:0912345678', keys: ['phone:0912345678', 'email:an.nguyen@gmail.com'] })).toEqual({
      vi: 'Cùng số điện thoại 0912 345 678 và email an.nguyen@gmail.com',
      en: 'Same phone 0912 345 678 and email an.nguyen@gmail.com',
    });
    expect(duplicateTitle({ key: 'refId:KH4' })).toEqual({ vi: 'Cùng mã khách hàng (refId) KH4', en: 'Same customer ID (refId) KH4' });
  });

  it('lists phones first, says plurals in English, and counts what does not fit', () => {
    expect(sharedInWords(['email:a@x.vn', 'phone:0912345678', 'phone:02438261234', 'refId:KH1'])).toEqual({
      vi: 'số điện thoại 0912 345 678, 024 3826 1234, email a@x.vn và mã khách hàng (refId) KH1',
      en: 'phones 0912 345 678, 024 3826 1234, email a@x.vn and customer ID (refId) KH1',
    });
    const many = sharedInWords(['phone:0912345678', 'phone:0987654321', 'email:a@x.vn', 'email:b@x.vn', 'email:c@x.vn', 'refId:KH1']);
    expect(many.vi).toBe('số điện thoại 0912 345 678, 0987 654 321, email a@x.vn, b@x.vn và 2 giá trị khác');
    expect(many.en).toBe('phones 0912 345 678, 0987 654 321, emails a@x.vn, b@x.vn and 2 more');
  });

  it('writes foreign numbers internationally and leaves what it cannot read as it is', () => {
    expect(displayPhone('+6591234567')).toBe('+65 9123 4567');
    expect(displayPhone('12345')).toBe('12345');
  });

  it('groups Vietnamese numbers exactly as libphonenumber does (the cache by prefix and length is exact)', () => {
    const national = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 8, max: 10 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }))
      .map(([first, length, digits]) => `0${first}${digits.join('')}`.slice(0, length + 1));
    fc.assert(fc.property(national, (n) => {
      const lib = parsePhoneNumberFromString(n, 'VN')?.formatNational();
      if (lib && lib.replace(/\D/g, '') === n) expect(displayPhone(n)).toBe(lib);
      else expect(displayPhone(n).replace(/ /g, '')).toBe(n);
    }), { numRuns: 3000 });
  });
});
