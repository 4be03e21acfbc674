/**
 * Which of `,` `;` tab `|` separates the fields of a text file. Papaparse's own guess weighs the change in field
 * count from row to row, so a short last line, or a `;` inside quoted text on every row (an error report's
 * reasons), can make it pick the wrong one and read the whole file as one column. Here each candidate parses the
 * first rows (papaparse, so quoted fields are respected) and the one whose commonest field count (over 1) is
 * shared by the most rows wins; on a tie, the one that gives more fields. Title rows and blank lines do not count.
 */
import Papa from 'papaparse';

/** The field separators a contact file may use, in order of preference when nothing tells them apart. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Text the line break and the delimiter are guessed on (as papaparse does): the first rows, which a megabyte holds. */
export const GUESS_CHARS = 1 << 20;

/** Rows looked at: enough to see past a few title rows, few enough to stay cheap on the first megabyte. */
const GUESS_ROWS = 30;

/** The delimiter of the text that starts with `head` (a few rows are enough); `,` when none splits a row. */
export function guessDelimiter(head: string, newline?: string): string {
  let best = { delimiter: ',' as string, rows: 0, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(head, { delimiter, newline: newline as Papa.ParseConfig['newline'], preview: GUESS_ROWS, skipEmptyLines: 'greedy' });
    const rowsByFields = new Map<number, number>();
    for (const row of data) if (row.length > 1) rowsByFields.set(row.length, (rowsByFields.get(row.length) ?? 0) + 1);
    for (const [fields, rows] of rowsByFields) {
      if (rows > best.rows || (rows === best.rows && fields > best.fields)) best = { delimiter, rows, fields };
    }
  }
  return best.delimiter;
}
