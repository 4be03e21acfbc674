import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cp1252Char } from './cp1252';
import { decodeTcvn3 } from './tcvn3';
import { TCVN3_BYTES } from './tcvn3-table';

describe('TCVN3 table', () => {
  it('agrees with iconv-lite\'s TCVN 5712 table on every byte 0x80–0xFF', () => {
    for (let b = 0x80; b <= 0xff; b++) {
      const ours = decodeTcvn3(cp1252Char(b));
      expect(ours, `byte 0x${b.toString(16)}`).toBe(iconv.decode(Buffer.from([b]), 'tcvn'));
    }
    expect(TCVN3_BYTES.length).toBeGreaterThan(100);
  });

  it('decodes whole names written with .VnTime fonts', () => {
    for (const name of ['Nguyễn Văn Nam', 'Trần Thị Thu Hà', 'Đặng Thị Mai', 'Trường Đại học Bách khoa Hà Nội', 'Phạm Ngọc Ánh']) {
      const legacy = Array.from(iconv.encode(name, 'tcvn'), (b) => cp1252Char(b)).join('');
      expect(legacy).not.toBe(name);
      expect(decodeTcvn3(legacy).normalize('NFC')).toBe(name);
    }
    expect(decodeTcvn3('NguyÔn V¨n Nam')).toBe('Nguyễn Văn Nam');
  });
});
