import { describe, expect, it } from 'vitest';
import { decodeLegacyCell } from './detect';
import { decodeMojibake1252 } from './mojibake';
import { isVietnameseSyllable } from './syllable';

describe('legacy Vietnamese in a cell', () => {
  it('recognises each encoding and decodes to NFC Unicode', () => {
    expect(decodeLegacyCell('NguyÔn V¨n Nam')).toEqual({ encoding: 'tcvn3', text: 'Nguyễn Văn Nam' });
    expect(decodeLegacyCell('TrÇn ThÞ Thu Hµ')).toEqual({ encoding: 'tcvn3', text: 'Trần Thị Thu Hà' });
    expect(decodeLegacyCell('Nguyeãn Vaên Nam')).toEqual({ encoding: 'vni', text: 'Nguyễn Văn Nam' });
    expect(decodeLegacyCell('Nguyá»…n VÄƒn Nam')).toEqual({ encoding: 'mojibake-1252', text: 'Nguyễn Văn Nam' });
  });

  it('leaves real Unicode Vietnamese, foreign names and plain text alone', () => {
    for (const s of ['Nguyễn Văn Nam', 'Hoàng Thị Ánh', 'José Müller', 'François Côté', 'Café 5 ★', 'abc@gmail.com', '0912345678', 'Hà Nội, Việt Nam', 'ĐẶNG THỊ MAI']) {
      expect(decodeLegacyCell(s), s).toBeUndefined();
    }
    expect(decodeLegacyCell('Nguyễn Văn Nam'.normalize('NFD'))).toBeUndefined();
  });

  it('knows Vietnamese syllables from letter soup', () => {
    for (const w of ['Nguyễn', 'nghiêng', 'khuya', 'gì', 'Trường', 'quốc', 'ĐỨC', 'oanh', 'thuở']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['nguyôn', 'vaên', 'nguyeãn', 'müller', 'josé', 'ngoc̃̃']) expect(isVietnameseSyllable(w), w).toBe(false);
  });

  it('undoes mojibake only when the bytes really are UTF-8', () => {
    expect(decodeMojibake1252('Tráº§n')).toBe('Trần');
    expect(decodeMojibake1252('Ãbc')).toBeUndefined();
    expect(decodeMojibake1252('plain')).toBeUndefined();
  });
});
