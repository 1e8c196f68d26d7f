// Numbers inside the text the add-on writes take the spreadsheet locale's decimal separator (numbers.ts,
// decimalText): each builder with "," against the same with ".".
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { commaOf } from "../support/commaOf";
import { coreKr, coreSettings } from "../support/coreTracker";
import { decimalText, fixedText, roundedText, signedText, type NumberStyle } from "../../src/core/numbers";
import { calibrationSignal, confidenceReason, flatReason, sandbagReason } from "../../src/core/signals";
import { thisWeekLines, type ThisWeekInput } from "../../src/core/summaryThisWeek";
import { forecastRows, type KrForecastRow, type ReportForecast } from "../../src/core/summaryForecast";
import { shortNumber, trendText } from "../../src/core/summaryLeadersLayout";
import { lowConfidence } from "../../src/core/summaryLeaders";
import type { SummaryKr } from "../../src/core/summaryTypes";
import { buildReview } from "../../src/core/reviewTab";
import { buildRetrospective } from "../../src/core/retroTab";
import { gradeBandText } from "../../src/core/retroGrades";
import { buildDigest } from "../../src/core/emails";
import { buildSummary } from "../../src/core/summary";
import { evaluateTracker } from "../../src/core/evaluate";
import { addDays } from "../../src/core/dates";
import type { CheckinEntry, KeyResult, Tracker } from "../../src/core/model";

