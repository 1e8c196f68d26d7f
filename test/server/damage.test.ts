// Damaged workbooks, through the built add-on: a tab renamed or deleted, columns moved or renamed, a
// formula overwritten by a number, rows inserted above a header. Reading code finds tabs by name and
// columns by header; what it cannot find is reported, never crashed on, and nothing is written then;
// Repair tracker restores what it can without losing a row and says what it did.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { evaluateTracker } from "../../src/core/evaluate";
import { callAddon, callAddonRaw, requestId, rowsOf, setSetting, ss } from "../support/tracker";
import { everything, IN_USE_TODAY as TODAY, PROTECTION, tab as sheet, TWO_CHECKINS, trackerInUse } from "../support/inUse";
import type { AddonEntry, Workbook } from "../../src/local/runtime";

const ADMIN = "ops.lead@example.com";

/** A tracker in use: three check-ins and one summary. */
const inUse = (): Workbook => trackerInUse({ checkins: [...TWO_CHECKINS, ["O3.KR2", "1"]], whatChanged: "moved on" });

/** A tab's values, keyed by header: what must survive a repair. */
function dataOf(wb: Workbook, tab: string, headers: string[]): unknown[][] {
  return rowsOf(wb, tab).map((r) => headers.map((h) => r[h]));
}

function refusedWithoutWriting(wb: Workbook, fn: AddonEntry, arg: unknown, pattern: RegExp): string {
  const before = everything(wb);
  const r = callAddonRaw(wb, fn, arg);
  expect(r.ok, `${fn} should refuse`).toBe(false);
  expect(r.message).toMatch(pattern);
  expect(r.message).not.toMatch(/\n\s+at |TypeError|undefined|\[object/);
  expect(everything(wb)).toBe(before);
  return r.message;
}

function sidebarAs(wb: Workbook) {
  return callAddon(wb, "getSidebarData", {});
}

const KR_DATA = ["ID", "Objective ID", "Key result", "Owner", "Metric", "Start", "Target", "Weight", "Current", "Confidence"];
const LOG_DATA = ["KR ID", "Value", "Confidence", "What changed", "Author", "Request ID"];

describe("a renamed tab", () => {
  const cases = [
    { tab: "Key Results", data: KR_DATA },
    { tab: "Objectives", data: ["ID", "Objective", "Owner", "Type"] },
    { tab: "Check-ins", data: LOG_DATA },
    { tab: "History", data: ["Week", "KR ID", "Score", "Status"] },
    { tab: "Settings", data: [] },
  ];
  for (const { tab, data } of cases) {
    it(`"${tab}": the summary reports it and writes nothing; Repair renames it back with every row kept`, () => {
      const wb = inUse();
      const rowsBefore = data.length ? dataOf(wb, tab, data) : null;
      const settingsBefore = sheet(wb, "Settings").getRange("A1:B14").getValues();
      sheet(wb, tab).setName(`${tab} (mine)`);

      refusedWithoutWriting(wb, "generateWeeklySummary", { at: TODAY }, new RegExp(`"${tab}" tab is missing.*Repair tracker`));

      const r = callAddon(wb, "repairTracker");
      expect(r.ok).toBe(true);
      expect(r.restored.join("\n")).toContain(`Tab "${tab} (mine)" renamed back to "${tab}"`);
      expect(ss(wb).getSheetByName(`${tab} (mine)`)).toBeNull();
      if (rowsBefore) expect(dataOf(wb, tab, data)).toEqual(rowsBefore);
      else expect(sheet(wb, "Settings").getRange("A1:B14").getValues()).toEqual(settingsBefore);

      // The tracker works again: a check-in and a summary.
      const c = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "88", confidence: 7 });
      expect(c.ok).toBe(true);
      expect(callAddon(wb, "generateWeeklySummary", { at: TODAY }).ok).toBe(true);
      expect(rowsOf(wb, "Check-ins")).toHaveLength(4);
    });
  }

  it("two tabs that both look like the missing one: Repair asks which, and changes nothing", () => {
    const wb = inUse();
    const krs = sheet(wb, "Key Results");
    krs.setName("KRs old");
    const copy = ss(wb).insertSheet("KRs copy", ss(wb).getSheets().length); // the last tab, after "KRs old"
    const values = krs.getRange(1, 1, 3, 15).getValues();
    copy.getRange(1, 1, 3, 15).setValues(values);
    refusedWithoutWriting(wb, "repairTracker", undefined, /"Key Results" tab is missing, and "KRs old" and "KRs copy" all look like it/);
  });

  it("an archive of an earlier cycle or a user's own tab is never taken for the missing one", () => {
    const wb = inUse();
    // The user's import source has KR-like columns but not the tracker's (no Score, Expected, Status).
    const mine = ss(wb).insertSheet("My KR list");
    mine.getRange(1, 1, 2, 4).setValues([["ID", "Objective ID", "Key result", "Owner"], ["X1", "O1", "Something", ADMIN]]);
    ss(wb).deleteSheet(sheet(wb, "Key Results"));
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(r.created).toContain("Key Results");
    expect(sheet(wb, "My KR list").getRange(2, 1).getValue()).toBe("X1");
  });
});

