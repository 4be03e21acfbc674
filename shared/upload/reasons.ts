/**
 * Sentences the upload engine attaches to rows (Vietnamese first, English). Each says what happened and what
 * the user can do. They never contain the token.
 */
import type { Bilingual } from '../text';
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

/** The server refused this row and said why. */
export function refusedByServer(message: string): Bilingual {
  const m = message.trim() || '—';
  return coded({
    vi: `OMI từ chối dòng này: ${m}. Hãy sửa dữ liệu của dòng rồi nhập lại.`,
    en: `OMI refused this row: ${m}. Fix the row's data and import it again.`,
  }, 'refused');
}

/** The server refused the row sent on its own; `said` is the call's refusal (with the server's message when it gave one). */
export function rowRefused(said: Bilingual): Bilingual {
  return coded({
    vi: `${said.vi} Hãy sửa dữ liệu của dòng rồi nhập lại.`,
    en: `${said.en} Fix the row's data and import it again.`,
  }, 'refused');
}

/** The server refused the single row without saying why. */
export function refusedNoDetail(statusCode?: number): Bilingual {
  const code = statusCode === undefined ? '' : ` (mã ${statusCode})`;
  const codeEn = statusCode === undefined ? '' : ` (code ${statusCode})`;
  return coded({
    vi: `OMI không nhận dòng này${code} và không nói lý do. Hãy kiểm tra dữ liệu của dòng rồi nhập lại.`,
    en: `OMI did not accept this row${codeEn} and gave no reason. Check the row's data and import it again.`,
  }, 'refused');
}

/** Retries ran out on a connection / server problem. */
export function gaveUp(attempts: number, cause: Bilingual): Bilingual {
  return coded({
    vi: `Không gửi được sau ${attempts} lần thử (${cause.vi}). Hãy kiểm tra kết nối rồi chạy lại lần nhập này: các dòng đã nhập sẽ không bị nhập lại.`,
    en: `Could not be sent after ${attempts} attempts (${cause.en}). Check the connection and run this import again: rows already imported will not be imported twice.`,
  }, 'gave-up');
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
  vi: 'Không tìm thấy liên hệ để cập nhật (theo mã tham chiếu, số điện thoại hoặc email). Hãy kiểm tra mã hoặc dùng chế độ "tạo mới hoặc cập nhật".',
  en: 'No contact was found to update (by reference id, phone or email). Check the id or use the "create or update" mode.',
}, 'not-found');

/** The contact was created but its dynamic attributes could not be written. */
export function attributesNotWritten(cause: Bilingual): Bilingual {
  return coded({
    vi: `Đã tạo liên hệ nhưng chưa ghi được các thuộc tính động: ${cause.vi} Chạy lại lần nhập này sẽ chỉ ghi lại thuộc tính; nếu nhập lại từ báo cáo lỗi, hãy dùng chế độ cập nhật để không tạo trùng.`,
    en: `The contact was created but its dynamic attributes were not written: ${cause.en} Running this import again only writes the attributes; if you import the error report instead, use update mode so the contact is not created twice.`,
  }, 'attributes');
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

/** Stopped because the token was refused and nobody could renew it. */
export const stoppedCredentials: Bilingual = coded({
  vi: 'Chưa nhập: OMI từ chối mã truy cập (token). Hãy nhập mã mới rồi tiếp tục lần nhập.',
  en: 'Not imported: OMI refused the access token. Enter a new token and resume the import.',
}, 'stopped');

/** The answer was lost and the row has nothing to search by, so it is not sent again blindly. */
export function cannotCheck(refId: string): Bilingual {
  return coded({
    vi: `Chưa rõ đã tạo hay chưa: OMI không trả lời và dòng này không có số điện thoại, email hay họ tên để kiểm tra. Hãy tìm mã tham chiếu ${refId} trên OMI trước khi nhập lại dòng này.`,
    en: `Unknown whether it was created: OMI did not answer and this row has no phone, email or name to check by. Look for reference id ${refId} in OMI before importing this row again.`,
  }, 'cannot-check');
}
