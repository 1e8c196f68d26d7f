// The formulas the tracker writes must compute in a real spreadsheet, not only in HyperFormula: every
// formula here is saved with a deliberately wrong cached value, so only a real recalculation in
// LibreOffice can produce the expected numbers.
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import type { SnapshotCell, WorkbookSnapshot } from "../../../src/local/snapshot";
import { saveXlsx } from "../../../src/local/xlsx";
import { libreOfficeAvailable, recalcWithLibreOffice } from "../../support/libreoffice";

const available = libreOfficeAvailable();
if (!available) {
  console.warn("SKIPPED: LibreOffice tests — soffice not found (apt-get install -y libreoffice-calc-nogui)");
}

const JAN6 = 45663; // 2025-01-06
const STALE = 999; // the wrong cached value every formula starts with

const v = (x: string | number | boolean): SnapshotCell => ({ v: x });
const f = (formula: string, fmt?: string): SnapshotCell => ({ f: formula, v: STALE, ...(fmt ? { fmt } : {}) });

function trackerSnapshot(): WorkbookSnapshot {
  const krHeader = ["ID", "Objective ID", "Key result", "Owner", "Metric", "Unit", "Start", "Target", "Weight", "Current", "Confidence", "Last check-in", "Score", "Expected", "Status"];
  const kr = (r: number, id: string, obj: string, metric: string, start: number, target: number, current: number | null): (SnapshotCell | null)[] => [
    v(id),
    v(obj),
    v(`KR ${id}`),
    v(`owner${r}@example.com`),
    v(metric),
    v("%"),
    v(start),
    v(target),
    v(1),
    current === null ? null : v(current),
    v(7),
    { v: JAN6 + 14, fmt: "yyyy-mm-dd" },
    f(`=IF(ISNUMBER(G${r}),MIN(1,MAX(0,(J${r}-G${r})/(H${r}-G${r}))),"")`, "0.00"),
    f(`=ROUND(MIN(1,MAX(0,(AsOf-CycleStart)/(CycleWeeks*7))),4)`),
    f(`=IFS(NOT(ISNUMBER(J${r})),"Not started",N${r}-M${r}<=0.1,"On track",N${r}-M${r}<=0.25,"At risk",TRUE,"Off track")`),
  ];
  return {
    id: "local-lo-test",
    name: "LibreOffice check",
    locale: "en_US",
    timeZone: "Etc/UTC",
    sheets: [
      {
        name: "Settings",
        rows: [
          [v("Setting"), v("Value")],
          [v("Cycle name"), v("Q1 pilot")],
          [v("Start date"), { v: JAN6, fmt: "yyyy-mm-dd" }],
          [v("Weeks"), v(13)],
          [v("As of"), { v: JAN6 + 26, fmt: "yyyy-mm-dd" }],
          [v("Cycle end"), f("=CycleStart+7*CycleWeeks", "yyyy-mm-dd")],
          [v("Start text"), f('=TEXT(CycleStart,"yyyy-mm-dd")')],
          [v("Date built"), f("=DATE(2025,1,6)=CycleStart")],
          [v("KR rows"), f("=COUNTA(KrIds)")],
        ],
      },
      {
        name: "Key Results",
        rows: [
          krHeader.map(v),
          kr(2, "O1.KR1", "O1", "increase", 0, 100, 50),
          kr(3, "O1.KR2", "O1", "increase", 10, 20, 25),
          kr(4, "O2.KR1", "O2", "increase", 200, 100, 150),
          kr(5, "O2.KR2", "O2", "increase", 0, 10, null),
        ],
        frozenRows: 1,
      },
      {
        name: "Objectives",
        rows: [
          ["ID", "Objective", "KR count", "Score", "First KR", "Best KR score", "Owners", "Missing", "Safe", "Label", "Any late"].map(v),
          ...[2, 3].map((r) => [
            v(`O${r - 1}`),
            v(` Objective  ${r - 1} `),
            f(`=COUNTIF('Key Results'!$B$2:$B$100,A${r})`),
            f(`=IFERROR(SUMIF('Key Results'!$B$2:$B$100,A${r},'Key Results'!$M$2:$M$100)/COUNTIFS('Key Results'!$B$2:$B$100,A${r},'Key Results'!$M$2:$M$100,"<>"),"")`),
            f(`=INDEX('Key Results'!$C$2:$C$100,MATCH(A${r},'Key Results'!$B$2:$B$100,0))`),
            f(`=MAXIFS('Key Results'!$M$2:$M$100,'Key Results'!$B$2:$B$100,A${r})`),
            f(`=TEXTJOIN(";",TRUE,'Key Results'!$A$2:$A$3,"x")`),
            f(`=SUMPRODUCT(('Key Results'!$B$2:$B$5=A${r})*NOT(ISNUMBER('Key Results'!$J$2:$J$5)))`),
            f(`=IFERROR(1/(C${r}-2),"n/a")`),
            f(`=LOWER(TRIM(B${r}))&" ("&LEN(TRIM(B${r}))&")"`),
            f(`=OR(AND(D${r}<0.5,ISNUMBER(D${r})),ISBLANK(Z${r})=FALSE)`),
          ]),
          [v("Total"), null, f("=SUM(C2:C3)"), f(`=SUMIFS('Key Results'!$M$2:$M$100,'Key Results'!$E$2:$E$100,"increase",'Key Results'!$M$2:$M$100,">0.4")`),
            f(`=VLOOKUP("O2.KR1",'Key Results'!$A$2:$O$100,3,FALSE)`), f(`=SWITCH(C4,4,"four","other")`), f(`=CONCAT(A2,"+",A3)`)],
        ],
      },
    ],
    namedRanges: [
      { name: "CycleStart", sheet: "Settings", a1: "B3" },
      { name: "CycleWeeks", sheet: "Settings", a1: "B4" },
      { name: "AsOf", sheet: "Settings", a1: "B5" },
      { name: "KrIds", sheet: "Key Results", a1: "A:A" },
    ],
    documentProperties: {},
    triggers: [],
  };
}

