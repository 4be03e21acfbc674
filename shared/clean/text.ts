import { change, plain, type Cleaned } from './types';

/**
 * Any free-text field: NFC, no leading/trailing spaces, runs of spaces and tabs made one (new lines kept
 * only where the field can hold several lines). Trimming alone is not recorded; collapsing inner space is.
 */
export function cleanText(cell: string, opts: { multiline?: boolean } = {}): Cleaned<string> {
  const nfc = cell.normalize('NFC');
  const trimmed = nfc.trim();
  const collapsed = opts.multiline
    ? trimmed.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\r?\n */g, '\n').replace(/\n{3,}/g, '\n\n')
    : trimmed.replace(/\s+/g, ' ');
  if (collapsed === trimmed && nfc === cell.normalize('NFC')) return plain(collapsed);
  if (collapsed === trimmed) return plain(collapsed);
  return {
    value: collapsed,
    changes: [change('text.whitespace', trimmed, collapsed, {
      vi: 'Gộp các dấu cách thừa thành một.',
      en: 'Extra spaces were collapsed into one.',
    })],
    issues: [],
  };
}
