// "Set up tracker" through the built add-on: tabs, headers, guard rails, template, formulas that agree
// with src/core/evaluate.ts, re-running safely, and refusals that write nothing.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, openTracker, rowsOf, setToday, ss } from "../support/tracker";
import { PROTECTION, TWO_CHECKINS, trackerInUse } from "../support/inUse";
import { emptySnapshot } from "../../src/local/snapshot";
import { evaluateTracker } from "../../src/core/evaluate";
import { parseSettings } from "../../src/core/settings";
import type { KeyResult, Objective } from "../../src/core/model";
import type { Workbook } from "../../src/local/runtime";
import { COLUMN_SPECS, SETTINGS_WIDTHS } from "../../src/server/layout";

const OBJ_HEADERS = ["ID", "Objective", "Owner", "Team", "Parent ID", "Type", "P&L link", "Score", "Expected", "Status"];
const KR_HEADERS = ["ID", "Objective ID", "Key result", "Owner", "Metric", "Unit", "Start", "Target", "Weight", "Current", "Confidence", "Last check-in", "Score", "Expected", "Status"];
const LOG_HEADERS = ["Timestamp", "Week", "KR ID", "Value", "Confidence", "What changed", "Blockers", "Next step", "Author", "Request ID"];
const HIST_HEADERS = ["Week", "As of", "KR ID", "Value", "Score", "Status"];
const TABS = ["Settings", "Objectives", "Key Results", "Check-ins", "History"];

function headerRow(wb: Workbook, tab: string): string[] {
  const v = ss(wb).getSheetByName(tab)!.getDataRange().getValues()[0].map(String);
  while (v.length && v[v.length - 1] === "") v.pop();
  return v;
}

function snapshotText(wb: Workbook): string {
  return JSON.stringify(wb.services.toSnapshot());
}

