// A zip's central directory says how big each part is once unzipped; a crafted file can say little and
// inflate to gigabytes. The size check (zipSize.ts) must hold while the parts are inflated: it counts the
// bytes as they come and stops at the limit, with one line saying what is wrong, instead of trusting the
// directory and leaving the inflating to exceljs (which held the whole part in memory before noticing).
import { deflateRawSync } from "node:zlib";
import { afterEach, describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { emptySnapshot } from "../../../src/local/snapshot";
import { snapshotToXlsx, xlsxToSnapshot } from "../../../src/local/xlsx";
import { UNZIP_LIMIT, zipTotals } from "../../../src/local/xlsx/zipSize";

const MB = 1024 * 1024;
const limitBefore = UNZIP_LIMIT.bytes;
afterEach(() => void (UNZIP_LIMIT.bytes = limitBefore));

/**
 * A real workbook with one more part, `xl/extra.xml`: `content` deflated, its central directory entry (and
 * local header) declaring `declared` bytes once unzipped.
 */
async function withPart(content: Buffer, declared: number): Promise<Buffer> {
  const zip = await snapshotToXlsx(emptySnapshot("Crafted"));
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const name = Buffer.from("xl/extra.xml");
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflated
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(cdOffset, 42); // the new part goes where the directory was
  const before = zip.subarray(0, cdOffset);
  const dir = zip.subarray(cdOffset, cdOffset + cdSize);
  const end = Buffer.from(zip.subarray(eocd));
  const newCdOffset = cdOffset + local.length + name.length + data.length;
  end.writeUInt16LE(entries + 1, 8);
  end.writeUInt16LE(entries + 1, 10);
  end.writeUInt32LE(cdSize + central.length + name.length, 12);
  end.writeUInt32LE(newCdOffset, 16);
  return Buffer.concat([before, local, name, data, dir, central, name, end]);
}

describe("The unzipped size limit holds while inflating", () => {
  it("a part that inflates past the limit though its directory says 1 KB is refused in one line", async () => {
    UNZIP_LIMIT.bytes = 8 * MB;
    const buf = await withPart(Buffer.alloc(40 * MB, " "), 1024);
    // What the directory says is harmless: the old check let it through.
    expect(zipTotals(buf)!.unzipped).toBeLessThan(MB);
    const err = await xlsxToSnapshot(buf).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/^refused: its parts unzip to more than the 8 MB limit, though its zip directory says 0 MB \(a damaged or crafted file, not a workbook\)$/);
  });

  it("a part that inflates to over 200 times its size is refused as a zip bomb, whatever its directory says", async () => {
    const buf = await withPart(Buffer.alloc(30 * MB, 0), 1024);
    const err = await xlsxToSnapshot(buf).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/^refused: one part unzips to over 200 times its size \(a zip bomb, not a workbook\)$/);
  });

  it("a part that unzips to another size than its directory says, within the limit, is a damaged file", async () => {
    const buf = await withPart(Buffer.from("<x/>".repeat(1000)), 10);
    const err = await xlsxToSnapshot(buf).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/^not an \.xlsx file \(damaged: xl\/extra\.xml unzips to 4000 bytes, its zip directory says 10\)$/);
  });

  it("an honest extra part is read as before", async () => {
    const buf = await withPart(Buffer.from("<x/>".repeat(1000)), 4000);
    expect((await xlsxToSnapshot(buf)).name).toBe("Crafted");
  });
});
