// The weekly summary's records in document properties (checkpoints, the Weekly Trend's record, History's
// Score format) are read in one call and written in one, through the BUILT add-on (run `npm run build`
// first): each property call is a round trip on Google (README, "The cost model"). What a generation
// records goes in at its end, so one that fails part-way leaves the records as they were.
import { afterEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, rowsOf, setToday } from "../support/tracker";
import { trackerInUse } from "../support/inUse";
import { LocalRange } from "../../src/local/sheets";
import { batchedProps } from "../../src/server/propsBatch";
import type { Workbook } from "../../src/local/runtime";

const NEXT_WEEK = "2026-01-27";

function propertyCalls(wb: Workbook): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const [m, n] of Object.entries(wb.services.counters.byMethod)) if (m.startsWith("Properties.")) calls[m] = n;
  return calls;
}

function documentProperties(wb: Workbook): Record<string, string> {
  const service = wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  return service.getDocumentProperties().getProperties();
}

describe("the weekly summary's document properties", () => {
  const setValues = LocalRange.prototype.setValues;
  afterEach(() => {
    LocalRange.prototype.setValues = setValues;
  });

  it("are read with one call and written with one, whatever the week", () => {
    const wb = trackerInUse();
    for (const at of [NEXT_WEEK, NEXT_WEEK, "2026-02-03"]) {
      setToday(wb, at);
      wb.services.counters.reset();
      expect(callAddon(wb, "generateWeeklySummary", { at }).ok).toBe(true);
      expect(propertyCalls(wb), at).toEqual({ "Properties.getProperties": 1, "Properties.setProperties": 1 });
    }
    const props = documentProperties(wb);
    const weeks = (JSON.parse(props["okrSheets.summaryCheckpoints"]) as { week: number }[]).map((c) => c.week);
    expect(weeks).toEqual([3, 4, 5]);
    expect(JSON.parse(props["okrSheets.trendBlock"]).digests).toHaveProperty("5");
    expect(Object.keys(props)).toContain("okrSheets.historyScoreFormat");
  });

  it("are left as they were by a generation that fails part-way", () => {
    const wb = trackerInUse();
    setToday(wb, NEXT_WEEK);
    const before = documentProperties(wb);
    // History's rows are written after the report, the Weekly Trend and its record: a service error there.
    LocalRange.prototype.setValues = function (this: LocalRange, values: unknown[][]) {
      if (this.getSheet().getName() === "History") throw new Error("Service Spreadsheets timed out while accessing document");
      return setValues.call(this, values as never);
    };
    const r = callAddon(wb, "generateWeeklySummary", { at: NEXT_WEEK });
    expect(r.ok).toBe(false);
    expect(documentProperties(wb)).toEqual(before);
    // The next run, the service back, writes the week as any would and records it.
    LocalRange.prototype.setValues = setValues;
    expect(callAddon(wb, "generateWeeklySummary", { at: NEXT_WEEK }).ok).toBe(true);
    const weeks = (JSON.parse(documentProperties(wb)["okrSheets.summaryCheckpoints"]) as { week: number }[]).map((c) => c.week);
    expect(weeks).toEqual([3, 4]);
    const weekRows = (week: number) => rowsOf(wb, "History").filter((r) => r["Week"] === week).length;
    expect(weekRows(4)).toBe(weekRows(3));
  });
});

describe("a record too large for a property", () => {
  it("is dropped and its older value deleted, the other records written: the generation keeps what fits", () => {
    const stored: Record<string, string> = { "okrSheets.trendBlock": "last week's", other: "kept" };
    const calls: string[] = [];
    const fake = {
      getProperties: () => ({ ...stored }),
      setProperties: (values: Record<string, string>) => {
        calls.push(`set ${Object.keys(values).join(",")}`);
        for (const [k, v] of Object.entries(values)) {
          if (new TextEncoder().encode(v).length > 9 * 1024) throw new Error("Argument too large: value");
          stored[k] = v;
        }
      },
      deleteProperty: (k: string) => {
        calls.push(`delete ${k}`);
        delete stored[k];
      },
    } as unknown as GoogleAppsScript.Properties.Properties;
    const batch = batchedProps(fake)!;
    expect(batch.getProperty("okrSheets.trendBlock")).toBe("last week's");
    batch.setProperty("okrSheets.trendBlock", "é".repeat(4_700)); // 9,400 bytes in UTF-8, 4,700 characters
    batch.setProperty("okrSheets.summaryCheckpoints", "[]");
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (...m: unknown[]) => void warned.push(String(m[0]));
    try {
      batch.commit();
    } finally {
      console.warn = warn;
    }
    expect(warned).toEqual(["okr-sheets: the record okrSheets.trendBlock is 9400 bytes, over the 9 KB a property holds: not kept."]);
    expect(calls).toEqual(["set okrSheets.summaryCheckpoints", "delete okrSheets.trendBlock"]);
    expect(stored).toEqual({ other: "kept", "okrSheets.summaryCheckpoints": "[]" });
  });
});
