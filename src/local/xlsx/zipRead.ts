// exceljs reads every part of an .xlsx through JSZip's `entry.async("string")` (xlsx.js load). JSZip runs
// that through its worker chain: the compressed bytes cut into 16 KB chunks, one setImmediate tick each,
// gathered again for zlib (the CLI bundle's native flate, scripts/build.mjs; pako under Jest), the output
// copied into a new Buffer and decoded to text chunk by chunk. For a large tracker's 26 MB of XML that
// chain cost more than the inflating itself. A deflated part asked for whole as text or a Buffer is
// inflated here at once by Node's zlib and decoded in one piece: the same text (JSZip decodes UTF-8 with
// Buffer#toString too), the same check of the size the zip directory gives. Anything else (stored parts,
// other types, progress callbacks, data not read from a Buffer) goes through JSZip as before. A part the
// unzipped size check inflated already (unzip.ts checkInflatedSizes, handed over by keepInflated) is not
// inflated a second time.
import { inflateRawSync } from "node:zlib";
import ZipObject from "jszip/lib/zipObject.js";
import CompressedObject from "jszip/lib/compressedObject.js";

const DEFLATE = "\x08\x00";
let patched = false;

/**
 * Parts inflated already, by the memory the zip is in and where in it their compressed bytes start: JSZip
 * reads a Buffer's parts as slices of it (NodeBufferReader), so a part's compressed bytes say which zip and
 * which part they are, whichever load asks, and two files read at once do not mix.
 */
const inflated = new WeakMap<ArrayBufferLike, Map<number, Buffer>>();

/**
 * Hands `parts` (unzip.ts InflatedParts of `zip`) to the reads of `zip` until dropInflated. Small Buffers
 * share their memory (Node's pool): the parts of two files there are kept side by side, at their offsets.
 */
export function keepInflated(zip: Buffer, parts: Map<number, Buffer>): void {
  if (!parts.size) return;
  const kept = inflated.get(zip.buffer);
  if (!kept) inflated.set(zip.buffer, new Map(parts));
  else for (const [at, out] of parts) kept.set(at, out);
}

/** Lets go of what keepInflated kept for `zip` (what no read took: a part exceljs does not read). */
export function dropInflated(zip: Buffer): void {
  const kept = inflated.get(zip.buffer);
  if (!kept) return;
  for (const at of kept.keys()) if (at >= zip.byteOffset && at < zip.byteOffset + zip.length) kept.delete(at);
  if (!kept.size) inflated.delete(zip.buffer);
}

/** The part whose compressed bytes are `content`, inflated already, taken (each is read once); else undefined. */
function takeInflated(content: Uint8Array): Buffer | undefined {
  const parts = inflated.get(content.buffer);
  const out = parts?.get(content.byteOffset);
  if (out) parts!.delete(content.byteOffset);
  return out;
}

/** Installs the direct path; once per process (every JSZip of the process shares the prototype). */
export function patchZipRead(): void {
  if (patched) return;
  patched = true;
  const original = ZipObject.prototype.async;
  ZipObject.prototype.async = function (this: ZipObjectInternals, type: string, onUpdate?: unknown) {
    const data = this._data;
    if (
      onUpdate === undefined &&
      (type === "string" || type === "nodebuffer") &&
      this._dataBinary &&
      data instanceof CompressedObject &&
      data.compression?.magic === DEFLATE &&
      data.compressedContent instanceof Uint8Array
    ) {
      try {
        const out = takeInflated(data.compressedContent) ?? inflateRawSync(data.compressedContent);
        // JSZip's own check (compressedObject.js getContentWorker), with its words.
        if (out.length !== data.uncompressedSize) throw new Error("Bug : uncompressed data size mismatch");
        return Promise.resolve(type === "string" ? out.toString("utf8") : out);
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return original.call(this, type, onUpdate);
  };
}

interface ZipObjectInternals {
  _data: unknown;
  _dataBinary?: boolean;
}
