import { describe, expect, it } from 'vitest';
import { flattenContact } from './flatten';
import type { ContactItem } from './types';

const item = (extra: Partial<ContactItem>): ContactItem => ({
  public_id: 'p1', created_date: 1, last_updated_date: 2, contact_type: 'contact', is_deleted: false, tags: [], attribute_structure: [], ...extra,
});

describe('flattenContact', () => {
  it('reads the spec\'s field codes, a custom attribute and the top-level echoes', () => {
    const flat = flattenContact(item({
      tags: ['Lead'],
      ref_id: 'KH-1',
      business: ['Food'],
      attribute_structure: [
        { field_code: 'full_name', field_type: 'single_text', value: [{ display_value: 'Nguyễn Văn An' }] },
        { field_code: 'gender', field_type: 'radio', value: [{ display_value: 'Nữ' }] },
        { field_code: 'phone_number', field_type: 'phone', value: [{ display_value: '0912345678', data_type: 'personal', value_type: 'Cá nhân' }, { display_value: '0281234567', data_type: 'office', value_type: 'Công ty' }] },
        { field_code: 'mail', field_type: 'email', value: [{ display_value: 'an@example.vn', data_type: 'home', value_type: 'Nhà' }] },
        { field_code: 'note', field_type: 'multi_text', value: [{ display_value: 'dòng 1' }] },
        { field_code: 'more_infomation', field_type: 'customize', value: [{ display_value: 'A', data_type: 'x', value_type: 'y' }, { display_value: 'B' }] },
      ],
    }));
    expect(flat).toMatchObject({
      id: 'p1', refId: 'KH-1', fullName: 'Nguyễn Văn An', gender: 'female', phones: ['0912345678', '0281234567'], emails: ['an@example.vn'],
      note: 'dòng 1', tags: ['Lead'], business: ['Food'], categories: [], dynamic: { more_infomation: ['A', 'B'] }, createdDate: 1, updatedDate: 2,
    });
    expect(flat.phoneValues[1]).toEqual({ data: '0281234567', type: 'office', valueType: 'Công ty' });
  });

  it('tolerates junk entries and leaves an unknown gender out', () => {
    const flat = flattenContact(item({ attribute_structure: [null, { field_code: 'gender', value: [{ display_value: '?' }] }, { value: [] }] as never }));
    expect(flat.gender).toBeUndefined();
    expect(flat.dynamic).toEqual({});
  });
});