describe("a deleted tab", () => {
  for (const tab of ["Key Results", "Objectives", "Check-ins", "History", "Settings"]) {
    it(`"${tab}": sidebar and summary say which tab and what to do; nothing is written`, () => {
      const wb = inUse();
      ss(wb).deleteSheet(sheet(wb, tab));
      refusedWithoutWriting(wb, "generateWeeklySummary", { at: TODAY }, new RegExp(`"${tab}" tab is missing`));
      if (tab === "Key Results" || tab === "Settings") refusedWithoutWriting(wb, "getSidebarData", {}, new RegExp(`"${tab}" tab is missing`));
      if (tab !== "Objectives" && tab !== "History") {
        refusedWithoutWriting(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "88", confidence: 7 }, new RegExp(`"${tab}" tab`));
      }
      const r = callAddon(wb, "repairTracker");
      expect(r.ok).toBe(true);
      expect(r.created).toContain(tab);
    });
  }
});

describe("moved and renamed columns", () => {
  /** Swaps two whole columns of a tab (header and data), as dragging them in Sheets would. */
  function swapColumns(wb: Workbook, tab: string, a: string, b: string): void {
    const s = sheet(wb, tab);
    const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
    const [ca, cb] = [headers.indexOf(a) + 1, headers.indexOf(b) + 1];
    const n = s.getMaxRows();
    const va = s.getRange(1, ca, n, 1).getValues();
    const vb = s.getRange(1, cb, n, 1).getValues();
    s.getRange(1, ca, n, 1).setValues(vb);
    s.getRange(1, cb, n, 1).setValues(va);
  }

  it("Metric and Unit swapped: the sidebar and check-ins still work; Repair rewrites the formulas for the new places", () => {
    const wb = inUse();
    swapColumns(wb, "Key Results", "Metric", "Unit");
    const d = sidebarAs(wb);
    expect(d.ok).toBe(true);
    const kr1 = d.krs.find((k: { id: string }) => k.id === "O1.KR1");
    expect(kr1).toMatchObject({ metric: "increase", unit: "%" });
    const c = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "90", confidence: 8 });
    expect(c.ok).toBe(true);
    expect(rowsOf(wb, "Key Results").find((r) => r["ID"] === "O1.KR1")!["Current"]).toBe(90);

    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(r.restored.join("\n")).toMatch(/Key Results: Score formula in rows 2, 3/);
    // After repair every score is what the TypeScript rules compute.
    const krs = rowsOf(wb, "Key Results");
    expect(krs.find((k) => k["ID"] === "O1.KR1")!["Score"]).toBeCloseTo((90 - 82) / (95 - 82), 12);
    for (const k of krs) expect(k["Status"]).not.toBe("Setup error");
  });

  it("a renamed header is reported by name, by the sidebar, check-in and summary alike, and nothing is written", () => {
    const wb = inUse();
    const krs = sheet(wb, "Key Results");
    const headers = krs.getRange(1, 1, 1, 15).getValues()[0].map(String);
    krs.getRange(1, headers.indexOf("Owner") + 1).setValue("Owner name");
    // Each names the renamed one, as Repair does (test/server/repairRenamedColumn.test.ts).
    const pattern = /^Key Results has no "Owner" column but has "Owner name": rename it back/;
    refusedWithoutWriting(wb, "getSidebarData", {}, pattern);
    refusedWithoutWriting(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: "88", confidence: 7 }, pattern);
    refusedWithoutWriting(wb, "generateWeeklySummary", { at: TODAY }, pattern);
    // Repair names the renamed one and writes nothing (it added an empty Owner column: every KR without an
    // owner, test/server/repairRenamedColumn.test.ts); renamed back, the tracker works with its owners.
    refusedWithoutWriting(wb, "repairTracker", {}, /no "Owner" column but has "Owner name": rename it back/);
    krs.getRange(1, headers.indexOf("Owner") + 1).setValue("Owner");
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(rowsOf(wb, "Key Results").find((k) => k["ID"] === "O1.KR1")!["Owner"]).toBe("dispatch.lead@example.com");
  });
});

