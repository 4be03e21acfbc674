import { describe, expect, it } from 'vitest';
import { cleanCellText, cleanHeaderText } from './clean-text';

describe('cell text cleaning', () => {
  it('normalises to NFC and trims invisible characters at the edges only', () => {
    expect(cleanCellText('Nguyễn'.normalize('NFD'))).toBe('Nguyễn');
    expect(cleanCellText('\u200b\ufeff Võ Thị Sáu\u00a0\u00ad\u2060')).toBe('Võ Thị Sáu');
    expect(cleanCellText('a\u00a0b')).toBe('a\u00a0b');
    expect(cleanCellText('  plain  ')).toBe('plain');
    expect(cleanCellText('line1\nline2')).toBe('line1\nline2');
  });
  it('folds a header onto one line', () => {
    expect(cleanHeaderText(' Số\r\nđiện   thoại ')).toBe('Số điện thoại');
  });
});
