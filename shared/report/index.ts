/** Reports: what became of each row, as xlsx / csv for people, and the import history record. */
export { buildErrorReport } from './error-report';
export { buildSuccessReport } from './success-report';
export { writeReport } from './write';
export { neutraliseCell, restoreNeutralisedCell } from './neutralise';
export { isImporterReport, restoreReportTable } from './reingest';
export { ERROR_REPORT_COLUMNS, SUCCESS_REPORT_COLUMNS, IMPORTER_HEADERS } from './columns';
export { rowReports, STATUS_LABEL, type RowReport, type RowStatusKind } from './row-status';
export { historyRecord, type ImportHistoryRecord } from './history';
export type { ReportSheet } from './types';
