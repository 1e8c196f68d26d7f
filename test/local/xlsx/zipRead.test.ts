// The parts of an .xlsx are inflated once (session 16): the unzipped size check (unzip.ts) inflates each part
// to hold the limit, and keeps what it inflated for exceljs's reads (zipRead.ts), which inflated every part a
// second time before. Shown by handing a read other bytes for a part than the zip holds: it returns them.
import JSZip from "jszip";
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { emptySnapshot } from "../../../src/local/snapshot";
import { snapshotToXlsx } from "../../../src/local/xlsx";
import { checkInflatedSizes } from "../../../src/local/xlsx/unzip";
import { dropInflated, keepInflated, patchZipRead } from "../../../src/local/xlsx/zipRead";
import { checkUnzippedSize } from "../../../src/local/xlsx/zipSize";

describe("a part inflated by the size check", () => {
  it("is what the read of it returns, taken once; after that, or once let go of, the part is inflated from the zip", async () => {
    patchZipRead();
    const buf = await snapshotToXlsx(emptySnapshot("Kept"));
    const parts = checkInflatedSizes(buf, checkUnzippedSize(buf));
    const zip = await JSZip.loadAsync(buf);
    const name = "xl/sharedStrings.xml"; // holds the metadata, which names the workbook
    const real = await zip.file(name)!.async("string");
    // Every deflated part is kept, each as it unzips.
    const texts = [...parts.values()].map((b) => b.toString("utf8"));
    expect(texts).toContain(real);
    expect(parts.size).toBe(Object.values(zip.files).filter((f) => !f.dir).length);
    const at = [...parts].find(([, b]) => b.toString("utf8") === real)![0];
    const other = Buffer.from(real.replace("Kept", "Took"));
    expect([other.length, other.toString("utf8") === real]).toEqual([Buffer.byteLength(real), false]);

    keepInflated(buf, new Map([[at, other]]));
    try {
      expect(await zip.file(name)!.async("string")).toBe(other.toString("utf8"));
      expect(await zip.file(name)!.async("string")).toBe(real);
    } finally {
      dropInflated(buf);
    }
    keepInflated(buf, new Map([[at, other]]));
    dropInflated(buf);
    expect(await zip.file(name)!.async("string")).toBe(real);
  });
});