describe("a formula overwritten by a number", () => {
  it("the sidebar shows the sheet as it is, the summary scores by the rules, and Repair restores the formula and names it", () => {
    const wb = inUse();
    const krs = sheet(wb, "Key Results");
    const headers = krs.getRange(1, 1, 1, 15).getValues()[0].map(String);
    const scoreCol = headers.indexOf("Score") + 1;
    const statusCol = headers.indexOf("Status") + 1;
    krs.getRange(2, scoreCol).setValue(0.99); // O1.KR1's Score typed over
    krs.getRange(4, statusCol).setValue("On track"); // O1.KR3's Status typed over
    expect(krs.getRange(2, scoreCol).getFormula()).toBe("");

    const s = callAddon(wb, "generateWeeklySummary", { at: TODAY });
    expect(s.ok).toBe(true);
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    const said = r.restored.join("\n");
    expect(said).toContain("Key Results: Score formula in row 2");
    expect(said).toContain("Key Results: Status formula in row 4");
    expect(krs.getRange(2, scoreCol).getFormula()).toMatch(/^=/);
    expect(krs.getRange(2, scoreCol).getValue()).toBeCloseTo((85 - 82) / (95 - 82), 12);
    // Nothing else was reported: a second repair finds nothing to restore.
    const again = callAddon(wb, "repairTracker");
    expect(again.restored).toEqual([]);
  });

  it("a whole formula column's cells cleared: Repair names the rows it restored (session 14 had let an emptied column pass as just added)", () => {
    const wb = inUse();
    const krs = sheet(wb, "Key Results");
    const scoreCol = krs.getRange(1, 1, 1, 15).getValues()[0].map(String).indexOf("Score") + 1;
    krs.getRange(2, scoreCol, krs.getMaxRows() - 1, 1).clearContent();
    const r = callAddon(wb, "repairTracker");
    expect(r.ok, r.message).toBe(true);
    expect(r.restored).toContain("Key Results: Score formula in rows 2, 3, 4, 5, 6 and 2 more");
    expect(krs.getRange(2, scoreCol).getFormula()).toMatch(/^=/);
  });
});

describe("rows inserted above a header", () => {
  it("Objectives and Key Results: sidebar, check-in, summary and repair all still work, rows kept", () => {
    const wb = inUse();
    sheet(wb, "Key Results").insertRowsBefore(1, 2);
    sheet(wb, "Key Results").getRange(1, 1).setValue("Our key results for the quarter");
    sheet(wb, "Objectives").insertRowsBefore(1, 1);
    const krBefore = dataOf(wb, "Key Results", KR_DATA);
    expect(sidebarAs(wb).krs.length).toBe(7);
    const c = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O2.KR1", value: "4.5", confidence: 8 });
    expect(c.ok).toBe(true);
    expect(c.kr.current).toBe(4.5);
    const s = callAddon(wb, "generateWeeklySummary", { at: TODAY });
    expect(s.ok).toBe(true);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);

    const krs = sheet(wb, "Key Results").getDataRange().getValues();
    expect(krs[0][0]).toBe("Our key results for the quarter");
    expect(krs[2][0]).toBe("ID");
    const after = dataOf(wb, "Key Results", KR_DATA);
    expect(after.filter((r) => r[0] !== "O2.KR1")).toEqual(krBefore.filter((r) => r[0] !== "O2.KR1"));
  });

  it("the check-in log: check-ins still land once each, and a resend of the latest is still recognised", () => {
    const wb = inUse();
    sheet(wb, "Check-ins").insertRowsBefore(1, 2);
    const req = { requestId: requestId(), krId: "O2.KR1", value: "4.5", confidence: 8, whatChanged: "after the insert" };
    const first = callAddon(wb, "submitCheckin", req);
    expect(first.ok).toBe(true);
    expect(first.kr.recent[0]).toMatchObject({ whatChanged: "after the insert", value: 4.5 });
    const resend = callAddon(wb, "submitCheckin", req);
    expect(resend).toMatchObject({ ok: true, duplicate: true });
    const log = rowsOf(wb, "Check-ins", 3);
    expect(log).toHaveLength(4);
    expect(log.filter((r) => r["Request ID"] === req.requestId)).toHaveLength(1);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(rowsOf(wb, "Check-ins", 3)).toHaveLength(4);
  });
});

