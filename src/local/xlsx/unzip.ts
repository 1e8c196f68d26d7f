// The unzipped size limit held while inflating (zipSize.ts checks what the zip's directory says first; a
// crafted file can say 1 KB of a part that inflates to gigabytes). Each part is inflated here as a stream
// and its bytes counted as they come; the inflating stops as soon as a part passes what the limit leaves,
// or MAX_RATIO times its compressed size. The output is dropped as it comes (a part is never held whole),
// and exceljs then inflates the same bytes, now known to give what the directory says. Cost: the large
// tier's 26 MB of parts inflate in ~0.1 s, beside ~1 s for exceljs to read the file.
import { createInflateRaw } from "node:zlib";
import { BOMB_FLOOR, CENTRAL, findEocd, MAX_RATIO, mb, unzippedLimit, type ZipTotals } from "./zipSize";

const LOCAL = 0x04034b50;

/** How many bytes `raw` inflates to, counting stopped once past `cap` (then a number over it). */
function inflatedSize(raw: Buffer, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 64 * 1024 });
    let n = 0;
    z.on("data", (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap) {
        z.destroy();
        resolve(n);
      }
    });
    z.on("end", () => resolve(n));
    z.on("error", reject);
    z.end(raw);
  });
}

/**
 * Throws a one-line Error when a part of `buf` inflates past the limit or like a bomb, or to another size
 * than its directory says; silent otherwise, and for a zip this reader does not follow (ZIP64 records, which
 * no workbook under the limit needs, encryption, other methods, a damaged directory: exceljs reports what
 * is wrong, and the directory's sizes were checked already). `declared`: the directory's totals, as
 * checkUnzippedSize read them.
 */
export async function checkInflatedSizes(buf: Buffer, declared: ZipTotals | null): Promise<void> {
  const eocd = findEocd(buf);
  if (!declared || eocd < 0) return;
  const entries = buf.readUInt16LE(eocd + 10);
  const limit = unzippedLimit();
  let total = 0;
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const at = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (compressed === 0xffffffff || size === 0xffffffff || at === 0xffffffff || flags & 1 || (method !== 0 && method !== 8)) return;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) return;
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    if (start + compressed > buf.length) return;
    let got = compressed;
    if (method === 8) {
      const room = limit - total;
      const cap = Math.min(room, Math.max(BOMB_FLOOR, compressed * MAX_RATIO));
      try {
        got = await inflatedSize(buf.subarray(start, start + compressed), cap);
      } catch {
        return; // not a deflate stream: exceljs says so
      }
      if (got > cap) {
        if (cap < room) throw new Error(`refused: one part unzips to over ${MAX_RATIO} times its size (a zip bomb, not a workbook)`);
        throw new Error(`refused: its parts unzip to more than the ${mb(limit)} limit, though its zip directory says ${mb(declared.unzipped)} (a damaged or crafted file, not a workbook)`);
      }
    }
    if (got !== size) throw new Error(`not an .xlsx file (damaged: ${name} unzips to ${got} bytes, its zip directory says ${size})`);
    total += got;
  }
}
