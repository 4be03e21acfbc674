import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFormatFixtures } from '../fixtures/formats';
import { ingestErrors } from '../../shared/ingest/errors';
import { ACCEPTED_EXTENSIONS, acceptedFormats } from '../../shared/ingest/formats';
import { openWorkbook } from '../../shared/ingest/open';

describe('the accepted formats are the ones that open', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omi-formats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fixtures = writeFormatFixtures(dir);

  it('every listed extension opens from a real file, and every file the reader opens is listed', () => {
    const opened = new Set<string>();
    for (const f of fixtures) {
      const ext = f.file.slice(f.file.lastIndexOf('.') + 1);
      const { info: workbook } = openWorkbook(new Uint8Array(readFileSync(join(dir, f.file))), f.file);
      expect(workbook.format).toBe(f.format);
      opened.add(ext);
    }
    expect([...opened].sort()).toEqual([...ACCEPTED_EXTENSIONS].sort());
  });

  it('the "not a spreadsheet" error names each of them, as the drop zone does', () => {
    const text = ingestErrors.notASpreadsheet('báo cáo.pdf', { vi: 'tệp PDF', en: 'a PDF file' }).text;
    for (const ext of ACCEPTED_EXTENSIONS) {
      expect(text.vi).toContain(`.${ext}`);
      expect(text.en).toContain(`.${ext}`);
      expect(acceptedFormats.vi).toContain(`.${ext}`);
    }
    expect(text.en).toBe('"báo cáo.pdf" is not a spreadsheet (a PDF file). Choose an Excel (.xlsx, .xlsm, .xls, .xlsb), .ods, .csv, .tsv or .txt file holding the contact list.');
  });
});
