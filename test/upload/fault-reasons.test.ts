/**
 * What a user reads when rows fail, against a real sandbox making each kind of failure: whose fault it is and
 * what to do. A value OMI refuses names its field (as the Mapping screen does) and says to correct it; OMI's own
 * trouble, a timeout or a lost connection say nothing is wrong with the data and to import the failed rows again —
 * and importing them again (same journal, server healthy) lands every row exactly once, as the sentence promises;
 * a refused token says to paste it again on the Connection screen. No sentence carries HTTP statuses, status_codes
 * or the server's English: those are in `detail`. Alike failures read alike (the Results chart groups by the
 * sentence), and each row keeps its own detail through the window's grouping (compactResult).
 */
import { describe, expect, it } from 'vitest';
import { isOmiError, type OmiError } from '../../shared/omi/errors';
import { withDetail } from '../../shared/omi/messages';
import { allOutcomes, compactResult } from '../../shared/upload/compact-result';
import { createMemoryJournal } from '../../shared/upload/journal';
import { buildPlan } from '../../shared/upload/plan';
import type { ImportPlan, ImportResult, RowOutcome } from '../../shared/upload/types';
import { sandboxPerFile } from '../support/sandbox-per-file';
import { clientFor, run } from './harness';
import { expectExactlyOnce, makeRows, type RowsOptions } from './rows';

const sb = sandboxPerFile();

function planOf(tag: string, n: number, rows: RowsOptions = {}, chunkSize = 10, maxRetries = 2): ImportPlan {
  return buildPlan(makeRows(n, rows), {
    fileName: `${tag}.xlsx`, fileFingerprint: `fp-${tag}`, mappingKey: 'm', mode: 'create',
    options: { chunkSize, concurrency: 2, maxRetries },
  });
}

const failedOf = (r: ImportResult): RowOutcome[] => r.outcomes.filter((o) => o.outcome === 'failed');

/** No programmer's words in the sentences: no HTTP status, no status_code, no server English inside the Vietnamese. */
function expectPlain(o: { reason?: { vi: string; en: string } }): void {
  for (const lang of ['vi', 'en'] as const) {
    expect(o.reason?.[lang]).not.toMatch(/HTTP|status_code|\b[45]\d\d\b|5000/);
  }
  expect(o.reason?.vi).not.toMatch(/is not|must be|simulated|access token|nothing was done/);
}

async function rejectionOf(p: Promise<unknown>): Promise<OmiError> {
  try {
    await p;
  } catch (e) {
    if (isOmiError(e)) return e;
    throw e;
  }
  throw new Error('expected an OmiError');
}