describe("a new tracker", () => {
  const wb = newTracker({ template: "operations", start: "2026-01-05" });
  const book = ss(wb);

  it("has the five tabs with the spec's exact headers (Key Results: spec headers, then helper columns; History: spec headers, then state columns)", () => {
    for (const t of TABS) expect(book.getSheetByName(t), t).not.toBeNull();
    expect(book.getSheetByName("Sheet1")).toBeNull();
    expect(headerRow(wb, "Objectives")).toEqual(OBJ_HEADERS);
    const kr = headerRow(wb, "Key Results");
    expect(kr.slice(0, KR_HEADERS.length)).toEqual(KR_HEADERS);
    expect(kr.slice(KR_HEADERS.length)).toEqual([
      "Weighted score", "Counted weight", "Objective name", "Objective owner", "Weighted pace offset", "Request IDs", "Forecast", "Forecast score", "Weeks to target", "Counts from",
    ]);
    expect(headerRow(wb, "Check-ins")).toEqual(LOG_HEADERS);
    const hist = headerRow(wb, "History");
    expect(hist.slice(0, HIST_HEADERS.length)).toEqual(HIST_HEADERS);
    expect(hist.slice(HIST_HEADERS.length)).toEqual(["Confidence", "Last check-in", "What changed", "Blockers", "Next step", "Same-value check-ins"]);
    const labels = book.getSheetByName("Settings")!.getRange("A1:A40").getValues().map((r) => String(r[0]));
    for (const l of ["Cycle name", "Start date", "Length in weeks", "Check-in cadence", "Check-in weekday", "On track if gap ≤", "At risk if gap ≤", "Aspirational goal", "Leaders' emails", "Admins' emails"]) {
      expect(labels).toContain(l);
    }
  });

  it("gives every column of the four tables its width from the layout, Sheets' default 100 px where it names none", () => {
    const specs: [string, Record<string, { width?: number }>][] = [
      ["Objectives", COLUMN_SPECS.objectives], ["Key Results", COLUMN_SPECS.keyResults], ["Check-ins", COLUMN_SPECS.checkins], ["History", COLUMN_SPECS.history],
    ];
    for (const [tab, spec] of specs) {
      const headers = headerRow(wb, tab);
      expect(Object.keys(spec).sort(), tab).toEqual(headers.slice().sort());
      for (const [h, { width }] of Object.entries(spec)) {
        expect(book.getSheetByName(tab)!.getColumnWidth(headers.indexOf(h) + 1), `${tab}!${h}`).toBe(width ?? 100);
      }
    }
    expect([1, 2, 3].map((c) => book.getSheetByName("Settings")!.getColumnWidth(c))).toEqual(SETTINGS_WIDTHS.map(([, w]) => w));
  });

  it("freezes the header row of every table tab (Settings fits on one screen: nothing to freeze)", () => {
    for (const t of TABS.filter((t) => t !== "Settings")) expect(book.getSheetByName(t)!.getFrozenRows(), t).toBe(1);
    expect(book.getSheetByName("Settings")!.getFrozenRows()).toBe(0);
  });

  it("has dropdowns for Metric, Type, P&L link and a 1–10 rule for Confidence", () => {
    const dv = (tab: string, header: string, row = 2) => {
      const sheet = book.getSheetByName(tab)!;
      const c = headerRow(wb, tab).indexOf(header) + 1;
      return sheet.getRange(row, c).getDataValidation();
    };
    const list = (tab: string, header: string) => {
      const v = dv(tab, header);
      expect(v, `${tab}!${header}`).not.toBeNull();
      expect(String(v!.getCriteriaType())).toBe("VALUE_IN_LIST");
      return (v!.getCriteriaValues()[0] as string[]).slice().sort();
    };
    expect(list("Key Results", "Metric")).toEqual(["decrease", "increase", "milestone", "stay_above", "stay_below"]);
    expect(list("Objectives", "Type")).toEqual(["aspirational", "committed"]);
    expect(list("Objectives", "P&L link")).toEqual(["cash", "cost", "margin", "none", "revenue"]);
    const conf = dv("Key Results", "Confidence");
    expect(String(conf!.getCriteriaType())).toBe("NUMBER_BETWEEN");
    expect(conf!.getCriteriaValues()).toEqual([1, 10]);
    // Spare rows below the data get the dropdowns too, so a KR typed by hand is checked.
    expect(String(dv("Key Results", "Metric", 30)!.getCriteriaType())).toBe("VALUE_IN_LIST");
  });

  it("protects formula columns and the add-on's tabs with warning-only protections", () => {
    // One protection per run of adjacent add-on columns: each column it spans, by header.
    const rangeProt = (tab: string) =>
      book.getSheetByName(tab)!.getProtections(SpreadsheetAppEnum.RANGE).flatMap((p) =>
        headerRow(wb, tab).slice(p.getRange().getColumn() - 1, p.getRange().getLastColumn()).map((col) => ({
          col,
          warningOnly: p.isWarningOnly(),
          row: p.getRange().getRow(),
        })),
      );
    const obj = rangeProt("Objectives");
    expect(obj.map((p) => p.col).sort()).toEqual(["Expected", "Score", "Status"]);
    const kr = rangeProt("Key Results");
    for (const h of ["Current", "Confidence", "Last check-in", "Score", "Expected", "Status"]) expect(kr.map((p) => p.col)).toContain(h);
    for (const h of ["ID", "Key result", "Owner", "Start", "Target", "Weight", "Metric"]) expect(kr.map((p) => p.col)).not.toContain(h);
    for (const p of [...obj, ...kr]) {
      expect(p.warningOnly).toBe(true);
      expect(p.row).toBe(2); // never the header
    }
    for (const t of ["Check-ins", "History"]) {
      const ps = book.getSheetByName(t)!.getProtections(SpreadsheetAppEnum.SHEET);
      expect(ps, t).toHaveLength(1);
      expect(ps[0].isWarningOnly()).toBe(true);
    }
  });

  it("colours Status by its text (conditional formats keyed on each label)", () => {
    for (const tab of ["Objectives", "Key Results"]) {
      const statusCol = headerRow(wb, tab).indexOf("Status") + 1;
      const rules = book.getSheetByName(tab)!.getConditionalFormatRules();
      const onStatus = rules.filter((r) => r.getRanges().some((g) => g.getColumn() === statusCol));
      const labels = onStatus
        .map((r) => r.getBooleanCondition()!)
        .filter((c) => String(c.getCriteriaType()) === "TEXT_EQ" || String(c.getCriteriaType()) === "TEXT_EQUAL_TO")
        .map((c) => String(c.getCriteriaValues()[0]));
      for (const l of ["On track", "At risk", "Off track", "Not started"]) expect(labels, tab).toContain(l);
      const bg = (label: string) => onStatus.find((r) => String(r.getBooleanCondition()!.getCriteriaValues()[0]) === label)!.getBooleanCondition()!.getBackground();
      expect(new Set([bg("On track"), bg("At risk"), bg("Off track")]).size).toBe(3);
    }
  });

  it("reports no focus warnings for the operations template (it follows the methodology)", () => {
    const fresh = openTracker({ ...emptySnapshot("t"), id: "t" }, { at: "2026-01-05" });
    const r = callAddon(fresh, "setupTracker", { template: "operations", start: "2026-01-05" });
    expect(r.ok).toBe(true);
    // In tab order; no Weekly Summary: the first summary makes it (test/server/summaryTabMade.test.ts).
    expect(r.created).toEqual(TABS);
    expect(r.warnings).toEqual([]);
    // and warns about a real problem: an objective with one KR and a KR without an owner
    const krs = ss(fresh).getSheetByName("Key Results")!;
    krs.getRange("D3").setValue("");
    const again = callAddon(fresh, "repairTracker");
    expect(again.warnings.join(" ")).toMatch(/O1\.KR2/);
    // No metric quoted as unknown ('…'); the owner warning's own apostrophe ("objective's owner") is wording.
    expect(again.warnings.join(" ")).not.toMatch(/unknown metric|'[^']*'/);
  });

  it("the operations template: 3 objectives with 2–4 KRs each, a stay_above/below and a milestone", () => {
    const objs = rowsOf(wb, "Objectives").filter((r) => r["ID"]);
    const krs = rowsOf(wb, "Key Results").filter((r) => r["ID"]);
    expect(objs).toHaveLength(3);
    for (const o of objs) {
      const n = krs.filter((k) => k["Objective ID"] === o["ID"]).length;
      expect(n, String(o["ID"])).toBeGreaterThanOrEqual(2);
      expect(n, String(o["ID"])).toBeLessThanOrEqual(4);
    }
    const metrics = krs.map((k) => k["Metric"]);
    expect(metrics.some((m) => m === "stay_above" || m === "stay_below")).toBe(true);
    expect(metrics).toContain("milestone");
    for (const k of krs) {
      expect(k["Status"]).toBe("Not started");
      expect(typeof k["Score"]).toBe("number");
    }
  });
});

