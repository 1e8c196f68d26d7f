import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, it, jest } from "@jest/globals";
import { expect } from "../../support/expect";
import type { WorkbookSnapshot } from "../../../src/local/snapshot";
import { loadXlsx, saveXlsx } from "../../../src/local/xlsx";
import { everythingSnapshot, normalise } from "./fixtures";

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "okr-xlsx-"));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fsp.rm(dir, { recursive: true, force: true });
});

describe("saveXlsx / loadXlsx", () => {
  it("saves and loads a file", async () => {
    const file = path.join(dir, "tracker.xlsx");
    await saveXlsx(file, everythingSnapshot());
    expect(await loadXlsx(file)).toEqual(normalise(everythingSnapshot()));
    expect(await fsp.readdir(dir)).toEqual(["tracker.xlsx"]);
  });

  it("overwrites an existing file", async () => {
    const file = path.join(dir, "tracker.xlsx");
    await saveXlsx(file, everythingSnapshot());
    const s = everythingSnapshot();
    s.name = "Renamed";
    await saveXlsx(file, s);
    expect((await loadXlsx(file)).name).toBe("Renamed");
  });

  it("gives a clear error for a missing file", async () => {
    const file = path.join(dir, "nope.xlsx");
    await expect(loadXlsx(file)).rejects.toThrow(`${file}: no such file`);
  });

  it("gives a clear error for a file that is not an xlsx", async () => {
    const text = path.join(dir, "notes.xlsx");
    await fsp.writeFile(text, "ID,Objective\nO1,Grow\n");
    await expect(loadXlsx(text)).rejects.toThrow(`${text}: not an .xlsx file`);

    const zip = path.join(dir, "other.xlsx"); // a zip, but not a workbook
    await fsp.writeFile(zip, Buffer.from("504b0506000000000000000000000000000000000000", "hex"));
    await expect(loadXlsx(zip)).rejects.toThrow(`${zip}: not an .xlsx file (no worksheets in it)`);

    const broken = path.join(dir, "broken.xlsx"); // a zip header, then garbage
    await fsp.writeFile(broken, Buffer.concat([Buffer.from("504b0304", "hex"), Buffer.alloc(200, 7)]));
    await expect(loadXlsx(broken)).rejects.toThrow(`${broken}: not an .xlsx file (cannot be read:`);

    await expect(loadXlsx(dir)).rejects.toThrow(/is a directory/);
  });

  it("leaves the old file untouched when building the new one fails", async () => {
    const file = path.join(dir, "tracker.xlsx");
    await saveXlsx(file, everythingSnapshot());
    const before = await fsp.readFile(file);
    const bad: WorkbookSnapshot = { ...everythingSnapshot(), sheets: [{ name: "A", rows: [] }, { name: "a", rows: [] }] };
    await expect(saveXlsx(file, bad)).rejects.toThrow(/Two sheets/);
    expect((await fsp.readFile(file)).equals(before)).toBe(true);
    expect(await fsp.readdir(dir)).toEqual(["tracker.xlsx"]);
  });

  it("leaves the old file untouched when writing to disk fails half way", async () => {
    const file = path.join(dir, "tracker.xlsx");
    await saveXlsx(file, everythingSnapshot());
    const before = await fsp.readFile(file);
    // The new content is on disk in a temporary file, then the final step fails.
    const rename = jest.spyOn(fsp, "rename").mockRejectedValueOnce(Object.assign(new Error("EIO: i/o error"), { code: "EIO" }));
    const s = everythingSnapshot();
    s.name = "Should not land";
    await expect(saveXlsx(file, s)).rejects.toThrow(/could not save .*EIO/);
    expect(rename).toHaveBeenCalledTimes(1);
    expect((await fsp.readFile(file)).equals(before)).toBe(true);
    expect(await fsp.readdir(dir)).toEqual(["tracker.xlsx"]); // no temporary file left behind
    expect((await loadXlsx(file)).name).toBe("Ops pilot Q1");
  });

  it("never exposes a partly written file under the real name", async () => {
    const file = path.join(dir, "tracker.xlsx");
    await saveXlsx(file, everythingSnapshot());
    const before = await fsp.readFile(file);
    const seen: string[] = [];
    const rename = jest.spyOn(fsp, "rename");
    const open = jest.spyOn(fsp, "open").mockImplementationOnce(async (p, flags) => {
      seen.push(String(p));
      expect(flags).toBe("wx");
      expect(path.dirname(String(p))).toBe(dir);
      expect(String(p)).not.toBe(file);
      // the target is still the old file while the new one is being written
      expect((await fsp.readFile(file)).equals(before)).toBe(true);
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    });
    await expect(saveXlsx(file, everythingSnapshot())).rejects.toThrow(/ENOSPC/);
    expect(open).toHaveBeenCalled();
    expect(rename).not.toHaveBeenCalled();
    expect(seen).toHaveLength(1);
    expect((await fsp.readFile(file)).equals(before)).toBe(true);
  });
});
