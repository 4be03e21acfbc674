/**
 * Sentences the upload engine attaches to rows (Vietnamese first, English). Each says what happened to the row,
 * whose fault it is and what to do: a value OMI refused → correct that value (the field named as the Mapping
 * screen names it); OMI's own trouble, a rate limit, a timeout → nothing to correct, import the failed rows again.
 * Alike failures get the very same sentence, so the Results chart groups them; what differs from row to row (the
 * server's words, HTTP status, status_code, attempts) goes in `detail`. They never contain the token.
 */
import type { Bilingual } from '../text';
import type { OmiError } from '../omi/errors';
import { detailed, technical } from '../omi/messages';
import { refusedField, SOME_CUSTOM_FIELD, type FieldLabels } from './refusal-field';
import type { RowOutcomeCode } from './types';
const codes = new WeakMap<Bilingual, RowOutcomeCode>();

function coded(b: Bilingual, code: RowOutcomeCode): Bilingual {
  codes.set(b, code);
  return b;
}

/** The machine-readable code of a reason made here (undefined for any other sentence). */
export function codeOf(reason: Bilingual | undefined): RowOutcomeCode | undefined {
  return reason ? codes.get(reason) : undefined;
}

/** Nothing to correct in the row: what to do after OMI's or the network's trouble. */
const AGAIN = {
  vi: 'Dữ liệu của dòng không có gì sai: hãy nhập lại các dòng thất bại sau ít phút (các dòng đã nhập sẽ không bị nhập lại).',
  en: 'Nothing is wrong with the row\'s data: import the failed rows again in a few minutes (rows already imported are not imported twice).',
};

/** OMI refused a value of the row: the field when the server named one, else the row as a whole. */
function valueRefused(field: Bilingual | undefined, detail: string | undefined): Bilingual {
  if (field) {
    const where = field === SOME_CUSTOM_FIELD
      ? { vi: 'một trường riêng', en: 'a custom field' }
      : { vi: `trường "${field.vi}"`, en: `the "${field.en}" field` };
    return coded(detailed({
      vi: `OMI không nhận giá trị ở ${where.vi} của dòng này. Hãy sửa giá trị đó trong tệp rồi nhập lại dòng này.`,
      en: `OMI did not accept the value in ${where.en} of this row. Correct that value in the file, then import the row again.`,
    }, detail), 'refused');
  }
  if (detail) {
    return coded(detailed({
      vi: 'OMI không nhận dữ liệu của dòng này (lời OMI ở phần chi tiết kỹ thuật). Hãy sửa giá trị OMI nêu trong tệp rồi nhập lại dòng này.',
      en: 'OMI did not accept this row\'s data (OMI\'s words are in the technical details). Correct the value OMI names in the file, then import the row again.',
    }, detail), 'refused');
  }
  return coded({
    vi: 'OMI không nhận dữ liệu của dòng này và không nói trường nào sai. Hãy kiểm tra các giá trị của dòng (số điện thoại, email, giới tính…) trong tệp, sửa giá trị sai rồi nhập lại dòng này.',
    en: 'OMI did not accept this row\'s data and did not say which field is wrong. Check the row\'s values (phone, email, gender…) in the file, correct the wrong one, then import the row again.',
  }, 'refused');
}

/** OMI answered "not done" on its side (a 5xx-like status_code): the row is not at fault. */
function serverFailed(detail: string | undefined): Bilingual {
  return coded(detailed({
    vi: `OMI gặp sự cố khi nhận dòng này nên dòng chưa được nhập. ${AGAIN.vi}`,
    en: `OMI had a problem on its side while taking this row, so the row was not imported. ${AGAIN.en}`,
  }, detail), 'gave-up');
}