// ---- scores: the sheet formulas against evaluateTracker on the same data ----

const START = "2026-01-05";
const TODAY = "2026-02-16";
const CHECKED = "2026-02-10";

type KrIn = [id: string, obj: string, metric: string, start: number | "", target: number | "", weight: number | "", current: number | "", checked: boolean];
const OBJECTIVES: [string, string][] = [
  ["O1", "committed"],
  ["O2", "aspirational"],
  ["O3", "committed"], // no KRs
  ["O4", "committed"], // only weight-0 KRs
  ["O5", "committed"], // not started
];
const KRS: KrIn[] = [
  ["O1.KR1", "O1", "increase", 0, 100, 1, 40, true],
  ["O1.KR2", "O1", "increase", 10, 20, 2, 35, true], // beyond target → 1
  ["O1.KR3", "O1", "increase", -10, -2, 1, -6, true], // negative values → 0.5
  ["O1.KR4", "O1", "increase", 5, 5, 1, 7, true], // start = target → setup error
  ["O1.KR5", "O1", "decrease", 10, 4, 1, 12, true], // worse than start → 0
  ["O1.KR6", "O1", "decrease", 3, 3, 1, 1, true], // start = target → setup error
  ["O1.KR7", "O1", "decrease", 0, -50, 1, -20, true], // negative target → 0.4
  ["O1.KR8", "O1", "increase", 0, 10, 0, 10, true], // weight 0: excluded from O1
  ["O2.KR1", "O2", "stay_above", 92, 92, "", 95, true],
  ["O2.KR2", "O2", "stay_above", 92, 92, 1, 80, true],
  ["O2.KR3", "O2", "stay_below", 120, 120, 1, 130, true],
  ["O2.KR4", "O2", "stay_below", -5, -5, 1, -7, true],
  ["O2.KR5", "O2", "milestone", 0, 1, 1, 0.5, true],
  ["O2.KR6", "O2", "milestone", 0, 1, 1, 1.3, true],
  ["O2.KR7", "O2", "milestone", 0, 1, 1, -0.2, true],
  ["O2.KR8", "O2", "increase", 0, 10, 1, 1, true],
  ["O4.KR1", "O4", "increase", 0, 10, 0, 5, true],
  ["O4.KR2", "O4", "increase", 0, 10, 0, 2, true],
  ["O5.KR1", "O5", "increase", 0, 10, 1, "", false], // not started
  ["O5.KR2", "O5", "decrease", 10, 0, 1, "", false],
];