describe('a value OMI refuses: the field is named, correct it', () => {
  it('named by addMany: "Phone" field, correct that value; one sentence for all such rows, each its own value in the detail', async () => {
    const plan = planOf('value', 9, { invalidEvery: 3 });
    const result = await run(sb, plan).job.done;
    expectExactlyOnce(plan, result, await sb.contacts());
    const failed = failedOf(result);
    expect(failed).toHaveLength(3);
    for (const o of failed) {
      expect(o.code).toBe('refused');
      expect(o.reason!.en).toMatch(/did not accept the value in the "Phone" field of this row/);
      expect(o.reason!.en).toMatch(/Correct that value in the file/);
      expect(o.reason!.vi).toMatch(/trường "Số điện thoại" của dòng này/);
      expect(o.reason!.vi).toMatch(/Hãy sửa giá trị đó trong tệp/);
      expectPlain(o);
      // The row's own value and the server's words, kept for the report.
      const value = plan.rows.find((r) => r.rowNumber === o.rowNumber)!.contact.phones![0].data;
      expect(o.reason!.detail).toContain(value);
      expect(o.reason!.detail).toMatch(/not a valid phone number/);
    }
    // The chart groups by the sentence: one bar for the three rows. The window's grouping keeps each row's detail.
    expect(new Set(failed.map((o) => o.reason!.en)).size).toBe(1);
    const seen = allOutcomes(compactResult(result)).filter((o) => o.outcome === 'failed');
    expect(new Set(seen.map((o) => o.reason!.detail))).toEqual(new Set(failed.map((o) => o.reason!.detail)));
    expect(withDetail(failed[0].reason!, 'vi')).toMatch(/^OMI không nhận .* \(Chi tiết kỹ thuật: .*số-sai-/);
  });

  it('a batch refused without naming rows: split down to the row, the same sentence, the HTTP status only in the detail', async () => {
    await sb.faults({ addManyErrors: 'no-detail' });
    const plan = planOf('nodetail', 8, { invalidEvery: 4 }, 8);
    const result = await run(sb, plan).job.done;
    expectExactlyOnce(plan, result, await sb.contacts());
    const failed = failedOf(result);
    expect(failed).toHaveLength(2);
    for (const o of failed) {
      expect(o.reason!.en).toMatch(/"Phone" field of this row\. Correct that value in the file, then import the row again\./);
      expectPlain(o);
      expect(o.reason!.detail).toMatch(/^HTTP 400, status_code 400: phones\[0\]\.data is not a valid phone number/);
    }
  });

  it('a custom field\'s value: the contact is created, the custom field is named by its code, and the report route says "Update"', async () => {
    const rows = makeRows(3, { dynamic: true }).map((r, i) => (i === 1 ? { ...r, dynamic: [{ fieldCode: 'nguon_khach', values: [{ data: 'tiktok', type: '', valueType: '' }] }] } : r));
    const plan = buildPlan(rows, { fileName: 'dyn.xlsx', fileFingerprint: 'fp-dyn-bad', mappingKey: 'm', mode: 'create', options: { chunkSize: 10, concurrency: 1, maxRetries: 2 } });
    const result = await run(sb, plan).job.done;
    expect(await sb.contacts()).toHaveLength(3);
    const [o] = failedOf(result);
    expect(o.rowNumber).toBe(rows[1].rowNumber);
    expect(o.code).toBe('attributes');
    expect(o.reason!.en).toMatch(/^The contact was created, but this row's custom fields were not saved\./);
    expect(o.reason!.en).toMatch(/the value in the "nguon_khach \(custom field\)" field of this row\. Correct that value/);
    expect(o.reason!.en).toMatch(/choose the "Update" import mode so the contact is not created twice/);
    expect(o.reason!.vi).toMatch(/trường "nguon_khach \(trường riêng\)"/);
    expect(o.reason!.vi).not.toMatch(/thuộc tính động|chế độ cập nhật/);
    expectPlain(o);
    expect(o.reason!.detail).toMatch(/"tiktok" is not an option/);
  });
});

describe('OMI\'s own trouble: nothing to correct, import the failed rows again — and that works', () => {
  it('status_code 5000 on every call: not blamed on the rows; importing again with the same journal creates each once', async () => {
    await sb.faults({ statusCodeRate: 1 });
    const plan = planOf('sc5000', 4, {}, 4);
    const journal = createMemoryJournal();
    const result = await run(sb, plan, { journal }).job.done;
    expect(await sb.contacts()).toHaveLength(0);
    expect(failedOf(result)).toHaveLength(4);
    for (const o of failedOf(result)) {
      expect(o.code).toBe('gave-up');
      expect(o.reason!.en).toMatch(/OMI had a problem on its side while taking this row/);
      expect(o.reason!.en).toMatch(/Nothing is wrong with the row's data: import the failed rows again/);
      expect(o.reason!.en).not.toMatch(/Correct|Fix|Check the row/);
      expect(o.reason!.vi).toMatch(/Dữ liệu của dòng không có gì sai: hãy nhập lại các dòng thất bại/);
      expectPlain(o);
      expect(o.reason!.detail).toMatch(/HTTP 200, status_code 5000/);
    }
    await sb.faults({ statusCodeRate: 0 });
    const again = await run(sb, plan, { journal }).job.done;
    expectExactlyOnce(plan, again, await sb.contacts());
    expect(again.counts.created).toBe(4);
  });

  it('5xx until retries run out: "the OMI server kept failing", the attempts in the detail', async () => {
    await sb.faults({ errorRate: 1 });
    const plan = planOf('5xx', 3, {}, 3, 1);
    const journal = createMemoryJournal();
    const result = await run(sb, plan, { journal }).job.done;
    expect(failedOf(result)).toHaveLength(3);
    for (const o of failedOf(result)) {
      expect(o.code).toBe('gave-up');
      expect(o.reason!.en).toMatch(/^The OMI server kept failing, so this row could not be imported/);
      expect(o.reason!.en).toMatch(/import the failed rows again/);
      expectPlain(o);
      expect(o.reason!.detail).toMatch(/^\d+ attempts; HTTP 50[023]: simulated server error/);
    }
    await sb.faults({ errorRate: 0 });
    expectExactlyOnce(plan, await run(sb, plan, { journal }).job.done, await sb.contacts());
  });

  it('no answer in time (the server did create the rows): told to import again, which checks first and creates nothing twice', async () => {
    await sb.faults({ timeoutRate: 1 });
    const plan = planOf('timeout', 3, {}, 3, 1);
    const journal = createMemoryJournal();
    const result = await run(sb, plan, { journal, timeoutMs: 300 }).job.done;
    expect(failedOf(result)).toHaveLength(3);
    for (const o of failedOf(result)) {
      expect(o.reason!.en).toMatch(/^OMI did not answer in time, so this row could not be imported/);
      expect(o.reason!.en).toMatch(/Check the Internet connection\. Nothing is wrong with the row's data: import the failed rows again/);
      expect(o.reason!.en).toMatch(/rows already imported are not imported twice/);
      expectPlain(o);
      expect(o.reason!.detail).toMatch(/timeout 300 ms/);
    }
    // The sandbox processed the add before holding its answer: the contacts are there.
    expect(await sb.contacts()).toHaveLength(3);
    await sb.faults({ timeoutRate: 0 });
    const again = await run(sb, plan, { journal }).job.done;
    expectExactlyOnce(plan, again, await sb.contacts());
    expect(again.counts.failed).toBe(0);
  });

  it('the call\'s own sentence for a lost answer says the tool checks OMI before sending again (what the engine does)', async () => {
    await sb.faults({ timeoutRate: 1 });
    const e = await rejectionOf(clientFor(sb, 300).add({ fullName: 'Nguyễn Văn An' }));
    expect(e.kind).toBe('timeout');
    expect(e.maybeProcessed).toBe(true);
    expect(e.text.en).toMatch(/OMI did not answer within 1 s\. OMI may have received this request, so the tool checks OMI before sending it again/);
    expect(e.text.vi).toMatch(/công cụ sẽ kiểm tra trên OMI trước khi gửi lại/);
    expect(e.text.detail).toBe('timeout 300 ms');
  });
});

describe('a refused token: paste it again on the Connection screen', () => {
  it('the rows left say so, and the call\'s sentence keeps HTTP 401 and the server\'s words in the detail', async () => {
    // 3 searches look for an earlier import of the file; the first addMany then meets the refused token.
    await sb.faults({ tokenExpiresAfter: 3 });
    const result = await run(sb, planOf('token', 3, {}, 3)).job.done;
    expect(result.stopped?.code).toBe('credentials');
    const left = result.outcomes.filter((o) => o.outcome === 'skipped');
    expect(left).toHaveLength(3);
    for (const o of left) {
      expect(o.code).toBe('stopped');
      expect(o.reason!.en).toMatch(/Paste the access token again on the Connection screen, then resume the import \(with omi-import: set the --token-env variable again and run with --resume\)/);
      expect(o.reason!.vi).toMatch(/Hãy dán lại mã truy cập ở màn hình Kết nối rồi tiếp tục lần nhập \(với omi-import: đặt lại biến môi trường của --token-env rồi chạy với --resume\)/);
      expectPlain(o);
    }
    const e = await rejectionOf(clientFor(sb).layoutList());
    expect(e.kind).toBe('credentials');
    expect(e.text.vi).toMatch(/^OMI không chấp nhận mã truy cập \(token\)/);
    expect(e.text.vi).not.toMatch(/HTTP|Kết nối rồi tiếp tục|phần Kết nối|access token/);
    expect(e.text.en).not.toMatch(/HTTP/);
    expect(e.text.detail).toBe('HTTP 401: the access token has expired');
    expect(JSON.stringify(e.text)).not.toContain(sb.token);
  });
});
