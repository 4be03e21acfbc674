import { describe, expect, it } from 'vitest';
import { OmiError } from '../omi/errors';
import { msg } from '../omi/messages';
import { attributesNotWritten, cancelledBefore, codeOf, gaveUp, refusalFault, refusalOf, refusedByServer, stoppedCredentials } from './reasons';
import { refusedField } from './refusal-field';

const rejected = (httpStatus: number, statusCode: number | undefined, serverMessage?: string) =>
  new OmiError({ kind: 'rejected', httpStatus, statusCode, serverMessage, text: msg.rejected(httpStatus, statusCode, serverMessage) });

describe('refusalFault: whose fault a refusal is, from its codes', () => {
  it.each([
    [400, 400, 'data'], [422, undefined, 'data'], [200, 400, 'data'], [200, 4001, 'data'], [409, 409, 'data'],
    [200, 5000, 'server'], [200, 503, 'server'], [500, undefined, 'server'], [200, 429, 'server'], [200, 408, 'server'],
    [200, 1, 'unknown'], [200, undefined, 'unknown'], [200, 7000, 'unknown'],
  ] as const)('HTTP %s, status_code %s → %s', (httpStatus, statusCode, fault) => {
    expect(refusalFault({ httpStatus, statusCode })).toBe(fault);
  });
});

describe('refusedField: the field a server message is about, as the Mapping screen names it', () => {
  it.each([
    ['phones[0].data is not a valid phone number: "abc"', 'Phone'],
    ['emails[1].data is not a valid e-mail address: "an@"', 'Email'],
    ['userOwnerEmail is not a valid e-mail address: "x"', 'Owner (staff email)'],
    ['gender must be one of male, female, other, got "nam"', 'Gender'],
    ['filterContacts[0].index 9 is not a status of funnel "Phễu"', 'Funnel status'],
    ['invalid e-mail address', 'Email'],
    ['Số điện thoại không hợp lệ', 'Phone'],
    ['otherDynamicUpdates[0].fieldCode "ngay_sinh" is not a dynamic attribute', 'ngay_sinh (custom field)'],
  ])('%s → %s', (message, label) => {
    expect(refusedField(message)?.en).toBe(label);
  });

  it('names a custom field by the code the row sent at that position, and nothing when no field is named', () => {
    expect(refusedField('otherDynamicUpdates[1].values[0].data "x" is not a date', ['a', 'ngay_sinh'])?.vi).toBe('ngay_sinh (trường riêng)');
    expect(refusedField('something went wrong')).toBeUndefined();
  });
});

describe('a refused custom field named by its catalog name (ImportPlan.fieldLabels)', () => {
  const labels = { dia_chi_giao: { vi: 'Địa chỉ giao hàng', en: 'Địa chỉ giao hàng' } };
  const said = 'otherDynamicUpdates[0].values[0].data "x" is not a date';

  it('refusalOf and refusedByServer name the field as the user chose it; the server\'s words stay in the detail', () => {
    for (const r of [refusalOf(rejected(400, 400, said), ['dia_chi_giao'], labels), refusedByServer(said, ['dia_chi_giao'], labels)]) {
      expect(r.vi).toMatch(/^OMI không nhận giá trị ở trường "Địa chỉ giao hàng \(trường riêng\)" của dòng này\. Hãy sửa giá trị đó/);
      expect(r.en).toMatch(/^OMI did not accept the value in the "Địa chỉ giao hàng \(custom field\)" field of this row\. Correct that value/);
      expect(r.vi).not.toContain('dia_chi_giao');
      expect(r.detail).toContain('is not a date');
      expect(codeOf(r)).toBe('refused');
    }
    expect(attributesNotWritten(refusalOf(rejected(400, 400, said), ['dia_chi_giao'], labels)).en).toMatch(/"Địa chỉ giao hàng \(custom field\)" field/);
  });

  it('without names (a resumed import planned before): the code, as before', () => {
    expect(refusalOf(rejected(400, 400, said), ['dia_chi_giao']).en).toMatch(/the "dia_chi_giao \(custom field\)" field/);
  });
});

describe('row reasons', () => {
  it('a refused value: the field and "correct it"; the same sentence for any value, the value in the detail', () => {
    const a = refusedByServer('phones[0].data is not a valid phone number: "abc"');
    const b = refusalOf(rejected(400, 400, 'phones[0].data is not a valid phone number: "xyz"'));
    expect(a.en).toBe(b.en);
    expect(a.vi).toBe(b.vi);
    expect(a.en).toMatch(/"Phone" field of this row\. Correct that value in the file/);
    expect(a.detail).toContain('"abc"');
    expect(b.detail).toBe('HTTP 400, status_code 400: phones[0].data is not a valid phone number: "xyz"');
    expect(codeOf(a)).toBe('refused');
  });

  it('OMI\'s trouble is never the row\'s: no "correct", import again', () => {
    const r = refusalOf(rejected(200, 5000, 'simulated failure'));
    expect(r.en).toMatch(/Nothing is wrong with the row's data: import the failed rows again/);
    expect(r.en).not.toMatch(/Correct|5000|HTTP/);
    expect(codeOf(r)).toBe('gave-up');
  });

  it('no reason and no telling code: import again first, then check the values', () => {
    const r = refusalOf(rejected(200, undefined));
    expect(r.en).toMatch(/gave no reason\. Import the failed rows again; if this row is still not accepted, check its values/);
  });

  it('gave up: one sentence per kind of trouble whatever the attempts and status, those in the detail', () => {
    const e502 = new OmiError({ kind: 'retryable', httpStatus: 502, text: msg.serverError(502) });
    const e500 = new OmiError({ kind: 'retryable', httpStatus: 500, text: msg.serverError(500) });
    const net = new OmiError({ kind: 'retryable', text: msg.network('ECONNRESET', true), maybeProcessed: true });
    expect(gaveUp(3, e502).en).toBe(gaveUp(9, e500).en);
    expect(gaveUp(3, e502).detail).toBe('3 attempts; HTTP 502');
    expect(gaveUp(3, net).en).toMatch(/^The connection to OMI kept failing, so this row could not be imported.*Check the Internet connection/);
    expect(gaveUp(3, net).en).not.toBe(gaveUp(3, e502).en);
  });

  it('custom fields not saved: after a cancel or a refused token, resume; after a refused value, correct it', () => {
    expect(attributesNotWritten(cancelledBefore).en).toMatch(/stopped before this row's custom fields were saved\. Resume the import/);
    expect(attributesNotWritten(stoppedCredentials).en).toMatch(/Resume the import/);
    const v = attributesNotWritten(refusedByServer('otherDynamicUpdates[0].values[0].data "x" is not a date'));
    expect(v.en).toMatch(/^The contact was created, but this row's custom fields were not saved\. OMI did not accept the value in a custom field of this row\. Correct that value/);
    expect(v.detail).toContain('is not a date');
    expect(codeOf(v)).toBe('attributes');
  });
});
