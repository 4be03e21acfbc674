import { ingestErrors } from './errors';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  crc: number;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const EOCD64_LOCATOR = 0x07064b50;

/**
 * Reads a zip's central directory (without inflating anything) so a truncated file or a zip bomb is refused
 * before SheetJS allocates memory for it. Throws `ingest.corrupt` when the directory is missing or points
 * outside the file, and `ingest.zip-bomb` when the entries declare more than `maxUnzipped` bytes in total.
 */
export function inspectZip(bytes: Uint8Array, file: string, maxUnzipped: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = () => ingestErrors.corrupt(file, {
    vi: 'tệp nén (zip) bị cắt cụt hoặc hỏng, có thể do tải về chưa xong',
    en: 'its zip container is truncated or damaged, perhaps an unfinished download',
  });
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw truncated();
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    if (at + 56 > bytes.length) throw truncated();
    count = Number(view.getBigUint64(at + 32, true));
    cdSize = Number(view.getBigUint64(at + 40, true));
    cdOffset = Number(view.getBigUint64(at + 48, true));
  }
  if (cdOffset + cdSize > bytes.length) throw truncated();
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CDH) throw truncated();
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > bytes.length) throw truncated();
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      // ZIP64: the real sizes are in extra field 0x0001 (uncompressed first, then compressed, only those that overflow).
      let q = p + 46 + nameLen;
      const end = q + extraLen;
      while (q + 4 <= end) {
        const id = view.getUint16(q, true);
        const len = view.getUint16(q + 2, true);
        if (id === 0x0001) {
          let r = q + 4;
          if (uncompressedSize === 0xffffffff && r + 8 <= q + 4 + len) {
            uncompressedSize = Number(view.getBigUint64(r, true));
            r += 8;
          }
          if (compressedSize === 0xffffffff && r + 8 <= q + 4 + len) compressedSize = Number(view.getBigUint64(r, true));
          break;
        }
        q += 4 + len;
      }
    }
    if (localOffset + compressedSize > bytes.length) throw truncated();
    total += uncompressedSize;
    entries.push({ name, compressedSize, uncompressedSize, crc: view.getUint32(p + 16, true) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (total > maxUnzipped) throw ingestErrors.zipBomb(file, total, maxUnzipped);
  return entries;
}
