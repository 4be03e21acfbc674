import { Inflate } from 'fflate';
import { UserError } from '../text';
import { ingestErrors } from './errors';

/** One entry of a zip's central directory, checked by inspectZip. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  crc: number;
  /** 0 stored, 8 deflated (inspectZip refuses the rest). */
  method: number;
  /** The compressed bytes. */
  data: Uint8Array;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;
const EOCD64_LOCATOR = 0x07064b50;
const U32_MAX = 0xffffffff;

/** Deflate's best case: one 258-byte match per 2 bits, so no deflated entry can inflate to more than this × its size. */
export const MAX_DEFLATE_RATIO = 1032;
/** Compressed bytes inflated per step, at the most (1032 × this, 66 MB, can come out before a check). */
const MAX_STEP = 64 * 1024;
/** … and at the least (an entry declaring a few bytes overshoots by at most about 1 MB before it is stopped). */
const MIN_STEP = 1024;
/** Slack on the ratio bound for the stream's block headers. */
const RATIO_SLACK = 1024;

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Reads a zip's central directory and checks it before anything is inflated or allocated for it:
 * - a truncated file, or a directory pointing outside the file → `ingest.corrupt`;
 * - entries declaring more than `maxUnzipped` bytes in total → `ingest.zip-bomb`;
 * - a declared size no deflate stream of that length could reach (compressed × 1032), a local header that declares
 *   another size than the directory, an unknown method → `ingest.corrupt`; an encrypted entry →
 *   `ingest.password-protected`.
 * The sizes can still lie small: inflateEntry stops an entry as soon as it passes its declared size, so with the
 * declared total checked here, the real total can never pass the limit.
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
  if ((count === 0xffff || cdOffset === U32_MAX) && eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    if (at + 56 > bytes.length) throw truncated();
    count = Number(view.getBigUint64(at + 32, true));
    cdSize = Number(view.getBigUint64(at + 40, true));
    cdOffset = Number(view.getBigUint64(at + 48, true));
  }
  if (cdOffset + cdSize > bytes.length) throw truncated();
  const found: Located[] = [];
  let declaredTotal = 0;
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CDH) throw truncated();
    const method = view.getUint16(p + 10, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > bytes.length) throw truncated();
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const extra = bytes.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    // ZIP64: the sizes and offset that overflow 32 bits are in extra field 0x0001, in this order.
    const z64 = zip64Field(extra);
    let r = 0;
    const wide = (narrow: number) => {
      if (narrow !== U32_MAX || !z64 || r + 8 > z64.length) return narrow;
      const v = Number(new DataView(z64.buffer, z64.byteOffset + r, 8).getBigUint64(0, true));
      r += 8;
      return v;
    };
    const uncompressedSize = wide(view.getUint32(p + 24, true));
    const compressedSize = wide(view.getUint32(p + 20, true));
    const localOffset = wide(view.getUint32(p + 42, true));
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LFH) throw truncated();
    const localNameLen = view.getUint16(localOffset + 26, true);
    const localExtraLen = view.getUint16(localOffset + 28, true);
    const dataStart = localOffset + 30 + localNameLen + localExtraLen;
    if (dataStart + compressedSize > bytes.length) throw truncated();
    const entry: ZipEntry = { name, compressedSize, uncompressedSize, crc: view.getUint32(p + 16, true), method, data: bytes.subarray(dataStart, dataStart + compressedSize) };
    const local = localDeclaredSize(view, localOffset, bytes.subarray(localOffset + 30 + localNameLen, dataStart));
    found.push({ entry, encrypted: (view.getUint16(p + 8, true) & 1) === 1, local });
    declaredTotal += Math.max(uncompressedSize, local);
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (declaredTotal > maxUnzipped) throw ingestErrors.zipBomb(file, declaredTotal, maxUnzipped);
  for (const f of found) checkDeclared(f, file);
  return found.map((f) => f.entry);
}

/** A directory entry with what the guard needs beyond what it returns. */
interface Located {
  entry: ZipEntry;
  encrypted: boolean;
  /** The uncompressed size the local header declares (0 when a data descriptor follows the data). */
  local: number;
}

