import { describe, expect, it } from 'vitest';
import { decodeVni } from './vni';
import { VNI_PAIRS, VNI_SINGLES } from './vni-table';

describe('VNI-Windows', () => {
  it('covers every Vietnamese letter with a mark, lower and upper case', () => {
    const letters = 'áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ';
    const produced = new Set([...Object.values(VNI_PAIRS), ...Object.values(VNI_SINGLES), 'í', 'ì', 'ơ', 'ư']);
    for (const ch of letters) expect(produced.has(ch), ch).toBe(true);
  });

  it('decodes names as VNI-Times users typed them', () => {
    expect(decodeVni('Nguyeãn Vaên Nam')).toBe('Nguyễn Văn Nam');
    expect(decodeVni('Ñoã Minh Ñöùc')).toBe('Đỗ Minh Đức');
    expect(decodeVni('PHAÏM VAÊN HUØNG')).toBe('PHẠM VĂN HÙNG');
    expect(decodeVni('Tröôøng Ñaïi hoïc')).toBe('Trường Đại học');
    expect(decodeVni('Nguyeãn Thò Lan')).toBe('Nguyễn Thị Lan');
    expect(decodeVni('Lyù Thò Thuûy')).toBe('Lý Thị Thủy');
  });

  it('leaves plain ASCII alone', () => {
    expect(decodeVni('Nguyen Van Nam 0912345678')).toBe('Nguyen Van Nam 0912345678');
  });
});
