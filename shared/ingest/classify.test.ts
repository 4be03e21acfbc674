import { describe, expect, it } from 'vitest';
import { EDGE_BLANK, LEGACY_SIGNS, NEEDS_NFC, NON_ASCII, UNICODE_VIETNAMESE, classifyCell } from './classify';

describe('classifyCell', () => {
  it('says what each kind of cell needs', () => {
    expect(classifyCell('an@gmail.com')).toBe(0);
    expect(classifyCell(' an ')).toBe(EDGE_BLANK);
    expect(classifyCell('Nguyễn Văn An')).toBe(NON_ASCII | UNICODE_VIETNAMESE);
    expect(classifyCell('Hà Nội')).toBe(NON_ASCII | LEGACY_SIGNS | UNICODE_VIETNAMESE);
    expect(classifyCell('NguyÔn V¨n Nam')).toBe(NON_ASCII | LEGACY_SIGNS);
    expect(classifyCell('Nguyá»…n')).toBe(NON_ASCII | LEGACY_SIGNS | NEEDS_NFC);
    expect(classifyCell('Nguyễn'.normalize('NFD')) & (NEEDS_NFC | UNICODE_VIETNAMESE)).toBe(NEEDS_NFC | UNICODE_VIETNAMESE);
    expect(classifyCell('\u200bVõ\u00a0') & EDGE_BLANK).toBe(EDGE_BLANK);
    expect(classifyCell('Ω') & NEEDS_NFC).toBe(NEEDS_NFC);
  });
});
