import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreNeutralisedCell } from './neutralise';
import { writeReport } from './write';

describe('neutraliseCell', () => {
  it('prefixes an apostrophe to cells Excel would run as formulas, and only to those', () => {
    for (const s of ['=1+1', '+84 912', '-5', '@SUM(A1)', '\t=x', '\r=x']) expect(neutraliseCell(s)).toBe(`'${s}`);
    for (const s of ['', 'Nguyễn An', '0912 345 678', 'a=b', ' =x', "'Nguyễn"]) expect(neutraliseCell(s)).toBe(s);
    // Already quoted before a formula character: one more, so the escape can be undone exactly.
    expect(neutraliseCell("'=1+1")).toBe("''=1+1");
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

describe('restoreNeutralisedCell', () => {
  it('gives back exactly what was neutralised, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `'${s}`), fc.constantFrom('=1', "'=1", "''+84", '@a', "'", "'abc")), (s) => {
        expect(restoreNeutralisedCell(neutraliseCell(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves an apostrophe the report did not add: one before ordinary text", () => {
    expect(restoreNeutralisedCell("'Nguyễn")).toBe("'Nguyễn");
    expect(restoreNeutralisedCell("'=SUM(A1)")).toBe('=SUM(A1)');
  });
});
