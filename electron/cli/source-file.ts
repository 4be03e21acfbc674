/**
 * Reading the user's file from disk, with each way it can go wrong said in a sentence (exit 2).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { usageError } from './cli-error';

/** The file's bytes and the name shown to the user. */
export interface SourceFile {
  path: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Reads the whole file. Throws `CliError` (exit 2) when it is missing, a folder, or cannot be read. */
export async function readSourceFile(path: string): Promise<SourceFile> {
  const full = resolve(path);
  const fileName = basename(full);
  try {
    const st = await stat(full);
    if (st.isDirectory()) {
      throw usageError('file.is-folder', `"${path}" là một thư mục, không phải file Excel/CSV.`, `"${path}" is a folder, not an Excel/CSV file.`);
    }
    const buf = await readFile(full);
    return { path: full, fileName, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw usageError('file.missing', `Không tìm thấy file "${path}". Kiểm tra lại tên và thư mục.`,
        `The file "${path}" was not found. Check its name and folder.`);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw usageError('file.no-access', `Không có quyền đọc file "${path}".`, `No permission to read the file "${path}".`);
    }
    if (code === 'EBUSY') {
      throw usageError('file.busy', `File "${path}" đang bị chương trình khác khoá (có thể Excel đang mở). Đóng nó rồi chạy lại.`,
        `The file "${path}" is locked by another program (perhaps open in Excel). Close it and run again.`);
    }
    throw e;
  }
}
