import { describe, expect, it } from 'vitest';
import type { PreparedRow } from '../prepare/types';
import { buildTargetCatalog } from '../mapping/catalog';
import { buildPlan, customFieldLabels, fingerprintBytes, generatedRefId } from './plan';

const row = (rowNumber: number, status: PreparedRow['status'], refId?: string): PreparedRow => ({
  rowNumber, status, issues: [], changes: [], dynamic: [],
  contact: { fullName: `Khách ${rowNumber}`, phones: [{ data: '0912345678', type: 'personal', valueType: 'Cá nhân' }], tags: ['A'], refCode: 'X', ...(refId ? { refId } : {}) },
});

describe('fingerprintBytes', () => {
  it('is stable, sensitive to every byte and to length', () => {
    const a = new TextEncoder().encode('Họ tên,SĐT\nAn,0912\n');
    expect(fingerprintBytes(a)).toBe(fingerprintBytes(a.slice()));
    const b = a.slice();
    b[5] ^= 1;
    expect(fingerprintBytes(b)).not.toBe(fingerprintBytes(a));
    expect(fingerprintBytes(new Uint8Array([0]))).not.toBe(fingerprintBytes(new Uint8Array([0, 0])));
    expect(fingerprintBytes(a)).toMatch(/^[0-9a-f]{16}-[0-9a-z]+$/);
  });
});

describe('buildPlan', () => {
  it('keeps only valid rows; refIds: own when present, generated otherwise', () => {
    const plan = buildPlan([row(2, 'valid'), row(3, 'invalid'), row(4, 'duplicate'), row(5, 'valid', 'KH-5')], {
      fileName: 'a.xlsx', fileFingerprint: 'fp', mappingKey: 'm', mode: 'create', options: { chunkSize: 7 },
    });
    expect(plan.rows.map((r) => r.rowNumber)).toEqual([2, 5]);
    expect(plan.rows[0]).toMatchObject({ refId: generatedRefId('fp', 2), refIdGenerated: true });
    expect(plan.rows[0].contact.refId).toBe(plan.rows[0].refId);
    expect(plan.rows[1]).toMatchObject({ refId: 'KH-5', refIdGenerated: false });
    expect(plan.options).toEqual({ chunkSize: 7, concurrency: 2, maxRetries: 8 });
    expect(plan.rows[0].update).toBeUndefined();
  });

  it('refIdColumn: false ignores refIds in the rows', () => {
    const plan = buildPlan([row(5, 'valid', 'KH-5')], { fileName: 'a', fileFingerprint: 'fp', mappingKey: 'm', mode: 'create', refIdColumn: false });
    expect(plan.rows[0].refIdGenerated).toBe(true);
  });

  it('update / upsert rows carry an update body identified by refId, without fields update does not take', () => {
    const plan = buildPlan([{ ...row(2, 'valid', 'KH-2'), dynamic: [{ fieldCode: 'ngay_sinh', values: [{ data: '1990-01-02', type: '', valueType: '' }] }] }], {
      fileName: 'a', fileFingerprint: 'fp', mappingKey: 'm', mode: 'upsert',
    });
    expect(plan.rows[0].update).toEqual({
      refId: 'KH-2', fullName: 'Khách 2', phones: [{ data: '0912345678', type: 'personal', valueType: 'Cá nhân' }], tags: ['A'],
      otherDynamicUpdates: [{ fieldCode: 'ngay_sinh', values: [{ data: '1990-01-02', type: '', valueType: '' }] }],
    });
  });

  it('the importId depends on file, mapping and mode', () => {
    const ids = new Set(
      (['create', 'update'] as const).flatMap((mode) => ['fp1', 'fp2'].flatMap((fp) => ['m1', 'm2'].map((m) =>
        buildPlan([], { fileName: 'a', fileFingerprint: fp, mappingKey: m, mode }).importId))),
    );
    expect(ids.size).toBe(8);
  });

  it('carries the names of the custom fields the mapping writes (none: no field, as plans made before)', () => {
    const attr = (fieldCode: string, name: string) => ({ fieldCode, name, fieldType: 'text', options: [], raw: {} });
    const catalog = buildTargetCatalog([attr('dia_chi_giao', 'Địa chỉ giao hàng'), attr('ma_cu', 'ma_cu'), attr('hang_the', 'Hạng thẻ'), attr('trong', '')], []);
    const labels = customFieldLabels([
      { target: 'dynamic:dia_chi_giao' }, { target: 'fullName' }, { target: 'dynamic:ma_cu' }, { target: 'dynamic:trong' }, { target: 'dynamic:xoa_roi' },
    ], catalog);
    // Only the mapped fields; one catalog name for both languages; no name of its own, or gone from the catalog: left out.
    expect(labels).toEqual({ dia_chi_giao: { vi: 'Địa chỉ giao hàng', en: 'Địa chỉ giao hàng' } });
    const plan = buildPlan([row(2, 'valid')], { fileName: 'a', fileFingerprint: 'fp', mappingKey: 'm', mode: 'create', fieldLabels: labels });
    expect(plan.fieldLabels).toEqual(labels);
    expect(plan.importId).toBe(buildPlan([], { fileName: 'a', fileFingerprint: 'fp', mappingKey: 'm', mode: 'create' }).importId);
    expect(buildPlan([row(2, 'valid')], { fileName: 'a', fileFingerprint: 'fp', mappingKey: 'm', mode: 'create', fieldLabels: {} })).not.toHaveProperty('fieldLabels');
  });
});
