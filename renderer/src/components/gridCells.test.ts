import { describe, expect, it } from 'vitest';
import { cellReasons, mayOverflow, rowCells, UNCLIPPED_MAX_CHARS } from './gridCells';
import type { GridRow } from '../workers/protocol';

const row: GridRow = {
  rowIndex: 4,
  rowNumber: 6,
  status: 'invalid',
  cells: ['An', '0903 111 222', 'an@gmail', 'nu'],
  issues: [
    { column: 2, severity: 'warning', code: 'email.typo', message: { vi: 'Email có thể sai', en: 'Email may be wrong' }, suggestion: 'an@gmail.com' },
    { column: 2, severity: 'error', code: 'email.invalid', message: { vi: 'Email không hợp lệ', en: 'Invalid email' } },
    { column: null, severity: 'warning', code: 'row.note', message: { vi: 'Dòng', en: 'Row' } },
  ],
  changes: [
    { column: 1, before: '0903 111 222', after: '0903111222', code: 'phone.spaces', reason: { vi: 'Bỏ dấu cách', en: 'Spaces removed' } },
    { column: 3, before: 'nu', after: 'Nữ', code: 'gender', reason: { vi: 'Chuẩn hoá', en: 'Normalised' } },
  ],
  edited: [3],
};

describe('rowCells', () => {
  it('shows the changed value, marks the worst issue, lets the user edit win and counts every reason', () => {
    const [name, phone, email, gender] = rowCells(row, [0, 1, 2, 3]);
    expect(name).toEqual({ text: 'An', mark: '', reasons: 0, clip: false });
    expect(phone).toEqual({ text: '0903111222', mark: 'changed', reasons: 1, clip: false });
    // The row-level issue (column null) belongs to no cell.
    expect(email).toEqual({ text: 'an@gmail', mark: 'error', reasons: 2, clip: false });
    // The user's edit is shown as typed, not the tool's change, and the change still counts as a reason.
    expect(gender).toEqual({ text: 'nu', mark: 'edited', reasons: 1, clip: false });
  });

  it('clips only text that may not fit: long values, wide scripts, control characters', () => {
    expect(mayOverflow('W'.repeat(UNCLIPPED_MAX_CHARS))).toBe(false);
    expect(mayOverflow('W'.repeat(UNCLIPPED_MAX_CHARS + 1))).toBe(true);
    expect(mayOverflow('Lê Văn Mạnh')).toBe(false);
    expect(mayOverflow('12 Lê Lợi, P. Bến Nghé, Q.1')).toBe(true);
    expect(mayOverflow('李小龍')).toBe(true);
    expect(mayOverflow('An 😀')).toBe(true);
    expect(mayOverflow('a\tb')).toBe(true);
    const long = { ...row, cells: ['Nguyễn Thị Minh Khai Phường 5'] };
    expect(rowCells(long, [0])[0].clip).toBe(true);
  });

  it('marks a cell kept as typed, unless an issue or the user\'s own edit says more', () => {
    const kept: GridRow = { ...row, cells: ['nguyễn an', '01662345678'], issues: [], changes: [], edited: [], kept: [{ column: 0, codes: ['name.title-case'] }, { column: 1, codes: ['phone.2018-conversion'] }] };
    expect(rowCells(kept, [0, 1])).toEqual([
      { text: 'nguyễn an', mark: 'kept', reasons: 1, clip: false },
      { text: '01662345678', mark: 'kept', reasons: 1, clip: false },
    ]);
    const invalid: GridRow = { ...kept, issues: [{ column: 1, severity: 'warning', code: 'cell.kept-original', message: { vi: 'Không hợp lệ', en: 'Not valid' } }] };
    expect(rowCells(invalid, [1])[0]).toMatchObject({ mark: 'warning', reasons: 2 });
    expect(rowCells({ ...kept, edited: [0] }, [0])[0].mark).toBe('edited');
    expect(rowCells({ ...kept, kept: [{ column: 0, codes: [] }] }, [0])[0]).toMatchObject({ mark: '', reasons: 0 });
    expect(cellReasons(kept, 1, 'en')).toEqual([{ kind: 'kept', codes: ['phone.2018-conversion'] }]);
  });

  it('follows the column order it is given', () => {
    expect(rowCells(row, [2, 0]).map((c) => c.text)).toEqual(['an@gmail', 'An']);
  });
});

describe('cellReasons', () => {
  it('lists errors before warnings, with the suggestion, in the language asked for', () => {
    expect(cellReasons(row, 2, 'en')).toEqual([
      { kind: 'error', message: 'Invalid email' },
      { kind: 'warning', message: 'Email may be wrong', suggestion: 'an@gmail.com' },
    ]);
    expect(cellReasons(row, 2, 'vi').map((r) => ('message' in r ? r.message : ''))).toEqual(['Email không hợp lệ', 'Email có thể sai']);
  });

  it('puts an issue\'s technical detail after its sentence, in either language', () => {
    const detailed: GridRow = { ...row, issues: [{ column: 0, severity: 'error', code: 'omi.refused', message: { vi: 'OMI từ chối', en: 'OMI refused', detail: 'HTTP 422' } }] };
    expect(cellReasons(detailed, 0, 'vi')).toEqual([{ kind: 'error', message: 'OMI từ chối (HTTP 422)' }]);
    expect(cellReasons(detailed, 0, 'en')).toEqual([{ kind: 'error', message: 'OMI refused (HTTP 422)' }]);
  });

  it('lists each automatic change before → after with its reason, even when the user edited the cell', () => {
    expect(cellReasons(row, 1, 'en')).toEqual([{ kind: 'change', before: '0903 111 222', after: '0903111222', message: 'Spaces removed' }]);
    expect(cellReasons(row, 3, 'vi')).toEqual([{ kind: 'change', before: 'nu', after: 'Nữ', message: 'Chuẩn hoá' }]);
    expect(cellReasons(row, 0, 'en')).toEqual([]);
  });
});
