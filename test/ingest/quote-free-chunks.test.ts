/**
 * The text reader's fast path: chunks of byte text with no quote are split by papaparse at each delimiter and line
 * break, so the reader measures their cells straight from the file's bytes (cell i starts one byte after cell i-1
 * ends) and looks repeats up by their bytes; chunks of 4 KB and more end after their last line break. Random
 * quote-free tables (Vietnamese and ASCII cells, repeats, empty fields, blanks at the edges, CRLF or LF or CR, `,`
 * `;` or tab) must give exactly the table that papaparse on the whole decoded text gives, at chunk sizes that cut
 * rows anywhere and at sizes that cut after line breaks, in UTF-8 and Windows-1258.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deadline } from '../../shared/ingest/errors';
import { resolveLimits } from '../../shared/ingest/limits';
import { buildTable } from '../../shared/ingest/table/build';
import type { SourceSheet } from '../../shared/ingest/source';
import { decodeText } from '../../shared/ingest/text/decode';
import { readDelimitedText } from '../../shared/ingest/text/read';
import { readDelimitedBytes } from '../../shared/ingest/text/stream';
import { UserError } from '../../shared/text';
import { encodeWindows1258 } from '../fixtures/encode';

function tableOf(sheet: () => SourceSheet): unknown {
  try {
    return buildTable(sheet(), { fileName: 'random.csv', limits: resolveLimits({}), deadline: new Deadline('random.csv', 60_000) });
  } catch (e) {
    if (e instanceof UserError) return { error: e.code };
    throw e;
  }
}

// Pieces real lists repeat (names, cities, titles, genders) and ones they do not (phones, numbers), with spaces
// and invisible characters that end up at cell edges, and Windows-1258's separate tone marks (NFD).
const piece = fc.constantFrom(
  'Nguyễn', 'Văn', 'Thị', 'An', 'Hòa', 'Nhân viên', 'Công ty TNHH', 'Đà Nẵng', 'Huế', 'Nam', 'Nữ', 'VIP', 'Khách mới',
  'Tiê\u0301n', 'Hoa\u0300ng', ' ', '\u00a0', 'x', '0912345678', 'khach@gmail.com', '12/05/1990', 'café',
);
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 3 }).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
  { weight: 1, arbitrary: fc.constant('') },
);
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 40, maxLength: 400 });

describe('quote-free byte text read from the bytes equals papaparse on the whole text', () => {
  it('for random tables, delimiters, line breaks, encodings and chunk sizes', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.constantFrom('utf-8', 'windows-1258'),
        fc.constantFrom(1, 7, 64, 4096, 5003, 8192, 1 << 19),
        (rows, delimiter, newline, encoding, chunk) => {
          const text = rows.map((r) => r.join(delimiter)).join(newline) + newline;
          const bytes = encoding === 'utf-8' ? new TextEncoder().encode(text) : encodeWindows1258(text);
          const format = delimiter === '\t' ? 'tsv' : 'csv';
          const whole = decodeText(bytes);
          let got = '';
          const streamed = tableOf(() => {
            const r = readDelimitedBytes(bytes, 'S', format, 1_000_000, chunk);
            got = r.encoding;
            return r.sheet;
          });
          expect(got).toBe(whole.encoding);
          expect(streamed).toEqual(tableOf(() => readDelimitedText(whole.text, 'S', format, 1_000_000)));
        },
      ),
      { numRuns: 60, seed: 20261130 },
    );
  });
});
