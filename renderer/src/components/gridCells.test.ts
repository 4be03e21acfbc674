import { describe, expect, it } from 'vitest';
import { rowCells } from './gridCells';
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
  it('shows the changed value, marks the worst issue, lets the user edit win and lists every reason', () => {
    const [name, phone, email, gender] = rowCells(row, [0, 1, 2, 3], 'en');
    expect(name).toEqual({ text: 'An', mark: '', title: '' });
    expect(phone).toEqual({ text: '0903111222', mark: 'changed', title: '0903 111 222 → 0903111222: Spaces removed' });
    expect(email.mark).toBe('error');
    expect(email.title).toBe('Email may be wrong → an@gmail.com\nInvalid email');
    // The user's edit is shown as typed, not the tool's change, and the change stays visible on hover.
    expect(gender).toEqual({ text: 'nu', mark: 'edited', title: 'nu → Nữ: Normalised' });
  });

  it('follows the column order it is given and the language', () => {
    const cells = rowCells(row, [2, 0], 'vi');
    expect(cells.map((c) => c.text)).toEqual(['an@gmail', 'An']);
    expect(cells[0].title).toBe('Email có thể sai → an@gmail.com\nEmail không hợp lệ');
  });
});
