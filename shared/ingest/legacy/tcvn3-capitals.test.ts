import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeAs, decodeLegacyCell } from './detect';
import { cp1252Char } from './cp1252';

/**
 * A .VnTimeH cell as a user typed it: TCVN3 lowercase codes (iconv-lite's table, another implementation than ours),
 * ASCII letters as capitals (Caps Lock), shown through Windows-1252. Mirrors test/fixtures/legacy-fonts.ts.
 */
function asVnTimeHText(text: string): string {
  const lowered = Array.from(iconv.encode(text.toLowerCase(), 'tcvn'), (b) => cp1252Char(b)).join('');
  return lowered.replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** Syllables of real Vietnamese names (family, middle, given), toned, as people write them. */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Đinh'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thu', 'Hoài', 'Bích', 'Xuân', 'Mỹ', 'Gia'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hòa', 'Hùng', 'Khánh', 'Lan', 'Linh', 'Mai', 'Nam', 'Ngữ', 'Phúc', 'Quỳnh', 'Sơn', 'Thắm', 'Trường', 'Tuấn', 'Việt', 'Yến', 'Ánh', 'Ỷ'];
const PLACES = ['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Thừa Thiên Huế', 'Bà Rịa - Vũng Tàu', 'Cần Thơ', 'Quận 1', 'Phường Bến Nghé'];

const name = fc.tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN)).map((p) => p.join(' '));
const cased = (s: fc.Arbitrary<string>) => fc.tuple(s, fc.constantFrom('as-is', 'upper', 'lower'), fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'))
  .map(([t, c, form]) => (c === 'upper' ? t.toUpperCase() : c === 'lower' ? t.toLowerCase() : t).normalize(form));

describe('.VnTimeH (TCVN3 capital fonts)', () => {
  it('decodes real capital-font strings to Unicode capitals', () => {
    expect(decodeLegacyCell('Hå THU AN')).toEqual({ encoding: 'tcvn3', text: 'HỒ THU AN' });
    expect(decodeLegacyCell('Hµ NéI')).toEqual({ encoding: 'tcvn3', text: 'HÀ NỘI' });
    expect(decodeLegacyCell('NGUYÔN V¡N NAM')).toEqual({ encoding: 'tcvn3', text: 'NGUYỄN VĂN NAM' });
    expect(decodeLegacyCell('NGUYÔN V¨N NAM')).toEqual({ encoding: 'tcvn3', text: 'NGUYỄN VĂN NAM' });
    expect(decodeLegacyCell('PH¹M THÕ Mü')).toEqual({ encoding: 'tcvn3', text: 'PHẠM THẾ MỸ' });
    expect(decodeLegacyCell('§ÆNG V¡N NG÷')).toEqual({ encoding: 'tcvn3', text: 'ĐẶNG VĂN NGỮ' });
    expect(decodeLegacyCell('TR¦êNG §¹I HäC B¸CH KHOA')).toEqual({ encoding: 'tcvn3', text: 'TRƯỜNG ĐẠI HỌC BÁCH KHOA' });
    // The ordinary .VnTime font is unchanged: capitals and lowercase as typed.
    expect(decodeLegacyCell('NguyÔn V¨n Nam')).toEqual({ encoding: 'tcvn3', text: 'Nguyễn Văn Nam' });
  });

  it('turns any name typed in .VnTimeH back into the name in capitals', () => {
    fc.assert(fc.property(fc.oneof(name, fc.constantFrom(...PLACES)), (n) => {
      const legacy = asVnTimeHText(n);
      fc.pre(legacy !== n.toUpperCase()); // no toned or Vietnamese letter: plain ASCII in any font
      // "Lª Mü Hµ" (every word one ASCII capital + TCVN3 codes) is also "Lê Mỹ Hà" in the regular font: see below.
      fc.pre(/[A-Z]{2}/.test(legacy));
      // "Vâ THANH AN" also reads as Vietnamese as it is ("vâ"): such a cell is settled by its column (decodeAs).
      expect(decodeLegacyCell(legacy)?.text ?? decodeAs('tcvn3', legacy)).toBe(n.toUpperCase());
    }), { numRuns: 500 });
  });

  it('reads a cell that is the same in both fonts as the regular font (its column would have to say)', () => {
    expect(decodeLegacyCell('Lª Mü Hµ')).toEqual({ encoding: 'tcvn3', text: 'Lê Mỹ Hà' });
    expect(decodeLegacyCell('Hå')).toEqual({ encoding: 'tcvn3', text: 'Hồ' });
  });

  it('keeps .VnTime (lowercase font) names as typed', () => {
    fc.assert(fc.property(name, (n) => {
      const bytes = iconv.encode(n, 'tcvn');
      // TCVN 5712's VN1 puts a few toned capitals (Ỷ …) in control codes; .VnTime fonts had none: typed with .VnTimeH.
      fc.pre(bytes.every((b) => b >= 0x20));
      const legacy = Array.from(bytes, (b) => cp1252Char(b)).join('');
      fc.pre(legacy !== n);
      expect(decodeLegacyCell(legacy)?.text ?? decodeAs('tcvn3', legacy)).toBe(n);
    }), { numRuns: 300 });
  });

  it('never converts Unicode Vietnamese names and places, in any case or normal form', () => {
    fc.assert(fc.property(cased(fc.oneof(name, fc.constantFrom(...PLACES))), (s) => {
      expect(decodeLegacyCell(s)).toBeUndefined();
    }), { numRuns: 1000 });
  });

  it('never converts English or other Western text', () => {
    const words = ['Café', 'résumé', 'NAÏVE', 'Müller', 'José', 'SÃO PAULO', 'Ångström', 'Crème Brûlée', 'FAÇADE', 'Zoë', 'Hello World', 'iPhone 15 Pro', 'R&D Dept.', 'O\'Brien'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), (ws) => {
      const s = ws.join(' ');
      expect(decodeLegacyCell(s)?.encoding, s).not.toBe('tcvn3');
    }), { numRuns: 500 });
  });
});