/** Checks one entry's declared sizes against what its method and compressed size can produce. */
function checkDeclared(f: Located, file: string): void {
  const { entry } = f;
  if (f.encrypted) throw ingestErrors.passwordProtected(file);
  if (entry.method === 0) {
    if (entry.uncompressedSize !== entry.compressedSize || (f.local && f.local !== entry.compressedSize)) throw sizeLie(file, entry.name);
    return;
  }
  if (entry.method !== 8) {
    throw ingestErrors.corrupt(file, {
      vi: `phần "${entry.name}" bên trong được nén theo cách Excel không dùng (phương thức ${entry.method})`,
      en: `its part "${entry.name}" uses a compression method Excel does not write (method ${entry.method})`,
    });
  }
  const most = entry.compressedSize * MAX_DEFLATE_RATIO + RATIO_SLACK;
  if (entry.uncompressedSize > most || f.local > most) throw sizeLie(file, entry.name);
  if (f.local && f.local !== entry.uncompressedSize) throw sizeLie(file, entry.name);
}

/**
 * The bytes of one entry inspectZip accepted. A deflated entry is inflated (fflate) a step at a time — the input
 * that could reach the declared size, within 1–64 KB — into a buffer of its declared size, and stopped as soon as it
 * passes that size: the directory lied, and the file is refused as a bomb at once (`ingest.zip-bomb`), however far
 * it would go. Less than declared, or damaged deflate data → `ingest.corrupt`. The CRC is the caller's to check.
 */
export function inflateEntry(entry: ZipEntry, file: string, maxUnzipped: number): Uint8Array {
  if (entry.method === 0) return entry.data;
  const out = new Uint8Array(entry.uncompressedSize);
  let n = 0;
  const inflate = new Inflate((chunk) => {
    if (n + chunk.length > out.length) throw undeclaredGrowth(file, entry, maxUnzipped);
    out.set(chunk, n);
    n += chunk.length;
  });
  const { data } = entry;
  const step = Math.min(MAX_STEP, Math.max(MIN_STEP, Math.ceil(entry.uncompressedSize / MAX_DEFLATE_RATIO)));
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let at = 0; at < data.length; at += step) inflate.push(data.subarray(at, at + step), at + step >= data.length);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw ingestErrors.corrupt(file, {
      vi: `phần "${entry.name}" bên trong tệp bị hỏng (dữ liệu nén không giải nén được)`,
      en: `its part "${entry.name}" is damaged (its compressed data does not inflate)`,
    });
  }
  if (n !== out.length) throw sizeLie(file, entry.name);
  return out;
}

/** The bytes of extra field 0x0001 (ZIP64 sizes), if present. */
function zip64Field(extra: Uint8Array): Uint8Array | undefined {
  const v = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = v.getUint16(q, true);
    const len = v.getUint16(q + 2, true);
    if (id === 0x0001) return extra.subarray(q + 4, Math.min(extra.length, q + 4 + len));
    q += 4 + len;
  }
  return undefined;
}

/** The uncompressed size a local header declares (ZIP64 extra field when its 32-bit field is full; 0 when a data descriptor follows). */
function localDeclaredSize(view: DataView, localOffset: number, localExtra: Uint8Array): number {
  const size = view.getUint32(localOffset + 22, true);
  if (size !== U32_MAX) return size;
  const z = zip64Field(localExtra);
  return z && z.length >= 8 ? Number(new DataView(z.buffer, z.byteOffset, 8).getBigUint64(0, true)) : size;
}

function sizeLie(file: string, name: string): UserError {
  return ingestErrors.corrupt(file, {
    vi: `phần "${name}" bên trong khai báo kích thước khác với nội dung thật (tệp hỏng hoặc đã bị sửa có chủ ý)`,
    en: `its part "${name}" declares a size that does not match its real contents (damaged, or deliberately altered)`,
  });
}

/** `ingest.zip-bomb` for an entry that inflates past the size the directory declares for it. */
function undeclaredGrowth(file: string, entry: ZipEntry, max: number): UserError {
  const declared = entry.uncompressedSize.toLocaleString('en-US');
  return new UserError('ingest.zip-bomb', {
    vi: `Tệp "${file}" có phần "${entry.name}" khai báo ${declared} byte nhưng giải nén ra nhiều hơn thế: kích thước đã bị sửa, tệp có thể là "bom nén" độc hại nên đã dừng giải nén trước khi vượt giới hạn giải nén ${mb(max)} và không mở. Nếu đây đúng là danh sách khách hàng, hãy mở bằng Excel và lưu lại.`,
    en: `"${file}" has a part "${entry.name}" that declares ${declared} bytes but unpacks to more: its sizes were altered and it may be a malicious "zip bomb", so unpacking was stopped before the unpacked size limit of ${mb(max)} and it was not opened. If it really is a contact list, open it in Excel and save it again.`,
  }, { file });
}
