/**
 * `omi-import --help`: the whole command-line contract (../shared/DESIGN.md) in both languages,
 * kept in step with the README section.
 */
import { DEFAULT_LIMITS } from '../../shared/ingest/limits';
import { READ_HEAP_MB } from './read-limits';

/** The help text, Vietnamese first, then English. */
export function helpText(): string {
  const minutes = DEFAULT_LIMITS.maxMillis / 60_000;
  const gb = String(Math.round((READ_HEAP_MB / 1024) * 10) / 10);
  return `omi-import — nhập danh bạ từ Excel/CSV vào OMI CRM, không cần cửa sổ ứng dụng
omi-import — import contacts from Excel/CSV into OMI CRM, headless

Cách dùng / Usage:
  omi-import <file> [--sheet NAME|N] [--header-row N] [--mapping FILE.json | --auto]
                    [--mode create|update|upsert] [--chunk-size N] [--concurrency N]
                    [--base-url URL] [--token-env VAR] [--sandbox]
                    [--dry-run] [--clean-out FILE] [--report FILE]
                    [--journal FILE] [--resume FILE] [--json]
                    [--keep-original COLUMN[,COLUMN...] | all]

Tệp và trang tính / File and sheet:
  <file>               .xlsx .xlsm .xls .xlsb .ods .csv .tsv .txt
  --sheet NAME|N       trang tính theo tên hoặc số thứ tự (từ 1); mặc định: trang chứa bảng danh bạ
                       sheet by name or position (from 1); default: the sheet that holds the contact table
  --header-row N       dòng tiêu đề (từ 1); mặc định: tự nhận ra / header row (from 1); default: detected

Ghép cột / Mapping (chọn một / pick one):
  --mapping FILE.json  mẫu ghép cột đã lưu trong ứng dụng / a mapping template saved in the app
  --auto               tự ghép; cột không chắc chắn bị bỏ qua và được liệt kê
                       map automatically; columns it is not sure of are ignored and listed

Giữ nguyên / Keep as typed:
  --keep-original COLUMN[,COLUMN...]
                       gửi các cột này đúng như đã gõ: không viết hoa tên, không đổi đầu số 11 số (2018),
                       mã vùng cũ, không thêm số 0 đầu, không sửa tên miền email gõ nhầm; tên cột như dòng
                       tiêu đề trong file, cách nhau bằng dấu phẩy; all = mọi cột
                       send these columns as typed: no capitalised names, no 2018 prefix or old area code
                       conversion, no leading 0 added, no email domain typo fixed; column names as in the
                       file's header row, separated by commas; all = every column

Gửi / Sending:
  --mode MODE          create (mặc định / default) | update | upsert
  --chunk-size N       số dòng mỗi lần gửi (1–1000) / rows per request (1–1000)
  --concurrency N      số yêu cầu chạy song song (1–16) / requests in flight (1–16)

Kết nối / Connection (chọn một / pick one):
  --base-url URL       địa chỉ API OMI (hoặc một sandbox) / the OMI API address (or any sandbox)
  --token-env VAR      TÊN biến môi trường chứa token; token không bao giờ nằm trên dòng lệnh
                       NAME of the environment variable holding the token; never the token itself
  --sandbox            chạy sandbox cục bộ kèm theo, dữ liệu giữ trong thư mục dữ liệu của ứng dụng
                       start the embedded local sandbox, its data kept in the app's data folder
  (không có gì / none) dùng kết nối đã lưu trong ứng dụng; với tài khoản OMI vẫn cần --token-env
                       use the app's saved connection; an OMI account still needs --token-env

Kết quả / Output:
  --dry-run            đọc, ghép, làm sạch, kiểm tra — không gửi gì / validate only, send nothing
  --clean-out FILE     ghi bảng đã làm sạch (.xlsx hoặc .csv) / write the cleaned table (.xlsx or .csv)
  --report FILE        ghi báo cáo từng dòng lỗi (.xlsx hoặc .csv) / write the row-by-row report
  --journal FILE       nơi ghi nhật ký nhập (mặc định: thư mục dữ liệu/journals/)
                       where the import journal is written (default: <data folder>/journals/)
  --resume FILE        tiếp tục lần nhập ghi trong nhật ký, không gửi dòng nào hai lần
                       continue the import recorded in that journal; no row is sent twice
  --json               in đúng một đối tượng JSON ở stdout khi xong / print one JSON object on stdout at the end:
                       { file, sheet, headerRow, mapping: { "<column>": "<target>" },
                         rows: { total, valid, invalid, duplicates, sent, created, updated, skipped, failed },
                         reportPath, journalPath, durationMs }
  -h, --help           hướng dẫn này / this help
  -V, --version        phiên bản / version

Mã thoát / Exit status:
  0  mọi dòng hợp lệ đã vào OMI / every valid row landed
  1  có dòng không hợp lệ hoặc gửi lỗi, hoặc bị dừng giữa chừng / some rows invalid or failed, or stopped early
  2  lỗi dòng lệnh hoặc lỗi file (kể cả đọc file quá ${minutes} phút hoặc quá ${gb.replace('.', ',')} GB bộ nhớ)
     usage or file error (also a file taking over ${minutes} minutes or ${gb} GB of memory to read)
  3  lỗi kết nối hoặc token / connection or credential error

Tiến độ in ra stderr. Ctrl+C dừng an toàn và in lệnh để tiếp tục.
Progress goes to stderr. Ctrl+C stops cleanly and prints the command that resumes.
Thư mục dữ liệu / data folder: OMI_IMPORTER_HOME, hoặc thư mục "OMI Importer" của ứng dụng / or the app's "OMI Importer" folder.

Ví dụ / Example:
  set OMI_TOKEN=...        (Windows)   export OMI_TOKEN=...   (macOS, Linux)
  omi-import leads.xlsx --mapping su-kien.json --base-url https://crm.example.vn --token-env OMI_TOKEN --report loi.xlsx
`;
}