function scoredTracker(): Workbook {
  const wb = newTracker({ template: "blank", start: START, at: START });
  setToday(wb, TODAY);
  const book = ss(wb);
  book.getSheetByName("Objectives")!.getRange(2, 1, OBJECTIVES.length, 7).setValues(
    OBJECTIVES.map(([id, type]) => [id, `Objective ${id}`, "o@example.com", "T", "", type, "none"]),
  );
  const day = new Date(`${CHECKED}T00:00:00Z`);
  book.getSheetByName("Key Results")!.getRange(2, 1, KRS.length, 12).setValues(
    KRS.map(([id, obj, metric, s, t, w, c, checked]) => [id, obj, `KR ${id}`, "k@example.com", metric, "", s, t, w, c, checked ? 7 : "", checked ? day : ""]),
  );
  const r = callAddon(wb, "repairTracker");
  expect(r.ok).toBe(true);
  return wb;
}

function expectedEvaluation() {
  const parsed = parseSettings({ "Start date": START, "Length in weeks": 13 });
  if (!parsed.ok) throw new Error(parsed.errors.join(" "));
  const objectives: Objective[] = OBJECTIVES.map(([id, type], i) => ({
    row: i + 2, id, title: `Objective ${id}`, owner: "o@example.com", team: "T", parentId: "", type: type as Objective["type"], pnlLink: "none",
  }));
  const keyResults: KeyResult[] = KRS.map(([id, obj, metric, s, t, w, c, checked], i) => ({
    row: i + 2, id, objectiveId: obj, title: `KR ${id}`, owner: "k@example.com", metric: metric as KeyResult["metric"], unit: "",
    start: s === "" ? null : s, target: t === "" ? null : t, weight: w === "" ? null : w, current: c === "" ? null : c,
    confidence: checked ? 7 : null, lastCheckin: checked ? CHECKED : null,
  }));
  return evaluateTracker({ settings: parsed.settings, objectives, keyResults }, TODAY);
}