describe("the helpers", () => {
  it("write the separator given; nothing else changes", () => {
    expect(fixedText(0.35, 2, ",")).toBe("0,35");
    expect(fixedText(0.35, 2, ".")).toBe("0.35");
    expect(fixedText(-0.125, 2, ",")).toBe("-0,13");
    expect(signedText(1, ",")).toBe("+1,00");
    expect(signedText(-0.456, ",")).toBe("-0,46");
    expect(signedText(-0.001, ",")).toBe("0,00"); // never "-0,00"
    expect(roundedText(91.5, 2, ",")).toBe("91,5");
    expect(roundedText(-1.5, 4, ",")).toBe("-1,5");
    expect(roundedText(1200, 2, ",")).toBe("1200"); // no thousands separator
    expect(roundedText(0.1 + 0.2, 4, ",")).toBe("0,3");
    expect(decimalText("12", ",")).toBe("12");
  });

  it("property: for any finite number, the ',' text is the '.' text with its one point swapped", () => {
    const helpers: ((x: number, sep: NumberStyle) => string)[] = [
      (x, s) => fixedText(x, 2, s),
      (x, s) => roundedText(x, 2, s),
      (x, s) => roundedText(x, 4, s),
      (x, s) => signedText(x, s),
      (x, s) => shortNumber(x, s),
    ];
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        for (const h of helpers) {
          const dot = h(x, ".");
          expect(dot).not.toContain(",");
          expect(dot.split(".").length).toBeLessThanOrEqual(2);
          expect(h(x, ",")).toBe(dot.replace(".", ","));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("signal reasons", () => {
  it("scores, values, negative values and the calibration aim", () => {
    expect(confidenceReason(8, 0.35, ",")).toBe("Confidence 8/10, but at this pace the KR ends at 0,35");
    const start = "2027-01-04";
    const cycle = { startDate: start, weeks: 13 };
    expect(sandbagReason({ metric: "increase", start: 0.5, target: 91.5 }, [{ day: addDays(start, 6), value: 91.75 }], cycle, ",")).toBe(
      "Reached its target (91,75 against 91,5) on 2027-01-10, before the cycle's midpoint",
    );
    const weekly = [-40, -37.5, -41, -39].map((value, i) => ({ day: addDays(start, 7 * i + 6), value }));
    expect(sandbagReason({ metric: "decrease", start: -40, target: -42.5 }, weekly, cycle, ",")).toBe(
      "The target is 2,5 from the start, within the usual week-to-week change of 2,5 in its first 4 weeks",
    );
    expect(flatReason([-1.5, -1.5, -1.5], "Off track", ",")).toBe("No change over the last 3 check-ins (value -1,5) while off track");
    expect(calibrationSignal([0.95, 0.97], ",")!.reason).toBe("The 2 aspirational KRs averaged 0,96: too easy — aspirational OKRs aim for 0,6–0,7");
    expect(calibrationSignal([0.1], ".")!.reason).toBe("The 1 aspirational KR averaged 0.10: too hard — aspirational OKRs aim for 0.6–0.7");
  });

  it("property: any numbers, the ',' reason is the '.' reason with its points swapped", () => {
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(num, num, (a, b) => {
        const pairs: [string | null, string | null][] = [
          [confidenceReason(9, a, ","), confidenceReason(9, a, ".")],
          [flatReason([a, a, a], "At risk", ","), flatReason([a, a, a], "At risk", ".")],
          [calibrationSignal([a, b], ",")?.reason ?? null, calibrationSignal([a, b], ".")?.reason ?? null],
        ];
        for (const [comma, dot] of pairs) expect(comma).toBe(dot === null ? null : commaOf(dot));
      }),
      { numRuns: 300 },
    );
  });
});

describe("'This week' lines", () => {
  const input = (up: number, down: number, sep?: NumberStyle): ThisWeekInput => ({
    krs: [],
    hasLastWeek: true,
    checkinRate: { checkedIn: 0, total: 0 },
    periodDays: 7,
    movers: { up: [{ id: "O10.KR1", title: "", owner: "", lastWeekScore: 0, score: up, change: up }], down: [{ id: "O1.KR8", title: "", owner: "", lastWeekScore: 1, score: 1 + down, change: down }] },
    blockers: [],
    lowConfidence: [],
    ...(sep ? { decimalSeparator: sep } : {}),
  });
  it("the biggest gain and drop; IDs keep their point", () => {
    expect(thisWeekLines(input(1, -0.456, ","))[2]).toBe("Biggest gain: O10.KR1 +1,00; biggest drop: O1.KR8 -0,46.");
    expect(thisWeekLines(input(1, -0.456))[2]).toBe("Biggest gain: O10.KR1 +1.00; biggest drop: O1.KR8 -0.46.");
  });
  it("property: the ',' lines are the '.' lines with the changes' points swapped", () => {
    const change = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(change, change, (up, down) => {
        expect(thisWeekLines(input(up, down, ","))).toEqual(thisWeekLines(input(up, down, ".")).map(commaOf));
      }),
      { numRuns: 300 },
    );
  });
});

describe("Low confidence's Why", () => {
  it("a Confidence typed by hand with decimals", () => {
    const k = { id: "O1.KR1", title: "", owner: "", score: 0.5, status: "On track", confidence: 2.5, lastWeekConfidence: 6.5, confidenceChange: -4 } as SummaryKr;
    expect(lowConfidence([k], new Map(), ",")[0].reason).toBe("Confidence 2,5 of 10, fell from 6,5 to 2,5");
    expect(lowConfidence([{ ...k, confidence: 3, lastWeekConfidence: 7 }], new Map(), ",")[0].reason).toBe("Confidence 3 of 10, fell from 7 to 3");
  });
});

describe("the Forecast section and the text trend", () => {
  const row = (id: string, unit: string, value: number): KrForecastRow => ({
    id, objectiveId: "O1", title: `KR ${id}`, owner: "", unit, goal: 1, metric: "increase", start: 80, target: 95.5,
    forecast: { ok: true, value, score: 0.35, weeksToTarget: 2.25, slopePerWeek: 0.5, latest: 90, weeksLeft: 5, endDay: "2026-04-05", points: 3 },
  });
  const f: ReportForecast = { asOf: "2026-03-02", krs: [], below: [row("O1.KR1", "%", 91.5), row("O1.KR2", "days", -3.25), row("O1.KR3", "", 1200)], signals: [] };
  it("the Forecast column is text with the locale's separator; the score columns stay numbers", () => {
    const rows = forecastRows(f, ",").slice(2);
    expect(rows.map((r) => r[3].v)).toEqual(["91,5% by 2026-04-05", "-3,25 days by 2026-04-05", "1200 by 2026-04-05"]);
    expect(rows[0][4]).toEqual({ v: 0.35, fmt: "0.00" });
    expect(forecastRows(f).slice(2)[0][3].v).toBe("91.5% by 2026-04-05");
    // Why: the pace against the pace the target needs, in the same separator.
    expect(rows[0][8].v).toBe("Rising 0,5 points a week; reaching 95,5% by 2026-04-05 needs to rise 1,1 points a week.");
  });
  it("the trend as text", () => {
    expect(trendText([null, 0.35, 1.5, -2.25, 1200.5], ",")).toBe("▁▁▁█ 0,35 → 1,5 → -2,25 → 1201");
  });
});

const kr = (row: number, id: string, metric: KeyResult["metric"], start: number, target: number, current: number | null) =>
  coreKr(row, id, metric, start, target, current, "2026-01-30");
function tracker(): Tracker {
  return {
    settings: coreSettings({ emailDigest: true }),
    objectives: [{ row: 2, id: "O1", title: "Deliver", owner: "o@example.com", team: "", parentId: "", type: "committed", pnlLink: "none" }],
    keyResults: [kr(2, "O1.KR1", "increase", 80, 100, 95), kr(3, "O1.KR2", "decrease", 10, 6, 8.42)],
  };
}

describe("Mid-cycle Review and Retrospective", () => {
  const t = tracker();
  it("the review's overall line", () => {
    const ev = evaluateTracker(t, "2026-02-16");
    const sub = (sep?: NumberStyle) => String(buildReview(t, ev, "2026-02-16", [], sep).rows[1][0].v);
    expect(sub(",")).toMatch(/ · overall 0,57 vs 0,46 expected \(.+\)$/);
    expect(sub(",")).toBe(commaOf(sub()));
  });
  it("the retrospective's overall line, grade bands and the note that names them", () => {
    const ev = evaluateTracker(t, "2026-04-06");
    const tab = buildRetrospective(t, ev, "2026-04-06", [], ",");
    expect(String(tab.rows[1][0].v)).toMatch(/ · overall 0,57$/);
    expect(String(tab.rows[2][0].v)).toMatch(/^Grades \(re:Work\): 0,7–1,0 delivered, 0,4–0,69 progress, 0,0–0,39 missed\. Decide/);
    const i = tab.rows.findIndex((r) => r[0].v === "Grade spread");
    expect(tab.rows.slice(i + 2, i + 5).map((r) => r[0].v)).toEqual(["0,0–0,39", "0,4–0,69", "0,7–1,0"]);
    const data = tab.rows.slice(tab.headerRow);
    expect(data.find((r) => r[1].v === "O1.KR2")![5].v).toBe("0,0–0,39");
    expect(data.find((r) => r[1].v === "O1.KR2")![4]).toEqual({ v: expect.closeTo(0.395, 12), fmt: "0.00" }); // the score stays a number
    expect(gradeBandText("No score", ",")).toBe("No score");
  });
});

describe("the Weekly Summary and the digest", () => {
  const ci = (row: number, date: string, krId: string, value: number): CheckinEntry => ({
    row, timestamp: `${date}T09:00:00Z`, date, week: 0, krId, value, confidence: 5, whatChanged: "", blockers: "", nextStep: "", author: "", requestId: `r-${row}`,
  });
  const checkins = [ci(2, "2026-01-07", "O1.KR1", 81), ci(3, "2026-01-08", "O1.KR2", 9.5), ci(4, "2026-01-14", "O1.KR1", 84.5), ci(5, "2026-01-15", "O1.KR2", 9.9)];
  const t = { ...tracker(), keyResults: tracker().keyResults.map((k) => ({ ...k, current: null, confidence: null, lastCheckin: null })) };
  const build = (sep?: NumberStyle) => buildSummary({ tracker: t, checkins, history: [], asOf: "2026-01-18", ...(sep ? { decimalSeparator: sep } : {}) });
  const de = build(",");
  const en = build();

  it("the data says which separator its text used", () => {
    expect(de.data.decimalSeparator).toBe(",");
    expect(en.data.decimalSeparator).toBe(".");
  });
  it("this week's movers, the text trend and the note; every other cell as in '.'", () => {
    // 0,05 → 0,23 is +0,18 as the cells show it (0.225 − 0.05 = 0.175; toFixed wrote "+0,17" until session 19).
    expect(de.data.thisWeek[2]).toBe("Biggest gain: O1.KR1 +0,18; biggest drop: O1.KR2 -0,10.");
    // The report and the Weekly Trend block (the text trend is there).
    const all = (m: typeof de) => m.rows.concat(m.block.rows);
    const texts = all(de).flat().filter((c) => typeof c.v === "string").map((c) => String(c.v));
    expect(texts).toContain("▁█ 81 → 84,5");
    expect(texts.some((s) => s.startsWith("Scores run from 0,00 to 1,00. Expected = share of the cycle elapsed (for a KR dated in Counts from, of its days from then) × goal (1,0 for committed"))).toBe(true);
    expect(all(de).length).toBe(all(en).length);
    let changed = 0;
    all(de).forEach((r, i) =>
      r.forEach((c, j) => {
        const e = all(en)[i][j];
        if (typeof e.v === "string") {
          expect(c.v, `row ${i + 1} column ${j + 1}`).toBe(commaOf(e.v));
          if (c.v !== e.v) changed++;
        } else expect(c, `row ${i + 1} column ${j + 1}`).toEqual(e); // numbers stay numbers, formats unchanged
      }),
    );
    expect(changed).toBeGreaterThanOrEqual(4);
  });
  it("the digest: scores, changes, the footnote", () => {
    const d = buildDigest(de, "https://docs.google.com/spreadsheets/d/x/edit");
    const o = de.data.overall;
    expect(d.subject).toContain(`(${fixedText(o.score!, 2, ",")} vs ${fixedText(o.expected, 2, ",")} expected)`);
    expect(d.subject).toMatch(/\(\d,\d\d vs \d,\d\d expected\)$/);
    expect(d.body).toContain("Up: O1.KR1 Title O1.KR1 0,05 → 0,23 (+0,18)");
    expect(d.body).toContain("Down: O1.KR2 Title O1.KR2 0,13 → 0,03 (-0,10)");
    expect(d.htmlBody).toContain("Scores run from 0,00 to 1,00; expected");
    const dot = buildDigest(en, "https://docs.google.com/spreadsheets/d/x/edit");
    expect(d.body).toBe(commaOf(dot.body));
    expect(d.htmlBody).toBe(commaOf(dot.htmlBody));
  });
});
