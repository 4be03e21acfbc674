import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey, sameLoose, sameVietnamese, toneKey } from './text-compare';

describe('text comparison', () => {
  it.each([
    ['hoà', 'hòa'], ['Hoà', 'HÒA'], ['thuỷ', 'thủy'], ['Thuỷ Tiên', 'thủy tiên'], ['khoẻ', 'khỏe'], ['uỷ ban', 'ủy ban'],
    ['Hoà  Bình', 'Hòa Bình'], ['quý', 'qúy'], ['loà', 'lòa'],
  ])('%j and %j are the same Vietnamese', (a, b) => {
    expect(sameVietnamese(a, b)).toBe(true);
    expect(sameLoose(a, b)).toBe(true);
  });

  it.each([['hoa', 'hòa'], ['thu', 'thủ'], ['ma', 'mà'], ['hòa', 'hóa'], ['thuỷ', 'thuý']])('%j and %j are different words', (a, b) => {
    expect(sameVietnamese(a, b)).toBe(false);
  });

  it.each([
    ['Giới tính', 'gioi tinh'], ['SỐ ĐIỆN THOẠI', 'so dien thoai'], ['E-mail', 'e mail'], ['Họ & tên', 'ho ten'],
    ['Đà Nẵng', 'da nang'], ['  Mã   KH ', 'ma kh'], ['SĐT/Zalo', 'sdt zalo'], ['CMND/CCCD', 'cmnd cccd'],
  ])('foldKey(%j) = %j', (a, b) => expect(foldKey(a)).toBe(b));

  it('keys never throw and are idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(foldKey(foldKey(s))).toBe(foldKey(s));
      expect(sameVietnamese(s, s)).toBe(true);
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string(), (s) => { expect(toneKey(s.normalize('NFD'))).toBe(toneKey(s.normalize('NFC'))); }), { numRuns: 1000 });
  });
});