describe("scores, expected and status agree with evaluateTracker", () => {
  const wb = scoredTracker();
  const ev = expectedEvaluation();
  const krRows = rowsOf(wb, "Key Results").filter((r) => r["ID"]);
  const objRows = rowsOf(wb, "Objectives").filter((r) => r["ID"]);

  it("no cell shows a spreadsheet error", () => {
    for (const r of [...krRows, ...objRows]) {
      for (const [k, v] of Object.entries(r)) expect(String(v), `${r["ID"]} ${k}`).not.toMatch(/^#/);
    }
  });

  for (const [id] of KRS) {
    it(`KR ${id}`, () => {
      const row = krRows.find((r) => r["ID"] === id)!;
      const e = ev.krs.find((k) => k.id === id)!;
      expect(row["Status"]).toBe(e.status);
      if (e.score === null) {
        expect(typeof row["Score"]).toBe("string");
        expect(String(row["Score"]) + String(row["Status"])).toMatch(/Setup error/);
      } else {
        expect(row["Score"]).toBeCloseTo(e.score, 12);
      }
      expect(row["Expected"]).toBeCloseTo(e.expected, 12);
    });
  }

  for (const [id] of OBJECTIVES) {
    it(`objective ${id}`, () => {
      const row = objRows.find((r) => r["ID"] === id)!;
      const e = ev.objectives.find((o) => o.id === id)!;
      expect(row["Status"]).toBe(e.status);
      if (e.score === null) expect(typeof row["Score"]).not.toBe("number");
      else expect(row["Score"]).toBeCloseTo(e.score, 12);
      expect(row["Expected"]).toBeCloseTo(e.expected, 12);
    });
  }

  it("the edge cases come out as the spec says (hand-computed)", () => {
    const score = (id: string) => krRows.find((r) => r["ID"] === id)!["Score"];
    const status = (id: string) => krRows.find((r) => r["ID"] === id)!["Status"];
    expect(score("O1.KR1")).toBeCloseTo(0.4, 12);
    expect(score("O1.KR2")).toBe(1);
    expect(score("O1.KR3")).toBeCloseTo(0.5, 12);
    expect(status("O1.KR4")).toBe("Setup error");
    expect(String(score("O1.KR4"))).toMatch(/start equals target/);
    expect(score("O1.KR5")).toBe(0);
    expect(status("O1.KR6")).toBe("Setup error");
    expect(score("O1.KR7")).toBeCloseTo(0.4, 12);
    expect([score("O2.KR1"), score("O2.KR2"), score("O2.KR3"), score("O2.KR4")]).toEqual([1, 0, 0, 1]);
    expect([status("O2.KR1"), status("O2.KR2")]).toEqual(["On track", "Off track"]);
    expect([score("O2.KR5"), score("O2.KR6"), score("O2.KR7")]).toEqual([0.5, 1, 0]);
    expect(status("O5.KR1")).toBe("Not started");
    const elapsed = 42 / 91;
    const obj = (id: string) => objRows.find((r) => r["ID"] === id)!;
    // O1: weights 1,2,1,(err),1,(err),1,0 → (0.4 + 2 + 0.5 + 0 + 0.4) / 6
    expect(obj("O1")["Score"]).toBeCloseTo(3.3 / 6, 12);
    expect(obj("O1")["Expected"]).toBeCloseTo(elapsed, 12);
    expect(obj("O2")["Expected"]).toBeCloseTo(elapsed * 0.7, 12);
    expect(obj("O3")["Status"]).toBe("No key results");
    expect(obj("O4")["Status"]).toBe("Setup error");
    expect(obj("O5")["Status"]).toBe("Not started");
  });
});

// ---- re-running setup ----

describe("running setup again", () => {
  function filled(): Workbook {
    const wb = trackerInUse({ checkins: [...TWO_CHECKINS, ["O1.KR1", "87"]], whatChanged: "=x", summary: false });
    const krs = ss(wb).getSheetByName("Key Results")!;
    const width = headerRow(wb, "Key Results").length;
    krs.getRange(1, width + 1, 3, 1).setValues([["My notes"], ["note a"], ["note b"]]);
    const mine = SpreadsheetAppBuilders.rule(krs.getRange(2, width + 1, 50, 1));
    krs.setConditionalFormatRules(krs.getConditionalFormatRules().concat([mine]));
    ss(wb).getSheetByName("Objectives")!.getRange(2, 11, 2, 1).setValues([["extra 1"], ["extra 2"]]);
    return wb;
  }

  function allValues(wb: Workbook): Record<string, unknown[][]> {
    const out: Record<string, unknown[][]> = {};
    for (const s of ss(wb).getSheets()) out[s.getName()] = s.getDataRange().getValues();
    return out;
  }
  function counts(wb: Workbook) {
    return ss(wb).getSheets().map((s) => ({
      name: s.getName(),
      rules: s.getConditionalFormatRules().length,
      prot: s.getProtections(SpreadsheetAppEnum.RANGE).length + s.getProtections(SpreadsheetAppEnum.SHEET).length,
    }));
  }

  for (const how of ["repairTracker", "setupTracker with the template"] as const) {
    it(`${how} keeps every row and value, the user's column and rule, and stacks nothing`, () => {
      const wb = filled();
      const before = allValues(wb);
      const c0 = counts(wb);
      for (let i = 0; i < 2; i++) {
        const r = how === "repairTracker" ? callAddon(wb, "repairTracker") : callAddon(wb, "setupTracker", { template: "operations" });
        expect(r.ok).toBe(true);
      }
      expect(JSON.stringify(allValues(wb))).toBe(JSON.stringify(before));
      expect(counts(wb)).toEqual(c0);
      const krs = ss(wb).getSheetByName("Key Results")!;
      const userCol = headerRow(wb, "Key Results").indexOf("My notes") + 1;
      const userRules = krs.getConditionalFormatRules().filter((r) => r.getRanges().some((g) => g.getColumn() === userCol));
      expect(userRules).toHaveLength(1);
      expect(userRules[0].getBooleanCondition()!.getCriteriaValues()).toEqual(["urgent"]);
      expect(rowsOf(wb, "Check-ins")).toHaveLength(3);
    });
  }

  it("a setting cleared away is restored within A1:C40, and the user's notes below (row 40, row 45) are kept", () => {
    for (const noteRow of [40, 45]) {
      const wb = filled();
      const settings = ss(wb).getSheetByName("Settings")!;
      const labels = settings.getRange("A1:A40").getValues().map((r) => String(r[0]));
      const at = labels.indexOf("Cycle name") + 1;
      settings.getRange(at, 1, 1, 3).clearContent();
      settings.getRange(noteRow, 1, 1, 2).setValues([["My note", "keep me"]]);
      const r = callAddon(wb, "repairTracker");
      expect(r.ok).toBe(true);
      expect(r.restored).toContain("Settings: Cycle name");
      expect(settings.getRange(noteRow, 1, 1, 2).getValues()[0], `note in row ${noteRow}`).toEqual(["My note", "keep me"]);
      const after = settings.getRange("A1:A40").getValues().map((x) => String(x[0]));
      expect(after.indexOf("Cycle name") + 1).toBeGreaterThan(0);
      expect(after.indexOf("Cycle name") + 1).not.toBe(noteRow);
    }
  });

  it("the log's header is found (and a missing column restored) whether or not the Settings computed rows describe it", () => {
    for (const computed of ["kept", "cleared"] as const) {
      const wb = filled();
      const settings = ss(wb).getSheetByName("Settings")!;
      if (computed === "cleared") {
        const labels = settings.getRange("A1:A40").getValues().map((r) => String(r[0]));
        settings.getRange(labels.indexOf("Check-in header (computed)") + 1, 2).setValue("");
      }
      const log = ss(wb).getSheetByName("Check-ins")!;
      const blockers = headerRow(wb, "Check-ins").indexOf("Blockers") + 1;
      log.getRange(1, blockers).setValue("");
      const r = callAddon(wb, "repairTracker");
      expect(r.ok).toBe(true);
      expect(r.restored, computed).toContain("Check-ins: column Blockers");
      expect(headerRow(wb, "Check-ins")).toContain("Blockers");
      expect(rowsOf(wb, "Check-ins")).toHaveLength(3);
    }
  });
});

// ---- refusals ----

describe("setup refuses and writes nothing", () => {
  it("when a tab named Objectives holds unrelated content", () => {
    const wb = openTracker({ ...emptySnapshot("t"), id: "t" }, { at: "2026-01-05" });
    const book = ss(wb);
    const foreign = book.insertSheet("Objectives");
    foreign.getRange("A1:C3").setValues([["Quarter", "Goal", "Who"], ["Q1", "grow", "me"], ["Q2", "ship", "you"]]);
    const before = snapshotText(wb);
    const r = callAddon(wb, "setupTracker", { template: "operations" });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/"Objectives"/);
    expect(r.message).toMatch(/not okr-sheets tabs|rename/i);
    expect(snapshotText(wb)).toBe(before);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["unknown template", { template: "sales" }, /template/i],
    ["start 2026-02-30", { start: "2026-02-30" }, /2026-02-30/],
    ["start in another format", { start: "05/01/2026" }, /YYYY-MM-DD/],
    ["weeks 0", { weeks: 0 }, /weeks/i],
    ["weeks 53", { weeks: 53 }, /weeks/i],
    ["weeks 2.5", { weeks: 2.5 }, /weeks/i],
    ["weeks as text", { weeks: "13" }, /weeks/i],
    ["unknown option", { colour: "red" }, /Unknown option "colour"/],
    ["empty name", { name: "  " }, /name/i],
  ];
  for (const [name, opts, msg] of bad) {
    it(name, () => {
      const wb = openTracker({ ...emptySnapshot("t"), id: "t" }, { at: "2026-01-05" });
      const before = snapshotText(wb);
      const r = callAddon(wb, "setupTracker", { template: "operations", ...opts });
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(msg);
      expect(r.message).not.toMatch(/Something went wrong/);
      expect(snapshotText(wb)).toBe(before);
    });
  }

  it("a valid 52-week setup is accepted", () => {
    const wb = openTracker({ ...emptySnapshot("t"), id: "t" }, { at: "2026-01-05" });
    expect(callAddon(wb, "setupTracker", { template: "blank", weeks: 52, start: "2028-02-29" }).ok).toBe(true);
  });
});

// Enum and builder access without Apps Script globals in the test's own realm.
const SpreadsheetAppEnum = PROTECTION;
import { ConditionalFormatRuleBuilder } from "../../src/local/sheets/rules";
const SpreadsheetAppBuilders = {
  rule(range: GoogleAppsScript.Spreadsheet.Range) {
    return (new ConditionalFormatRuleBuilder() as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder)
      .whenTextEqualTo("urgent").setBackground("#ff00ff").setRanges([range]).build();
  },
};
