import { UserError } from '../text';
import { acceptedFormats } from './formats';

/** Stable codes of every ingest failure (the UI and CLI key on these). */
export type IngestErrorCode =
  | 'ingest.password-protected'
  | 'ingest.corrupt'
  | 'ingest.not-a-spreadsheet'
  | 'ingest.empty'
  | 'ingest.header-only'
  | 'ingest.too-many-rows'
  | 'ingest.too-many-columns'
  | 'ingest.cell-too-long'
  | 'ingest.unclosed-quote'
  | 'ingest.too-large'
  | 'ingest.zip-bomb'
  | 'ingest.unknown-sheet'
  | 'ingest.bad-header-row'
  | 'ingest.timeout';

const n = (x: number) => x.toLocaleString('en-US');
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Builders for each failure: a sentence in Vietnamese and English naming the file (and sheet) and what to do. */
export const ingestErrors = {
  passwordProtected: (file: string) =>
    new UserError('ingest.password-protected', {
      vi: `Tệp "${file}" được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại và chọn lại tệp.`,
      en: `"${file}" is password-protected, so it cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook), save it and choose it again.`,
    }, { file }),
  corrupt: (file: string, what: { vi: string; en: string } = { vi: 'tệp bị hỏng hoặc không đầy đủ', en: 'the file is damaged or incomplete' }) =>
    new UserError('ingest.corrupt', {
      vi: `Không đọc được tệp "${file}": ${what.vi}. Hãy mở tệp bằng Excel xem có mở được không, lưu lại thành .xlsx rồi thử lại (hoặc tải/sao chép lại tệp gốc).`,
      en: `Cannot read "${file}": ${what.en}. Check that it opens in Excel, save it again as .xlsx and retry (or download/copy the original again).`,
    }, { file }),
  notASpreadsheet: (file: string, what: { vi: string; en: string }) =>
    new UserError('ingest.not-a-spreadsheet', {
      vi: `Tệp "${file}" không phải bảng tính (${what.vi}). Hãy chọn tệp ${acceptedFormats.vi} có danh sách khách hàng.`,
      en: `"${file}" is not a spreadsheet (${what.en}). Choose an ${acceptedFormats.en} file holding the contact list.`,
    }, { file }),
  empty: (file: string, sheet?: string) =>
    new UserError('ingest.empty', sheet
      ? {
          vi: `Trang "${sheet}" trong tệp "${file}" không có dữ liệu. Hãy chọn trang khác có danh sách khách hàng.`,
          en: `Sheet "${sheet}" in "${file}" has no data. Choose another sheet holding the contact list.`,
        }
      : {
          vi: `Tệp "${file}" trống, không có dữ liệu nào. Hãy kiểm tra lại rồi chọn đúng tệp danh sách khách hàng.`,
          en: `"${file}" is empty: it holds no data. Check it and choose the file with the contact list.`,
        }, { file, sheet }),
  headerOnly: (file: string, sheet: string, headerRow: number) =>
    new UserError('ingest.header-only', {
      vi: `Trang "${sheet}" trong tệp "${file}" chỉ có dòng tiêu đề (dòng ${headerRow}), không có khách hàng nào bên dưới. Hãy thêm dữ liệu hoặc chọn đúng dòng tiêu đề/trang khác.`,
      en: `Sheet "${sheet}" in "${file}" has only a header row (row ${headerRow}) and no contacts below it. Add the data, or pick the right header row or another sheet.`,
    }, { file, sheet, row: headerRow }),
  tooManyRows: (file: string, sheet: string, max: number) =>
    new UserError('ingest.too-many-rows', {
      vi: `Trang "${sheet}" trong tệp "${file}" có hơn ${n(max)} dòng, vượt giới hạn số dòng. Hãy tách tệp thành nhiều tệp nhỏ hơn (mỗi tệp tối đa ${n(max)} dòng) rồi nhập từng tệp.`,
      en: `Sheet "${sheet}" in "${file}" has more than ${n(max)} rows, over the row limit. Split it into smaller files (at most ${n(max)} rows each) and import them one by one.`,
    }, { file, sheet }),
  tooManyColumns: (file: string, sheet: string, count: number, max: number) =>
    new UserError('ingest.too-many-columns', {
      vi: `Trang "${sheet}" trong tệp "${file}" có ${n(count)} cột, vượt giới hạn ${n(max)} cột. Hãy xoá các cột thừa (thường là định dạng kéo dài tới cuối trang) rồi lưu lại.`,
      en: `Sheet "${sheet}" in "${file}" has ${n(count)} columns, over the column limit of ${n(max)}. Delete the unused columns (often formatting dragged to the sheet's end) and save it again.`,
    }, { file, sheet }),
  cellTooLong: (file: string, sheet: string, row: number, column: string, length: number, max: number) =>
    new UserError('ingest.cell-too-long', {
      vi: `Ô ở dòng ${row}, cột ${column} (trang "${sheet}", tệp "${file}") dài ${n(length)} ký tự, vượt giới hạn độ dài ô ${n(max)} ký tự. Hãy rút gọn ô đó rồi thử lại.`,
      en: `The cell at row ${row}, column ${column} (sheet "${sheet}", "${file}") is ${n(length)} characters long, over the cell length limit of ${n(max)}. Shorten it and retry.`,
    }, { file, sheet, row, column }),
  unclosedQuote: (file: string, line: number, limitChars: number) =>
    new UserError('ingest.unclosed-quote', {
      vi: `Tệp "${file}": dấu ngoặc kép (") mở một ô ở dòng ${line} nhưng không được đóng trong ${mb(limitChars)} tiếp theo, nên phần còn lại của tệp sẽ bị đọc thành một ô. Hãy mở tệp bằng Notepad, xem dòng ${line}: đóng dấu ngoặc kép đó, hoặc xoá nó (dấu ngoặc kép nằm trong nội dung ô phải viết đôi: ""), rồi lưu và chọn lại tệp.`,
      en: `"${file}": a quote (") opens a cell on line ${line} and is not closed within the next ${mb(limitChars)}, so the rest of the file would be read as one cell. Open the file in a text editor, go to line ${line} and close that quote or remove it (a quote inside a cell's text must be doubled: ""), then save it and choose it again.`,
    }, { file }),
  tooLarge: (file: string, bytes: number, max: number) =>
    new UserError('ingest.too-large', {
      vi: `Tệp "${file}" nặng ${mb(bytes)}, vượt giới hạn dung lượng ${mb(max)}. Hãy xoá các trang/cột không cần, hoặc tách thành nhiều tệp nhỏ hơn.`,
      en: `"${file}" is ${mb(bytes)}, over the file size limit of ${mb(max)}. Remove sheets or columns you do not need, or split it into smaller files.`,
    }, { file }),
  zipBomb: (file: string, declared: number, max: number) =>
    new UserError('ingest.zip-bomb', {
      vi: `Tệp "${file}" khi giải nén sẽ chiếm ${mb(declared)}, vượt giới hạn giải nén ${mb(max)}; tệp này có thể độc hại nên không được mở. Nếu đây đúng là danh sách khách hàng, hãy mở bằng Excel và lưu lại.`,
      en: `"${file}" would unpack to ${mb(declared)}, over the unpacked size limit of ${mb(max)}; it may be malicious, so it was not opened. If it really is a contact list, open it in Excel and save it again.`,
    }, { file }),
  unknownSheet: (file: string, asked: string | number, names: string[]) =>
    new UserError('ingest.unknown-sheet', {
      vi: `Tệp "${file}" không có trang "${asked}". Các trang có trong tệp: ${names.map((s) => `"${s}"`).join(', ')}.`,
      en: `"${file}" has no sheet "${asked}". Its sheets are: ${names.map((s) => `"${s}"`).join(', ')}.`,
    }, { file }),
  badHeaderRow: (file: string, sheet: string, row: number, last: number) =>
    new UserError('ingest.bad-header-row', {
      vi: `Dòng tiêu đề ${row} không có trong trang "${sheet}" (tệp "${file}"), trang chỉ có ${n(last)} dòng. Hãy chọn một dòng từ 1 đến ${n(last)}.`,
      en: `Header row ${row} is not in sheet "${sheet}" ("${file}"), which has ${n(last)} rows. Pick a row from 1 to ${n(last)}.`,
    }, { file, sheet, row }),
  timeout: (file: string, ms: number) =>
    new UserError('ingest.timeout', {
      vi: `Đọc tệp "${file}" quá ${n(Math.round(ms / 1000))} giây (giới hạn thời gian) nên đã dừng. Hãy lưu lại thành .xlsx hoặc .csv, xoá trang/cột không cần, hoặc tách thành tệp nhỏ hơn.`,
      en: `Reading "${file}" took longer than ${n(Math.round(ms / 1000))} seconds (the time limit), so it was stopped. Save it as .xlsx or .csv, drop sheets or columns you do not need, or split it.`,
    }, { file }),
};

/** Throws `ingest.timeout` once the time limit has passed; call it between chunks of work. */
export class Deadline {
  private readonly end: number;
  constructor(private readonly file: string, private readonly ms: number, start = performance.now()) {
    this.end = start + ms;
  }
  check(): void {
    if (performance.now() > this.end) throw ingestErrors.timeout(this.file, this.ms);
  }
}
