import { CFB } from '@e965/xlsx';
import { ingestErrors } from './errors';

/**
 * Looks inside an OLE compound file (the container of .xls, and of every password-protected Office file) before
 * parsing: an `EncryptionInfo`/`EncryptedPackage` pair means an encrypted workbook, a `Workbook`/`Book` stream
 * means a real .xls, anything else (a Word .doc, an .msg) is not a spreadsheet.
 */
export function inspectCfb(bytes: Uint8Array, file: string): void {
  let paths: string[];
  try {
    paths = CFB.read(bytes, { type: 'array' }).FullPaths;
  } catch {
    throw ingestErrors.corrupt(file, {
      vi: 'tệp Excel 97-2003 (.xls) bị hỏng hoặc không đầy đủ',
      en: 'the Excel 97-2003 (.xls) container is damaged or incomplete',
    });
  }
  const names = new Set(paths.map((p) => p.replace(/\/$/, '').split('/').pop()!.toLowerCase()));
  if (names.has('encryptioninfo') || names.has('encryptedpackage')) throw ingestErrors.passwordProtected(file);
  if (!names.has('workbook') && !names.has('book')) {
    throw ingestErrors.notASpreadsheet(file, {
      vi: 'đây là tài liệu Office khác, ví dụ Word, không phải Excel',
      en: 'it is another kind of Office document, such as Word, not Excel',
    });
  }
}
