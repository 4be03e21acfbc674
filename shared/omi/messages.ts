/**
 * The sentences an OmiError carries, in Vietnamese and English: what happened and what the importer or the
 * person should do. Server text is cleaned first so the token can never appear in one.
 */
import type { Bilingual } from '../text';

/** Removes every occurrence of the token (and Bearer headers) from text that came from elsewhere, and clips it. */
export function scrub(text: string, token: string): string {
  let t = text;
  if (token.length >= 1) t = t.split(token).join('***');
  t = t.replace(/Bearer\s+\S+/gi, 'Bearer ***');
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

const suffix = (server: string | undefined) => (server ? ` (${server})` : '');

export const msg = {
  credentials: (http: number, server?: string): Bilingual => ({
    vi: `OMI không chấp nhận token (HTTP ${http})${suffix(server)}. Hãy kiểm tra hoặc nhập lại token trong phần Kết nối rồi tiếp tục.`,
    en: `OMI refused the token (HTTP ${http})${suffix(server)}. Check or re-enter the token under Connection, then continue.`,
  }),
  rateLimited: (seconds: number): Bilingual => ({
    vi: `OMI báo đang gửi quá nhanh (HTTP 429). Sẽ thử lại sau ${seconds} giây.`,
    en: `OMI says requests are coming too fast (HTTP 429). Retrying after ${seconds} s.`,
  }),
  tooLarge: (server?: string): Bilingual => ({
    vi: `Lô gửi đi quá lớn với OMI (HTTP 413)${suffix(server)}. Hãy giảm số dòng mỗi lô.`,
    en: `The batch is too large for OMI (HTTP 413)${suffix(server)}. Send fewer rows per batch.`,
  }),
  serverError: (http: number, server?: string): Bilingual => ({
    vi: `Máy chủ OMI gặp lỗi (HTTP ${http})${suffix(server)}. Sẽ thử lại sau ít phút.`,
    en: `The OMI server failed (HTTP ${http})${suffix(server)}. It will be retried shortly.`,
  }),
  network: (detail: string, maybeProcessed: boolean): Bilingual => ({
    vi: `Mất kết nối tới OMI (${detail}).${maybeProcessed ? ' Yêu cầu có thể đã được xử lý: cần kiểm tra trước khi gửi lại.' : ' Hãy kiểm tra mạng; sẽ thử lại.'}`,
    en: `Lost the connection to OMI (${detail}).${maybeProcessed ? ' The request may have been processed: check before sending it again.' : ' Check the network; it will be retried.'}`,
  }),
  timeout: (ms: number): Bilingual => ({
    vi: `OMI không trả lời trong ${Math.round(ms / 1000)} giây. Yêu cầu có thể đã được xử lý: cần kiểm tra trước khi gửi lại.`,
    en: `OMI did not answer within ${Math.round(ms / 1000)} s. The request may have been processed: check before sending it again.`,
  }),
  aborted: (): Bilingual => ({ vi: 'Đã huỷ yêu cầu tới OMI.', en: 'The request to OMI was cancelled.' }),
  malformed: (what: string): Bilingual => ({
    vi: `OMI trả lời không đúng định dạng (${what}). Yêu cầu có thể đã được xử lý: cần kiểm tra trước khi gửi lại.`,
    en: `OMI's answer was not in the expected format (${what}). The request may have been processed: check before sending it again.`,
  }),
  rejected: (http: number, statusCode: number | undefined, server?: string): Bilingual => ({
    vi: `OMI từ chối yêu cầu (HTTP ${http}${statusCode !== undefined ? `, status_code ${statusCode}` : ''})${suffix(server)}.`,
    en: `OMI refused the request (HTTP ${http}${statusCode !== undefined ? `, status_code ${statusCode}` : ''})${suffix(server)}.`,
  }),
  notFound: (): Bilingual => ({
    vi: 'Địa chỉ này không có API OMI (HTTP 404). Hãy kiểm tra lại địa chỉ API trong phần Kết nối.',
    en: 'There is no OMI API at this address (HTTP 404). Check the API address under Connection.',
  }),
  webPage: (): Bilingual => ({
    vi: 'Địa chỉ này trả về một trang web, không phải API OMI. Hãy kiểm tra lại địa chỉ API trong phần Kết nối.',
    en: 'This address answered with a web page, not the OMI API. Check the API address under Connection.',
  }),
  rowsRejected: (n: number, total: number): Bilingual => ({
    vi: `OMI từ chối ${n}/${total} dòng trong lô; xem lý do của từng dòng.`,
    en: `OMI refused ${n} of ${total} rows in the batch; see each row's reason.`,
  }),
  batchRejected: (total: number, server?: string): Bilingual => ({
    vi: `OMI từ chối cả lô ${total} dòng mà không nói dòng nào sai${suffix(server)}. Hãy chia nhỏ lô để tìm dòng lỗi.`,
    en: `OMI refused the whole batch of ${total} rows without naming the bad rows${suffix(server)}. Split the batch to find them.`,
  }),
};
