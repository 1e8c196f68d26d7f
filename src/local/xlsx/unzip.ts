// The unzipped size limit held while inflating (zipSize.ts checks what the zip's directory says first; a
// crafted file can say 1 KB of a part that inflates to gigabytes). Each part is inflated here, its output
// bounded: the inflating stops as soon as a part passes what the limit leaves, or MAX_RATIO times its
// compressed size (so at most the limit is ever held, and only until the refusal). The parts inflated are
// kept for exceljs (zipRead.ts), which until session 16 inflated every one again after this check had
// counted its bytes and dropped them (~0.1 s of the large tier's 26 MB of parts).
import { inflateRawSync } from "node:zlib";
import { BOMB_FLOOR, CENTRAL, findEocd, MAX_RATIO, mb, unzippedLimit, type ZipTotals } from "./zipSize";

const LOCAL = 0x04034b50;

/**
 * What `raw` inflates to, or null when that is over `cap` bytes (the inflating stopped there). Throws when
 * it is not a deflate stream.
 */
function inflateCapped(raw: Buffer, cap: number): Buffer | null {
  try {
    // maxOutputLength must be at least 1; a part of 1 byte when none is left is still over the cap.
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, cap) });
    return out.length > cap ? null : out;
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw e;
  }
}

/** The deflated parts of a zip, inflated, by where their compressed bytes start in the zip's memory (see zipRead.ts keepInflated). */
export type InflatedParts = Map<number, Buffer>;

/**
 * Throws a one-line Error when a part of `buf` inflates past the limit or like a bomb, or to another size
 * than its directory says; else returns the parts it inflated (for zipRead.ts keepInflated). It stops,
 * silent, at a zip this reader does not follow (ZIP64 records, which no workbook under the limit needs,
 * encryption, other methods, a damaged directory: exceljs reports what is wrong, and the directory's sizes
 * were checked already), returning the parts inflated before. `declared`: the directory's totals, as
 * checkUnzippedSize read them.
 */
export function checkInflatedSizes(buf: Buffer, declared: ZipTotals | null): InflatedParts {
  const parts: InflatedParts = new Map();
  const eocd = findEocd(buf);
  if (!declared || eocd < 0) return parts;
  const entries = buf.readUInt16LE(eocd + 10);
  const limit = unzippedLimit();
  let total = 0;
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return parts;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const at = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (compressed === 0xffffffff || size === 0xffffffff || at === 0xffffffff || flags & 1 || (method !== 0 && method !== 8)) return parts;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) return parts;
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    if (start + compressed > buf.length) return parts;
    let got = compressed;
    if (method === 8) {
      const room = limit - total;
      const cap = Math.min(room, Math.max(BOMB_FLOOR, compressed * MAX_RATIO));
      let out: Buffer | null;
      try {
        out = inflateCapped(buf.subarray(start, start + compressed), cap);
      } catch {
        return parts; // not a deflate stream: exceljs says so
      }
      if (!out) {
        if (cap < room) throw new Error(`refused: one part unzips to over ${MAX_RATIO} times its size (a zip bomb, not a workbook)`);
        throw new Error(`refused: its parts unzip to more than the ${mb(limit)} limit, though its zip directory says ${mb(declared.unzipped)} (a damaged or crafted file, not a workbook)`);
      }
      got = out.length;
      if (got === size) parts.set(buf.byteOffset + start, out);
    }
    if (got !== size) throw new Error(`not an .xlsx file (damaged: ${name} unzips to ${got} bytes, its zip directory says ${size})`);
    total += got;
  }
  return parts;
}
