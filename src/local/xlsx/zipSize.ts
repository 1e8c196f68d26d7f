// How big an .xlsx is once unzipped. First from the zip's central directory, before anything is inflated:
// a zip bomb, or a workbook too large for this process's memory, is refused in a moment with one line
// instead of running for minutes and dying with a heap crash. The directory is only the file's word,
// though: a crafted file can say 1 KB of a part that inflates to gigabytes, so the limit is held again
// while the parts are inflated (unzip.ts, after checkUnzippedSize).
import { getHeapStatistics } from "node:v8";

/** Unzipped XML takes roughly this many times its size in memory once exceljs and the engine hold it. */
const MEMORY_PER_XML_BYTE = 16;
/** Never more than this, whatever the heap: beyond it a file takes minutes to open. */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
/** The limit in force (tests lower it, as they would otherwise need a 256 MB bomb). */
export const UNZIP_LIMIT = { bytes: MAX_UNZIPPED_BYTES };
/** A workbook smaller than this is never called a bomb, whatever its ratio. */
export const BOMB_FLOOR = 10 * 1024 * 1024;
/** Sheet XML compresses 5–20 times; a ratio like this is a zip bomb, whatever its total. */
export const MAX_RATIO = 200;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
export const CENTRAL = 0x02014b50;

export interface ZipTotals {
  entries: number;
  compressed: number;
  unzipped: number;
  /** The entry with the highest compression ratio (bombs are one huge, tiny-compressed entry). */
  worstRatio: number;
}

/** Where the zip's end-of-central-directory record starts (searched from the end), or -1. */
export function findEocd(buf: Buffer): number {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The central directory's totals, or null when the buffer is not a zip this reader understands. */
export function zipTotals(buf: Buffer): ZipTotals | null {
  const eocd = findEocd(buf);
  if (eocd < 0) return null;
  let entries = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if ((entries === 0xffff || offset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const rec = Number(buf.readBigUInt64LE(eocd - 20 + 8));
    if (rec + 56 > buf.length) return null;
    entries = Number(buf.readBigUInt64LE(rec + 32));
    offset = Number(buf.readBigUInt64LE(rec + 48));
  }
  const totals: ZipTotals = { entries, compressed: 0, unzipped: 0, worstRatio: 0 };
  let p = offset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    let compressed = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (size === 0xffffffff || compressed === 0xffffffff) {
      // ZIP64 sizes live in the extra field (id 1): uncompressed first, then compressed.
      const z = zip64Sizes(buf, p + 46 + nameLen, extraLen, size === 0xffffffff, compressed === 0xffffffff);
      if (z.size !== null) size = z.size;
      if (z.compressed !== null) compressed = z.compressed;
    }
    totals.compressed += compressed;
    totals.unzipped += size;
    totals.worstRatio = Math.max(totals.worstRatio, size / Math.max(compressed, 1));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return totals;
}

function zip64Sizes(buf: Buffer, at: number, len: number, wantSize: boolean, wantCompressed: boolean): { size: number | null; compressed: number | null } {
  let q = at;
  while (q + 4 <= at + len && q + 4 <= buf.length) {
    const id = buf.readUInt16LE(q);
    const size = buf.readUInt16LE(q + 2);
    if (id === 1) {
      let r = q + 4;
      const out = { size: null as number | null, compressed: null as number | null };
      if (wantSize && r + 8 <= buf.length) {
        out.size = Number(buf.readBigUInt64LE(r));
        r += 8;
      }
      if (wantCompressed && r + 8 <= buf.length) out.compressed = Number(buf.readBigUInt64LE(r));
      return out;
    }
    q += 4 + size;
  }
  return { size: Number.MAX_SAFE_INTEGER, compressed: null };
}

/** The unzipped size this process can afford to open. */
export function unzippedLimit(): number {
  return Math.min(UNZIP_LIMIT.bytes, Math.floor(getHeapStatistics().heap_size_limit / MEMORY_PER_XML_BYTE));
}

export const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/**
 * Throws a one-line Error when the workbook is a zip bomb or too big to open; else gives the directory's
 * totals (null for a zip this reader does not follow: exceljs reports what is wrong with it).
 */
export function checkUnzippedSize(buf: Buffer): ZipTotals | null {
  const t = zipTotals(buf);
  if (!t) return null;
  const limit = unzippedLimit();
  if (t.unzipped > limit) {
    throw new Error(`too large to open offline: ${mb(t.unzipped)} once unzipped, and the limit is ${mb(limit)} (split the tracker, or archive old check-ins)`);
  }
  if (t.worstRatio > MAX_RATIO && t.unzipped > BOMB_FLOOR) {
    throw new Error(`refused: one part unzips to ${Math.round(t.worstRatio)} times its size (a zip bomb, not a workbook)`);
  }
  return t;
}
