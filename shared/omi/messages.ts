/**
 * The sentences an OmiError carries, in Vietnamese and English: what happened and what the importer or the
 * person will do about it, in words an office worker reads. The technical part (HTTP status, status_code, the
 * server's own words) goes in `Bilingual.detail`, never in the sentence: a Vietnamese sentence with an English
 * server message and "HTTP 200, status_code 5000" inside it tells the user nothing. Server text is cleaned first
 * so the token can never appear in one.
 */
import type { Bilingual } from '../text';

/** Removes every occurrence of the token (and Bearer headers) from text that came from elsewhere, and clips it. */
export function scrub(text: string, token: string): string {
  let t = text;
  if (token.length >= 1) t = t.split(token).join('***');
  t = t.replace(/Bearer\s+\S+/gi, 'Bearer ***');
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

/**
 * The technical line kept beside a sentence: "HTTP 400, status_code 400: the server's words". Undefined when
 * there is nothing to say.
 */
export function technical(http?: number, statusCode?: number, server?: string): string | undefined {
  const codes = [http !== undefined ? `HTTP ${http}` : '', statusCode !== undefined ? `status_code ${statusCode}` : ''].filter(Boolean).join(', ');
  const words = server?.trim() ?? '';
  if (codes && words) return `${codes}: ${words}`;
  return codes || words || undefined;
}

/** `b` with `detail` set (when there is one). */
export function detailed(b: Bilingual, detail: string | undefined): Bilingual {
  return detail ? { ...b, detail } : b;
}

/**
 * A sentence followed by its technical detail, for places with room for both (the error report, logs):
 * "… (Chi tiết kỹ thuật: HTTP 400, status_code 400: …)". Just the sentence when there is no detail.
 */
export function withDetail(b: Bilingual, lang: 'vi' | 'en'): string {
  if (!b.detail) return b[lang];
  return lang === 'vi' ? `${b.vi} (Chi tiết kỹ thuật: ${b.detail})` : `${b.en} (Technical details: ${b.detail})`;
}

/** The clause for a request whose answer was lost: it may have been done, and the engine checks before sending again. */
const mayBeDone = {
  vi: ' OMI có thể đã nhận yêu cầu này, nên công cụ sẽ kiểm tra trên OMI trước khi gửi lại: không liên hệ nào bị tạo hai lần.',
  en: ' OMI may have received this request, so the tool checks OMI before sending it again: no contact is created twice.',
};

export const msg = {
  credentials: (http: number, server?: string): Bilingual => detailed({
    vi: 'OMI không chấp nhận mã truy cập (token): mã sai, đã hết hạn hoặc đã bị thu hồi. Hãy dán lại mã truy cập lấy từ trang quản trị OMI ở màn hình Kết nối.',
    en: 'OMI does not accept the access token: it is wrong, expired or revoked. Paste the access token from the OMI admin page again on the Connection screen.',
  }, technical(http, undefined, server)),
  rateLimited: (seconds: number): Bilingual => detailed({
    vi: `OMI đang nhận quá nhiều yêu cầu và đề nghị gửi chậm lại. Công cụ sẽ tự gửi lại sau ${seconds} giây.`,
    en: `OMI is receiving too many requests and asked to slow down. The tool sends again by itself in ${seconds} s.`,
  }, technical(429)),
  tooLarge: (server?: string): Bilingual => detailed({
    vi: 'Lô gửi đi quá lớn để OMI nhận một lần. Công cụ sẽ tự chia thành các lô nhỏ hơn.',
    en: 'The batch is too large for OMI to take at once. The tool splits it into smaller batches by itself.',
  }, technical(413, undefined, server)),
  serverError: (http: number, server?: string): Bilingual => detailed({
    vi: 'Máy chủ OMI đang gặp sự cố (dữ liệu của bạn không có gì sai). Công cụ sẽ tự thử lại.',
    en: 'The OMI server is having trouble (nothing is wrong with your data). The tool tries again by itself.',
  }, technical(http, undefined, server)),
  network: (detail: string, maybeProcessed: boolean): Bilingual => detailed({
    vi: `Mất kết nối tới OMI.${maybeProcessed ? mayBeDone.vi : ' Hãy kiểm tra mạng Internet; công cụ sẽ tự thử lại.'}`,
    en: `The connection to OMI was lost.${maybeProcessed ? mayBeDone.en : ' Check the Internet connection; the tool tries again by itself.'}`,
  }, detail),
  timeout: (ms: number): Bilingual => detailed({
    vi: `OMI không trả lời trong ${Math.max(1, Math.round(ms / 1000))} giây.${mayBeDone.vi}`,
    en: `OMI did not answer within ${Math.max(1, Math.round(ms / 1000))} s.${mayBeDone.en}`,
  }, `timeout ${ms} ms`),
  aborted: (): Bilingual => ({ vi: 'Đã huỷ yêu cầu tới OMI.', en: 'The request to OMI was cancelled.' }),
  malformed: (what: string): Bilingual => detailed({
    vi: `OMI trả lời bằng nội dung không đọc được.${mayBeDone.vi}`,
    en: `OMI answered with something that cannot be read.${mayBeDone.en}`,
  }, what),
  /** A call refused without row detail. The server's words, when it gave some, follow in their own frame. */
  rejected: (http: number, statusCode: number | undefined, server?: string): Bilingual => detailed({
    vi: `OMI không nhận yêu cầu này${server ? ` (OMI trả lời: "${server}")` : ''}.`,
    en: `OMI did not accept this request${server ? ` (OMI said: "${server}")` : ''}.`,
  }, technical(http, statusCode)),
  notFound: (): Bilingual => detailed({
    vi: 'Địa chỉ này không có API OMI. Hãy kiểm tra lại địa chỉ API (lấy từ trang quản trị OMI).',
    en: 'There is no OMI API at this address. Check the API address (from the OMI admin page).',
  }, technical(404)),
  webPage: (): Bilingual => ({
    vi: 'Địa chỉ này trả về một trang web, không phải API OMI. Hãy kiểm tra lại địa chỉ API (lấy từ trang quản trị OMI).',
    en: 'This address answered with a web page, not the OMI API. Check the API address (from the OMI admin page).',
  }),
  rowsRejected: (n: number, total: number): Bilingual => ({
    vi: `OMI không nhận ${n} trong ${total} dòng của lô; lý do được ghi ở từng dòng.`,
    en: `OMI did not accept ${n} of the ${total} rows in the batch; each row says why.`,
  }),
  batchRejected: (total: number, server?: string, http?: number, statusCode?: number): Bilingual => detailed({
    vi: `OMI không nhận lô ${total} dòng và không nói dòng nào có vấn đề. Công cụ sẽ gửi từng phần nhỏ hơn để tìm ra các dòng đó.`,
    en: `OMI did not accept the batch of ${total} rows and did not say which rows were the problem. The tool sends smaller parts to find them.`,
  }, technical(http, statusCode, server)),
};
