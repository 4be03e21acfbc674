import { describe, expect, it } from 'vitest';
import { replaceAll, titleCase, trimCell } from './cellFixes';

describe('bulk cell fixes', () => {
  it('title-cases Vietnamese names keeping diacritics', () => {
    expect(titleCase('  nguyễn  VĂN   an ')).toBe('Nguyễn Văn An');
    expect(titleCase('đỗ thị-ánh')).toBe('Đỗ Thị-Ánh');
  });
  it('trims and collapses spaces, non-breaking ones too', () => {
    expect(trimCell('\u00a0 0912 345\u00a0\u00a0678  ')).toBe('0912 345 678');
  });
  it('replaces without regard to case unless asked, and says when nothing matched', () => {
    expect(replaceAll('Hà Nội, HÀ NỘI', 'hà nội', 'Hanoi', false)).toBe('Hanoi, Hanoi');
    expect(replaceAll('Hà Nội, HÀ NỘI', 'hà nội', 'Hanoi', true)).toBeNull();
    expect(replaceAll('abc', 'x', 'y', false)).toBeNull();
  });
});