describe("repair after damage agrees with the scoring rules", () => {
  it("every KR score and status equals evaluateTracker after a repair of mixed damage", () => {
    const wb = inUse();
    const krs = sheet(wb, "Key Results");
    krs.getRange(3, 13).setValue(5);
    krs.getRange(5, 15).setValue("");
    krs.insertRowsBefore(1, 1);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    const rows = rowsOf(wb, "Key Results", 2);
    const settings = { cycleName: "x", startDate: "2026-01-05", weeks: 13, cadence: "weekly" as const, weekday: "Monday", onTrackGap: 0.1, atRiskGap: 0.25, aspirationalGoal: 0.7, leaders: [], admins: [], emailDigest: false, ownerReminders: false };
    const objectives = rowsOf(wb, "Objectives").map((o, i) => ({ row: i + 2, id: String(o["ID"]), title: "", owner: "", team: "", parentId: "", type: String(o["Type"]) as "committed", pnlLink: "none" }));
    const keyResults = rows.map((k, i) => ({
      row: i + 3, id: String(k["ID"]), objectiveId: String(k["Objective ID"]), title: "", owner: "", metric: String(k["Metric"]) as "increase", unit: "",
      start: k["Start"] as number, target: k["Target"] as number, weight: k["Weight"] as number,
      current: typeof k["Current"] === "number" ? (k["Current"] as number) : null, confidence: null,
      lastCheckin: k["Last check-in"] ? TODAY : null,
    }));
    const ev = evaluateTracker({ settings: settings as never, objectives, keyResults }, TODAY);
    for (const e of ev.krs) {
      const row = rows.find((k) => k["ID"] === e.id)!;
      expect(row["Status"], e.id).toBe(e.status);
      if (e.score !== null) expect(row["Score"] as number, e.id).toBeCloseTo(e.score, 12);
    }
  });
});

describe("a blank setting", () => {
  it("Repair fills the default and says so; a second repair has nothing to say", () => {
    const wb = inUse();
    setSetting(wb, "Length in weeks", ""); // blank means the default, 13
    setSetting(wb, "Start date", "");
    refusedWithoutWriting(wb, "generateWeeklySummary", { at: TODAY }, /Settings need fixing:.*Start date/);
    const r = callAddon(wb, "repairTracker");
    expect(r.restored).toContain("Settings: Length in weeks was blank, now 13");
    expect(r.restored).toContain("Settings: Start date was blank, now 2026-01-19"); // this week's Monday
    expect(callAddon(wb, "repairTracker").restored).toEqual([]);
    expect(callAddon(wb, "generateWeeklySummary", { at: TODAY }).ok).toBe(true);
  });
});

describe("protection removed by a user", () => {
  it("Repair restores the warning-only protection of every add-on tab, the Weekly Summary and Weekly Trend included, without stacking", () => {
    const wb = inUse();
    // A whole-tab protection is the add-on's whatever its description (setup gives it none); column protections by description.
    const ours = (name: string) => [
      ...sheet(wb, name).getProtections(PROTECTION.SHEET),
      ...sheet(wb, name).getProtections(PROTECTION.RANGE).filter((p) => String(p.getDescription()).startsWith("okr-sheets:")),
    ];
    const tabs = ["Weekly Summary", "Weekly Trend", "Check-ins", "History", "Key Results", "Objectives"];
    const before = tabs.map((t) => ours(t).length);
    expect(before.every((n) => n > 0)).toBe(true);
    for (const t of tabs) for (const p of ours(t)) p.remove();
    expect(tabs.map((t) => ours(t).length)).toEqual(tabs.map(() => 0));
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(tabs.map((t) => ours(t).length)).toEqual(before);
    for (const t of tabs) for (const p of ours(t)) expect(p.isWarningOnly(), t).toBe(true);
  });
});
