/**
 * The columns the importer adds to a report. Their headers end with "(OMI Importer)" so a person sees they are
 * not theirs, and so that importing the fixed report again maps them to "ignore" (see test/report). No header
 * says "trạng thái" (status): that word maps to a funnel.
 */

/** Added to the error report, after the file's own columns. */
export const ERROR_REPORT_COLUMNS = {
  status: 'Kết quả nhập (OMI Importer)',
  reason: 'Lý do (OMI Importer)',
  reasonEn: 'Reason in English (OMI Importer)',
  changes: 'Thay đổi tự động (OMI Importer)',
} as const;

/** Added to the success report. */
export const SUCCESS_REPORT_COLUMNS = {
  status: 'Kết quả nhập (OMI Importer)',
  omiId: 'Mã liên hệ OMI (OMI Importer)',
  refId: 'Mã tham chiếu refId (OMI Importer)',
  refIdGenerated: 'refId do công cụ tạo (OMI Importer)',
  note: 'Ghi chú (OMI Importer)',
} as const;

/** Every header the importer adds, for a mapping that must ignore them. */
export const IMPORTER_HEADERS: readonly string[] = [...new Set([...Object.values(ERROR_REPORT_COLUMNS), ...Object.values(SUCCESS_REPORT_COLUMNS)])];