(!available ? describe.skip : describe)("formulas recalculated by LibreOffice", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), "okr-lo-test-"));
    file = path.join(dir, "tracker.xlsx");
    await saveXlsx(file, trackerSnapshot());
  });
  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it("keeps the wrong cached values when not told to recalculate (so the next test means something)", async () => {
    const sheets = await recalcWithLibreOffice(file, { forceRecalc: false });
    expect(sheets["Key Results"][1][12]).toBe(STALE);
    expect(sheets["Objectives"][1][3]).toBe(STALE);
  }, 180_000);

  it("computes every formula", async () => {
    const t = performance.now();
    const sheets = await recalcWithLibreOffice(file);
    console.log(`LibreOffice recalculation took ${(performance.now() - t).toFixed(0)} ms`);

    const settings = sheets["Settings"];
    expect(settings[5][1]).toBe(JAN6 + 91);
    expect(settings[6][1]).toBe("2025-01-06");
    expect(settings[7][1]).toBe(true);
    expect(settings[8][1]).toBe(5); // a whole-column named range on a quoted sheet

    const kr = sheets["Key Results"];
    const col = (c: number) => kr.slice(1).map((row) => row[c] ?? null);
    expect(col(12)).toEqual([0.5, 1, 0.5, 0]); // Score
    expect(col(13)).toEqual([0.2857, 0.2857, 0.2857, 0.2857]); // Expected: 26 of 91 days
    expect(col(14)).toEqual(["On track", "On track", "On track", "Not started"]);

    const obj = sheets["Objectives"];
    expect(obj[1]).toEqual(["O1", " Objective  1 ", 2, 0.75, "KR O1.KR1", 1, "O1.KR1;O1.KR2;x", 0, "n/a", "objective 1 (11)", false]);
    expect(obj[2]).toEqual(["O2", " Objective  2 ", 2, 0.25, "KR O2.KR1", 0.5, "O1.KR1;O1.KR2;x", 1, "n/a", "objective 2 (11)", true]);
    expect(obj[3]).toEqual(["Total", null, 4, 2, "KR O2.KR1", "four", "O1+O2"]);
    // no formula anywhere kept its stale cached value
    for (const [name, rows] of Object.entries(sheets)) {
      for (const row of rows) expect(row, name).not.toContain(STALE);
    }
  }, 180_000);
});
