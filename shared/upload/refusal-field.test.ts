import { describe, expect, it } from 'vitest';
import { customFieldLabel, refusedField, SOME_CUSTOM_FIELD } from './refusal-field';

const LABELS = {
  dia_chi_giao: { vi: 'Địa chỉ giao hàng', en: 'Địa chỉ giao hàng' },
  hang_the: { vi: 'Hạng thẻ', en: 'Card tier' },
};

describe('customFieldLabel: a custom field as the user knows it', () => {
  it('its catalog name in each language, else its code', () => {
    expect(customFieldLabel('dia_chi_giao', LABELS)).toEqual({ vi: 'Địa chỉ giao hàng (trường riêng)', en: 'Địa chỉ giao hàng (custom field)' });
    expect(customFieldLabel('hang_the', LABELS)).toEqual({ vi: 'Hạng thẻ (trường riêng)', en: 'Card tier (custom field)' });
    expect(customFieldLabel('ngay_sinh', LABELS)).toEqual({ vi: 'ngay_sinh (trường riêng)', en: 'ngay_sinh (custom field)' });
    expect(customFieldLabel('ngay_sinh')).toEqual({ vi: 'ngay_sinh (trường riêng)', en: 'ngay_sinh (custom field)' });
  });

  it('a name given in one language only serves both; a blank name, or a code that is an Object key, falls back to the code', () => {
    expect(customFieldLabel('a', { a: { vi: 'Ghi chú nội bộ', en: ' ' } }).en).toBe('Ghi chú nội bộ (custom field)');
    expect(customFieldLabel('a', { a: { vi: '', en: 'Internal note' } }).vi).toBe('Internal note (trường riêng)');
    expect(customFieldLabel('a', { a: { vi: '  ', en: '' } }).vi).toBe('a (trường riêng)');
    expect(customFieldLabel('constructor', {}).en).toBe('constructor (custom field)');
  });
});

describe('refusedField with the plan\'s custom field names', () => {
  it('otherDynamicUpdates[i]: the name of the i-th field the row sent', () => {
    const said = 'otherDynamicUpdates[1].values[0].data "abc" is not a date (yyyy-mm-dd, dd/mm/yyyy or ms)';
    expect(refusedField(said, ['hang_the', 'dia_chi_giao'], LABELS)).toEqual({ vi: 'Địa chỉ giao hàng (trường riêng)', en: 'Địa chỉ giao hàng (custom field)' });
    expect(refusedField(said, ['dia_chi_giao', 'hang_the'], LABELS)?.en).toBe('Card tier (custom field)');
  });

  it('fieldCode "x" in the message: that field\'s name', () => {
    expect(refusedField('otherDynamicUpdates[0].fieldCode "hang_the" is not a dynamic attribute of this account', [], LABELS)?.vi).toBe('Hạng thẻ (trường riêng)');
  });

  it('without names (a plan or journal from before): the code, as before; without the code either: "a custom field"', () => {
    const said = 'otherDynamicUpdates[0].values[0].data "x" is not a number';
    expect(refusedField(said, ['so_don'])?.en).toBe('so_don (custom field)');
    expect(refusedField(said, ['so_don'], LABELS)?.en).toBe('so_don (custom field)');
    expect(refusedField(said, [], LABELS)).toBe(SOME_CUSTOM_FIELD);
  });

  it('a contact field is still named by the Mapping screen\'s label, whatever the custom field names', () => {
    expect(refusedField('phones[0].data is not a valid phone number: "abc"', ['dia_chi_giao'], LABELS)?.en).toBe('Phone');
  });
});
