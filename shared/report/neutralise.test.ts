import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './neutralise';
import { writeReport } from './write';

describe('neutraliseCell', () => {
  it('prefixes an apostrophe to cells Excel would run as formulas, and only to those', () => {
    for (const s of ['=1+1', '+84 912', '-5', '@SUM(A1)', '\t=x', '\r=x']) expect(neutraliseCell(s)).toBe(`'${s}`);
    for (const s of ['', 'Nguyễn An', '0912 345 678', 'a=b', ' =x']) expect(neutraliseCell(s)).toBe(s);
  });
});

describe('writeReport csv', () => {
  it('UTF-8 with BOM, CRLF, quoting where needed, cells neutralised', () => {
    const bytes = writeReport({ name: 'x', header: ['Họ tên', 'Ghi chú'], rows: [['An, Bình', '=cmd|"/c calc"'], ['Châu', 'dòng 1\ndòng 2']] }, 'csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('Họ tên,Ghi chú\r\n"An, Bình","\'=cmd|""/c calc"""\r\nChâu,"dòng 1\ndòng 2"\r\n');
  });
});