/** Refused with no word of why and nothing that says whose fault it is. */
function refusedUnexplained(detail: string | undefined): Bilingual {
  return coded(detailed({
    vi: 'OMI không nhận dòng này và không nói lý do. Hãy nhập lại các dòng thất bại; nếu dòng này vẫn không được nhận, hãy kiểm tra các giá trị của nó (số điện thoại, email, giới tính…) trong tệp.',
    en: 'OMI did not accept this row and gave no reason. Import the failed rows again; if this row is still not accepted, check its values (phone, email, gender…) in the file.',
  }, detail), 'refused');
}

/** Whose fault a refusal is, from its codes: the row's data, OMI's side, or not known. */
export type RefusalFault = 'data' | 'server' | 'unknown';

/**
 * Sorts a refusal by its HTTP status and status_code. The API (omi-api-v2.md) only says that any status_code but
 * 9999 is a failure of the call, and leaves HTTP statuses open; OMI's codes follow HTTP's families (the 4xx of a
 * bad input, the 5xx / 5000 of a server that did nothing), so 4xx / 4xxx is the input's fault, 5xx / 5xxx and
 * 408 / 429 are the server's, and an HTTP error status with no code speaks for itself.
 */
export function refusalFault(e: { httpStatus?: number; statusCode?: number }): RefusalFault {
  const { httpStatus: http, statusCode: sc } = e;
  if (http !== undefined && (http >= 500 || http === 408 || http === 429)) return 'server';
  if (sc !== undefined) {
    if (sc === 408 || sc === 429) return 'server';
    const family = sc >= 400 && sc < 600 ? Math.floor(sc / 100) : sc >= 4000 && sc < 6000 ? Math.floor(sc / 1000) : undefined;
    if (family === 5) return 'server';
    if (family === 4) return 'data';
  }
  if (http !== undefined && http >= 400) return 'data';
  return 'unknown';
}

/**
 * The reason for a row OMI refused on its own (add or update threw): the value's field when the server named one,
 * "OMI's trouble, import again" when the codes say the server did nothing, "no reason given" otherwise.
 * `fieldCodes`: the custom fields the row sent, in order (to find `otherDynamicUpdates[i]`); `fieldLabels`: their
 * names in the catalog (ImportPlan.fieldLabels), so the field is named as the user chose it; by its code without.
 */
export function refusalOf(e: OmiError, fieldCodes: readonly string[] = [], fieldLabels?: FieldLabels): Bilingual {
  if (e.kind === 'too-large') return tooLarge;
  if (e.kind !== 'rejected') return gaveUp(1, e);
  const detail = e.text.detail ? (e.serverMessage && !e.text.detail.includes(e.serverMessage) ? `${e.text.detail}: ${e.serverMessage}` : e.text.detail) : technical(e.httpStatus, e.statusCode, e.serverMessage);
  const fault = refusalFault(e);
  if (fault === 'server') return serverFailed(detail);
  const field = e.serverMessage ? refusedField(e.serverMessage, fieldCodes, fieldLabels) : undefined;
  if (fault === 'data' || field) return valueRefused(field, e.serverMessage ? detail : undefined);
  return refusedUnexplained(detail);
}

/**
 * The server refused this row, naming it in a batch answer, and said why (`message`, its own words).
 * `fieldCodes` / `fieldLabels` as for refusalOf.
 */
export function refusedByServer(message: string, fieldCodes: readonly string[] = [], fieldLabels?: FieldLabels): Bilingual {
  const m = message.trim();
  return valueRefused(m ? refusedField(m, fieldCodes, fieldLabels) : undefined, m || undefined);
}

/** The server refused the row sent on its own, known only by the call's sentence (kept as the detail). */
export function rowRefused(said: Bilingual): Bilingual {
  return valueRefused(undefined, said.detail ? `${said.detail} — ${said.en}` : said.en);
}

/** The server did not accept the single row (answered "false") without saying why. */
export function refusedNoDetail(statusCode?: number): Bilingual {
  return refusedUnexplained(technical(undefined, statusCode, 'answer: false'));
}

