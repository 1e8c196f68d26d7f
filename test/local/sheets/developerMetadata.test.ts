// Developer metadata on the spreadsheet as Google documents it (src/local/sheets/developerMetadata.ts;
// ref/spreadsheet/developer-metadata, developer-metadata-finder, developer-metadata-visibility): the weekly
// refresh keeps its shared record there, so the emulator must be no kinder than Google about it.
import { describe, it } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "../../support/expect";
import { setup, type Any } from "./helpers";
import { createServices } from "../../../src/local/sheets";
import { emptySnapshot } from "../../../src/local/snapshot";
import { loadXlsx, saveXlsx } from "../../../src/local/xlsx";
import { kindOf } from "../../../bench/costModel";
import { METADATA_CHARS, METADATA_ERRORS } from "../../../src/local/sheets/developerMetadata";

describe("Spreadsheet developer metadata", () => {
  it("addDeveloperMetadata returns the spreadsheet; the finder finds entries by key, value, visibility; keys may repeat", () => {
    const { ss, SpreadsheetApp } = setup();
    const V = SpreadsheetApp.DeveloperMetadataVisibility;
    expect(ss.addDeveloperMetadata("k", "one", V.PROJECT)).toBe(ss);
    ss.addDeveloperMetadata("k", "two");
    ss.addDeveloperMetadata("tag", V.PROJECT);
    const ks = ss.createDeveloperMetadataFinder().withKey("k").find();
    expect(ks.map((m: Any) => [m.getKey(), m.getValue(), String(m.getVisibility())])).toEqual([["k", "one", "PROJECT"], ["k", "two", "DOCUMENT"]]);
    expect(ks[0].getVisibility()).toBe(V.PROJECT);
    expect(ks[0].getId()).toBeGreaterThan(0);
    expect(ks[0].getId()).not.toBe(ks[1].getId());
    expect(ss.createDeveloperMetadataFinder().withVisibility(V.PROJECT).find().map((m: Any) => m.getKey())).toEqual(["k", "tag"]);
    expect(ss.createDeveloperMetadataFinder().withKey("tag").find()[0].getValue()).toBeNull();
    expect(ss.createDeveloperMetadataFinder().withValue("two").find()).toHaveLength(1);
    expect(() => ss.addDeveloperMetadata("")).toThrow(METADATA_ERRORS.badKey);
    // A third argument that is no visibility matches no overload on Google; it was stored as DOCUMENT.
    expect(() => ss.addDeveloperMetadata("k", "three", "everyone")).toThrow("don't match the method signature");
    expect(ss.createDeveloperMetadataFinder().withKey("k").find()).toHaveLength(2);
  });

  it("visibilities are enum objects, as on Google: the string \"PROJECT\" is a value, never a visibility", () => {
    const { ss, SpreadsheetApp } = setup();
    const V = SpreadsheetApp.DeveloperMetadataVisibility;
    const L = SpreadsheetApp.DeveloperMetadataLocationType;
    expect([typeof V.PROJECT, String(V.PROJECT), V.PROJECT.name(), String(L.SPREADSHEET)]).toEqual(["object", "PROJECT", "PROJECT", "SPREADSHEET"]);
    // (key, String): the (key, value) overload, DOCUMENT-visible; it was taken as PROJECT offline.
    ss.addDeveloperMetadata("k", "PROJECT");
    const [m] = ss.createDeveloperMetadataFinder().withKey("k").find();
    expect([m.getValue(), m.getVisibility()]).toEqual(["PROJECT", V.DOCUMENT]);
    expect(() => ss.addDeveloperMetadata("k", "v", "PROJECT")).toThrow("The parameters (String,String,String) don't match the method signature for SpreadsheetApp.Spreadsheet.addDeveloperMetadata.");
    expect(() => ss.createDeveloperMetadataFinder().withVisibility("PROJECT")).toThrow("The parameters (String) don't match the method signature for SpreadsheetApp.DeveloperMetadataFinder.withVisibility.");
    expect(() => ss.createDeveloperMetadataFinder().withLocationType("SPREADSHEET")).toThrow("withLocationType");
    expect(() => ss.createDeveloperMetadataFinder().withLocationType(V.PROJECT)).toThrow("withLocationType");
    expect(ss.createDeveloperMetadataFinder().withVisibility(V.PROJECT).find()).toEqual([]);
  });

  it("IDs are random positive integers, never given twice: a removed entry's ID does not come back after a save and a load", () => {
    const { ss, services } = setup();
    for (let i = 0; i < 20; i++) ss.addDeveloperMetadata(`k${i}`);
    const ids = ss.createDeveloperMetadataFinder().find().map((m: Any) => m.getId());
    expect(new Set(ids).size).toBe(20);
    expect(ids.every((id: number) => Number.isInteger(id) && id > 0)).toBe(true);
    // Counting up from the highest ID present gave 1, 2, 3, …, and the last one's ID again after it was removed.
    expect(ids.slice().sort((a: number, b: number) => a - b)).not.toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const last = ss.createDeveloperMetadataFinder().withKey("k19").find()[0];
    const gone = last.getId();
    last.remove();
    const again = createServices(services.toSnapshot()).globals.SpreadsheetApp as Any;
    again.getActive().addDeveloperMetadata("next");
    expect(again.getActive().createDeveloperMetadataFinder().withKey("next").find()[0].getId()).not.toBe(gone);
  });

  it("setValue and remove change the entry; a removed entry's handle fails", () => {
    const { ss } = setup();
    ss.addDeveloperMetadata("k", "v");
    const [m] = ss.createDeveloperMetadataFinder().withKey("k").find();
    m.setValue("w");
    expect(ss.createDeveloperMetadataFinder().withKey("k").find()[0].getValue()).toBe("w");
    m.remove();
    expect(ss.createDeveloperMetadataFinder().withKey("k").find()).toEqual([]);
    expect(() => m.getValue()).toThrow(METADATA_ERRORS.gone);
    expect(() => m.setValue("x")).toThrow(METADATA_ERRORS.gone);
  });

  it("another developer project's PROJECT metadata is never found, yet takes room at the location", () => {
    const snap = emptySnapshot("Test");
    snap.developerMetadata = [
      { id: 7, key: "theirs", value: "x".repeat(METADATA_CHARS - 20), visibility: "PROJECT", project: "another-addon" },
      { id: 8, key: "shared", value: "s", visibility: "DOCUMENT", project: "another-addon" },
    ];
    const { ss } = setup({}, snap);
    expect(ss.createDeveloperMetadataFinder().find().map((m: Any) => m.getKey())).toEqual(["shared"]);
    expect(() => ss.addDeveloperMetadata("mine", "y".repeat(20))).toThrow(METADATA_ERRORS.tooLarge);
  });

  it(`keys and values at one location are limited to ${METADATA_CHARS} characters; a write past it stores nothing`, () => {
    const { ss } = setup();
    ss.addDeveloperMetadata("a", "x".repeat(METADATA_CHARS - 2));
    expect(() => ss.addDeveloperMetadata("b", "yy")).toThrow(METADATA_ERRORS.tooLarge);
    expect(ss.createDeveloperMetadataFinder().withKey("b").find()).toEqual([]);
    const [a] = ss.createDeveloperMetadataFinder().withKey("a").find();
    expect(() => a.setValue("x".repeat(METADATA_CHARS))).toThrow(METADATA_ERRORS.tooLarge);
    expect(a.getValue()!.length).toBe(METADATA_CHARS - 2);
    a.setValue("short");
    ss.addDeveloperMetadata("b", "yy");
  });

  it("is counted as service calls, priced by the bench: find a read, add/setValue/remove writes, with* not counted", () => {
    const { ss, services, SpreadsheetApp } = setup();
    ss.addDeveloperMetadata("k", "v");
    const [m] = ss.createDeveloperMetadataFinder().withKey("k").withVisibility(SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT).withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET).find();
    m.getValue();
    m.setValue("w");
    m.remove();
    const by = services.counters.byMethod;
    expect(by).toEqual({
      "Spreadsheet.addDeveloperMetadata": 1,
      "Spreadsheet.createDeveloperMetadataFinder": 1,
      "DeveloperMetadataFinder.find": 1,
      "DeveloperMetadata.getValue": 1,
      "DeveloperMetadata.setValue": 1,
      "DeveloperMetadata.remove": 1,
    });
    expect(Object.keys(by).map((k) => [k, kindOf(k)])).toEqual([
      ["Spreadsheet.addDeveloperMetadata", "write"],
      ["Spreadsheet.createDeveloperMetadataFinder", "handle"],
      ["DeveloperMetadataFinder.find", "read"],
      ["DeveloperMetadata.getValue", "handle"],
      ["DeveloperMetadata.setValue", "write"],
      ["DeveloperMetadata.remove", "write"],
    ]);
  });

  it("travels with the spreadsheet: a snapshot and an .xlsx keep every entry, IDs and visibility", async () => {
    const { ss, services, SpreadsheetApp } = setup();
    ss.addDeveloperMetadata("k", "v", SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    ss.addDeveloperMetadata("tag");
    const snap = services.toSnapshot();
    const [k, tag] = ss.createDeveloperMetadataFinder().find().map((m: Any) => m.getId());
    expect(snap.developerMetadata).toEqual([
      { id: k, key: "k", value: "v", visibility: "PROJECT" },
      { id: tag, key: "tag", visibility: "DOCUMENT" },
    ]);
    const dir = mkdtempSync(join(tmpdir(), "okr-metadata-"));
    try {
      await saveXlsx(join(dir, "t.xlsx"), snap);
      const loaded = await loadXlsx(join(dir, "t.xlsx"));
      expect(loaded.developerMetadata).toEqual(snap.developerMetadata);
      const again = createServices(loaded).globals.SpreadsheetApp as Any;
      again.getActive().addDeveloperMetadata("next");
      expect(again.getActive().createDeveloperMetadataFinder().withKey("k").find()[0].getId(), "IDs kept").toBe(k);
      expect(again.getActive().createDeveloperMetadataFinder().withKey("next").find()[0].getId()).not.toBe(k);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a trigger run with no containing document still reads and writes it through the spreadsheet it opens", () => {
    const { ss, services, SpreadsheetApp, g } = setup({ project: { triggers: new Map(), userProperties: new Map(), triggerRunsWithoutDocument: true } });
    ss.addDeveloperMetadata("k", "v", SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    services.runningTrigger = true;
    try {
      expect(g.PropertiesService.getDocumentProperties()).toBeNull();
      const opened = SpreadsheetApp.openById(ss.getId());
      const [m] = opened.createDeveloperMetadataFinder().withKey("k").find();
      m.setValue("from the trigger");
    } finally {
      services.runningTrigger = false;
    }
    expect(ss.createDeveloperMetadataFinder().withKey("k").find()[0].getValue()).toBe("from the trigger");
  });
});
