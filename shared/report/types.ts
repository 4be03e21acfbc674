/** A report ready to be written as xlsx or csv: one sheet of text cells, header first. */
export interface ReportSheet {
  /** Sheet name (xlsx), at most 31 characters. */
  name: string;
  header: string[];
  rows: string[][];
}