/** What kept failing, for a row whose retries ran out: it opens the sentence, so a cut label still tells them apart. */
function troubleOf(cause: Bilingual | OmiError): { vi: string; en: string; network: boolean } {
  if (!('kind' in cause)) return { vi: 'Kết nối tới OMI hoặc máy chủ OMI liên tục gặp sự cố', en: 'The connection to OMI or its server kept failing', network: true };
  if (cause.kind === 'rate-limited') return { vi: 'OMI liên tục báo đang quá tải yêu cầu', en: 'OMI kept saying it had too many requests', network: false };
  if (cause.kind === 'timeout') return { vi: 'OMI không trả lời kịp', en: 'OMI did not answer in time', network: true };
  if (cause.httpStatus !== undefined && cause.httpStatus >= 500) return { vi: 'Máy chủ OMI liên tục gặp sự cố', en: 'The OMI server kept failing', network: false };
  if (cause.httpStatus !== undefined) return { vi: 'OMI liên tục trả lời bằng nội dung không đọc được', en: 'OMI kept answering with something that cannot be read', network: false };
  return { vi: 'Kết nối tới OMI liên tục bị gián đoạn', en: 'The connection to OMI kept failing', network: true };
}

/**
 * Retries ran out on a connection / server problem (`cause`: the last failure, or its sentence). The sentence
 * depends only on the kind of trouble; the attempts and the last answer go in the detail.
 */
export function gaveUp(attempts: number, cause: Bilingual | OmiError): Bilingual {
  const t = troubleOf(cause);
  const text = 'kind' in cause ? cause.text : cause;
  const detail = `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}; ${text.detail ?? text.en}`;
  const check = t.network
    ? { vi: 'Hãy kiểm tra mạng Internet. ', en: 'Check the Internet connection. ' }
    : { vi: '', en: '' };
  return coded(detailed({
    vi: `${t.vi} nên chưa nhập được dòng này, kể cả sau nhiều lần thử lại. ${check.vi}${AGAIN.vi}`,
    en: `${t.en}, so this row could not be imported, even after several retries. ${check.en}${AGAIN.en}`,
  }, detail), 'gave-up');
}

/** The row is too large even alone. */
export const tooLarge: Bilingual = coded({
  vi: 'Dòng này quá lớn để OMI nhận, kể cả khi gửi riêng. Hãy rút gọn các ô dài (ghi chú, địa chỉ) rồi nhập lại.',
  en: 'This row is too large for OMI even on its own. Shorten its long cells (note, address) and import it again.',
}, 'too-large');

/** Created in an earlier run of the same file with the same mapping. */
export function alreadyImported(when: number | undefined): Bilingual {
  const d = when === undefined ? '' : ` (${new Date(when).toISOString().slice(0, 16).replace('T', ' ')} UTC)`;
  return coded({
    vi: `Đã bỏ qua: liên hệ này đã được tạo khi nhập chính tệp này với cùng cách ghép cột trước đây${d}.`,
    en: `Skipped: this contact was already created by an earlier import of this same file with the same mapping${d}.`,
  }, 'already-imported');
}

/** Found on the server with this row's refId before sending (a re-import without the earlier journal). */
export const alreadyOnServer: Bilingual = coded({
  vi: 'Đã bỏ qua: OMI đã có liên hệ với cùng mã tham chiếu (refId) của dòng này, nên không tạo lại.',
  en: 'Skipped: OMI already holds a contact with this row\'s reference id (refId), so it was not created again.',
}, 'already-on-server');

/** Update mode: no contact with this refId / phone / email. */
export const notFoundForUpdate: Bilingual = coded({
  vi: 'Không tìm thấy trên OMI liên hệ nào để cập nhật cho dòng này (theo mã khách hàng refId, số điện thoại hoặc email). Hãy kiểm tra mã khách hàng trong tệp, hoặc chọn cách nhập "Tạo mới hoặc cập nhật" để tạo liên hệ còn thiếu.',
  en: 'No contact was found in OMI to update for this row (by customer ID refId, phone or email). Check the customer ID in the file, or choose the "Create or update" import mode to create the missing contact.',
}, 'not-found');

/**
 * The contact was created but its custom fields (dynamic attributes, written by a second call) were not: `cause`
 * is the reason that second call failed, or the cancel / stop that came first.
 */
export function attributesNotWritten(cause: Bilingual): Bilingual {
  const c = codes.get(cause);
  if (c === 'cancelled' || c === 'stopped') {
    return coded({
      vi: 'Đã tạo liên hệ, nhưng lần nhập dừng trước khi lưu các trường riêng của dòng này. Hãy tiếp tục lần nhập để lưu nốt: liên hệ sẽ không bị tạo lần nữa.',
      en: 'The contact was created, but the import stopped before this row\'s custom fields were saved. Resume the import to save them: the contact is not created again.',
    }, 'attributes');
  }
  return coded(detailed({
    vi: `Đã tạo liên hệ, nhưng chưa lưu được các trường riêng của dòng này. ${cause.vi} Nếu nhập lại từ tệp báo cáo lỗi, hãy chọn cách nhập "Cập nhật" để liên hệ không bị tạo hai lần.`,
    en: `The contact was created, but this row's custom fields were not saved. ${cause.en} If you import the error report file instead, choose the "Update" import mode so the contact is not created twice.`,
  }, cause.detail), 'attributes');
}

/** The import was cancelled before this row was done. */
export const cancelledBefore: Bilingual = coded({
  vi: 'Chưa nhập: lần nhập đã bị hủy trước khi tới dòng này. Hãy tiếp tục lần nhập để gửi nốt.',
  en: 'Not imported: the import was cancelled before this row. Resume the import to send the rest.',
}, 'cancelled');

/** Cancelled while the row was on its way: it may or may not exist. */
export const cancelledInFlight: Bilingual = coded({
  vi: 'Chưa rõ: lần nhập bị hủy khi dòng này đang được gửi. Hãy tiếp tục lần nhập: công cụ sẽ kiểm tra trên OMI trước khi gửi lại.',
  en: 'Unknown: the import was cancelled while this row was being sent. Resume the import: the tool checks OMI before sending it again.',
}, 'cancelled');

/**
 * Stopped because the token was refused and nobody could renew it. The same row reason reaches the app's report and
 * omi-import's, so it says what to do in both.
 */
export const stoppedCredentials: Bilingual = coded({
  vi: 'Chưa nhập: OMI không còn chấp nhận mã truy cập (token) nên lần nhập đã dừng trước dòng này. Hãy dán lại mã truy cập ở màn hình Kết nối rồi tiếp tục lần nhập (với omi-import: đặt lại biến môi trường của --token-env rồi chạy với --resume): các dòng đã nhập sẽ không bị nhập lại.',
  en: 'Not imported: OMI no longer accepts the access token, so the import stopped before this row. Paste the access token again on the Connection screen, then resume the import (with omi-import: set the --token-env variable again and run with --resume): rows already imported are not imported twice.',
}, 'stopped');

/**
 * The answer was lost and the row has nothing to search by, so it is not sent again blindly. The refId (different
 * on every row) is the detail, so these rows read alike.
 */
export function cannotCheck(refId: string): Bilingual {
  return coded(detailed({
    vi: 'Chưa rõ đã tạo hay chưa: OMI không trả lời, và dòng này không có số điện thoại, email hay họ tên để tìm lại. Hãy tìm trên OMI mã khách hàng (refId) ghi ở phần chi tiết; nếu không có, hãy nhập lại dòng này.',
    en: 'Unknown whether it was created: OMI did not answer, and this row has no phone, email or name to look it up by. Search OMI for the customer ID (refId) in the technical details; if it is not there, import this row again.',
  }, `refId ${refId}`), 'cannot-check');
}
