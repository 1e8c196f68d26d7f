import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { MAX_TEXT as API_MAX_TEXT } from "../../src/core/api";
import { FIX_FIELDS_MESSAGE } from "../../src/core/messages";
import {
  BUSY_MESSAGE,
  MAX_TEXT,
  RequestIdKeeper,
  confidenceOption,
  formatScore,
  correctingMessage,
  formatValue,
  krValue,
  mapFailure,
  newRequestId,
  recentForDisplay,
  replaceKr,
  statusClass,
  successMessage,
  validateForm,
  valueHint,
  valuePlaceholder,
  withUnit,
  withBrief,
  mergeDetails,
  defaultKrId,
  krForecastLine,
  projectCheckin,
} from "../../src/client/logic";
import type { SidebarKr } from "../../src/core/api";
import { valueDigits } from "../../src/core/valueDigits";
import fc from "fast-check";

const ID_RE = /^[A-Za-z0-9-]{8,64}$/;

describe("request IDs", () => {
  it("uses crypto.randomUUID when there is one", () => {
    expect(newRequestId({ randomUUID: () => "11111111-2222-3333-4444-555555555555" } as Partial<Crypto>)).toBe(
      "11111111-2222-3333-4444-555555555555",
    );
    expect(newRequestId()).toMatch(ID_RE);
  });
  it("falls back to 32 hex digits", () => {
    const viaRandomValues = newRequestId({ getRandomValues: <T extends ArrayBufferView | null>(a: T) => a } as Partial<Crypto>);
    expect(viaRandomValues).toBe("0".repeat(32));
    const viaMath = newRequestId({});
    expect(viaMath).toMatch(/^[0-9a-f]{32}$/);
    expect(viaMath).toMatch(ID_RE);
  });
  it("keeps the same ID until a success", () => {
    let n = 0;
    const k = new RequestIdKeeper(() => `request-${++n}`);
    expect(k.current()).toBe("request-1");
    expect(k.current()).toBe("request-1"); // busy, retry, lost answer: same ID
    k.succeeded();
    expect(k.current()).toBe("request-2");
    expect(k.current()).toBe("request-2");
  });
});

describe("formatting", () => {
  it("shows scores with two decimals in the locale's separator", () => {
    expect(formatScore(0.4249)).toBe("0.42");
    expect(formatScore(1)).toBe("1.00");
    expect(formatScore(0.5, ",")).toBe("0,50");
    expect(formatScore(null)).toBe("—");
    expect(formatScore(NaN)).toBe("—");
  });
  it("shows values without float noise", () => {
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
    expect(formatValue(3.5, ",")).toBe("3,5");
    expect(formatValue(12)).toBe("12");
    expect(formatValue("n/a")).toBe("n/a");
    expect(formatValue("")).toBe("");
    expect(formatValue(null)).toBe("");
  });
  it("writes a number under 1e-6 out, as the value field reads it back (a correction's value)", () => {
    // String() wrote "1e-7", which "Correct last check-in" put in New value and the check-in then refused.
    expect(formatValue(1e-7)).toBe("0.0000001");
    expect(formatValue(-1.23456789e-7, ",")).toBe("-0,000000123456789");
    expect(formatValue(0.1 * 3e-7)).toBe("0.00000003");
    expect(formatValue(-5e-324)).toBe("0");
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (v) => {
        const t = formatValue(v);
        expect(t).toMatch(/^-?\d+(\.\d+)?$/);
        const held = Number(v.toPrecision(12)) || 0;
        // 100 decimals at most (toFixed's limit): under 1e-89 the last of the 12 digits go.
        if (Math.abs(v) >= 1e-88) expect(Number(t)).toBe(held);
        else expect(Math.abs(Number(t) - held)).toBeLessThanOrEqual(1e-100);
      }),
    );
  });
  it("shows a KR's value at its decimals, never in exponent form, within half its last digit", () => {
    const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(finite, finite, fc.double({ min: -1e12, max: 1e12, noNaN: true }), (start, target, v) => {
        const t = krValue({ start, target }, v);
        expect(t).toMatch(/^-?\d+(\.\d+)?$/);
        const d = valueDigits({ start, target });
        expect(t.split(".")[1]?.length ?? 0).toBeLessThanOrEqual(d);
        // A value is written to 15 significant digits, as a cell shows it (core/numbers.ts shownRound): half a
        // unit in the 15th digit is at most |v| × 5e-15.
        expect(Math.abs(Number(t) - v)).toBeLessThanOrEqual(0.5 * Math.pow(10, -d) + Math.abs(v) * 5e-15);
      }),
    );
    // fast-check seed -1155944171 (session 19): 8 decimals wanted, 15 significant digits shown.
    expect(krValue({ start: 0, target: -5e-324 }, -10000051127.795912)).toBe("-10000051127.7959");
    expect(krValue({ start: "", target: 1e-5 }, 1e-7, ",")).toBe("0,0000001");
    expect(krValue({ start: 0, target: 1 }, "n/a")).toBe("n/a");
  });
  it("puts units after values", () => {
    expect(withUnit("3", "days")).toBe("3 days");
    expect(withUnit("30", "%")).toBe("30%");
    expect(withUnit("3", "")).toBe("3");
    expect(withUnit("", "days")).toBe("");
    // Money with two decimals at least (core/valueDigits.ts): the sidebar's Now, Target and hint said 14.2 €.
    expect(withUnit("14.2", "€")).toBe("14.20 €");
    expect(withUnit("14,2", "EUR", ",")).toBe("14,20 EUR");
    expect(withUnit("1200", "$", ",")).toBe("1200,00 $");
    // Session 18: a dollar sign first where the decimal separator is a point, as the summary writes it ("Now 39.90 $" before).
    expect(withUnit("39.9", "$")).toBe("$39.90");
    expect(withUnit("0.045", "USD")).toBe("0.045 USD");
    expect(withUnit("14.2", "euros per unit")).toBe("14.2 euros per unit");
  });
  it("maps status labels to badge classes", () => {
    expect(statusClass("On track")).toBe("on-track");
    expect(statusClass("At risk")).toBe("at-risk");
    expect(statusClass("Off track")).toBe("off-track");
    expect(statusClass("Not started")).toBe("not-started");
    expect(statusClass("Setup error")).toBe("setup-error");
    expect(statusClass("whatever")).toBe("other");
    expect(statusClass("")).toBe("other");
  });
  it("words the success message", () => {
    expect(successMessage({ score: 0.4213, status: "At risk" }, false)).toBe("Saved: score 0.42 — At risk");
    expect(successMessage({ score: 0.5, status: "On track" }, false, ",")).toBe("Saved: score 0,50 — On track");
    expect(successMessage({ score: null, status: "Setup error" }, false)).toBe("Saved — Setup error");
    expect(successMessage({ score: 1, status: "On track" }, true)).toBe("Already saved: score 1.00 — On track");
  });
  it("hints at unit, start → target and the current value", () => {
    const kr = { unit: "days", start: 10, target: 5, current: 8, metric: "decrease" };
    expect(valueHint(kr, ".")).toBe("In days. 10 days → 5 days. Now 8 days.");
    expect(valueHint({ ...kr, unit: "%", start: 0.5, target: 2.5, current: "" }, ",")).toBe("In %. 0,5% → 2,5%. No value yet.");
    expect(valueHint({ unit: "", start: 0, target: 1, current: 0, metric: "milestone" }, ".")).toBe(
      "Fraction done, 0 to 1 (1 = done). 0 → 1. Now 0.",
    );
    // At the KR's decimals (core/valueDigits.ts), as the summary and the CLI write its values: until session
    // 14 a value under 1e-6 showed as "1e-7" (String()), and 85.125 where the summary says 85.13.
    const tiny = { unit: "mm", start: 0.00002, target: 0.00001, current: 1.2e-7, metric: "decrease" };
    expect(valueHint(tiny, ".")).toBe("In mm. 0.00002 mm → 0.00001 mm. Now 0.0000001 mm.");
    expect(valueHint({ ...tiny, unit: "", current: 5e-7 }, ",")).toBe("0,00002 → 0,00001. Now 0,0000005.");
    expect(valueHint({ ...kr, unit: "", start: 0, target: 100, current: 85.125, metric: "increase" }, ".")).toBe("0 → 100. Now 85.13.");
    // Money keeps its cents, a fraction-% KR its × 100, at the KR's decimals too.
    expect(valueHint({ ...kr, unit: "€", start: 10, target: 20, current: 13.7049, metric: "increase" }, ",")).toBe("In €. 10,00 € → 20,00 €. Now 13,70 €.");
    expect(valueHint({ unit: "%", start: 0.005, target: 0.003, current: 0.0043612, metric: "decrease", percentCells: true }, ".")).toBe(
      "In %, as a fraction (0.85 for 85%). 0.5% → 0.3%. Now 0.436%.",
    );
    expect(correctingMessage({ date: "2024-01-22", value: 3e-7 }, tiny)).toBe(
      "Correcting your check-in of 2024-01-22 (0.0000003 mm): change what was wrong and save. Both stay in the log.",
    );
    expect(valuePlaceholder(",")).toContain("3,5");
    expect(valuePlaceholder(".")).toContain("3.5");
  });
});

describe("failures", () => {
  it("puts field errors next to fields in form order, others into the message", () => {
    const m = mapFailure({
      message: FIX_FIELDS_MESSAGE,
      fieldErrors: { confidence: "1 to 10.", value: "Not a number.", as: "Unknown person." },
    });
    expect(m.fields).toEqual([
      { field: "value", message: "Not a number." },
      { field: "confidence", message: "1 to 10." },
    ]);
    expect(m.message).toBe(`${FIX_FIELDS_MESSAGE} Unknown person.`);
  });
  it("the fields-to-fix message points no way: the sidebar's status line is under the fields it names", () => {
    expect(FIX_FIELDS_MESSAGE).toBe("Nothing was saved: fix the marked fields.");
  });
  it("says busy in plain words", () => {
    expect(mapFailure({ message: "Lock timeout", busy: true })).toEqual({ message: BUSY_MESSAGE, fields: [] });
    expect(BUSY_MESSAGE).toBe("The tracker is busy — try again");
  });
  it("never shows an empty message", () => {
    expect(mapFailure({ message: "" }).message).toBe("The check-in was not saved.");
  });
});

describe("light validation", () => {
  const ok = { krId: "O1.KR1", value: "3,5", confidence: "7", whatChanged: "", blockers: "", nextStep: "" };
  it("accepts a filled form (the server checks the number)", () => {
    expect(validateForm(ok)).toEqual({});
    expect(validateForm({ ...ok, value: "abc" })).toEqual({});
  });
  it("wants a value, a KR and confidence 1–10", () => {
    expect(Object.keys(validateForm({ ...ok, value: "  " }))).toEqual(["value"]);
    expect(Object.keys(validateForm({ ...ok, krId: "" }))).toEqual(["krId"]);
    for (const c of ["", "0", "11", "5.5", "x"]) expect(Object.keys(validateForm({ ...ok, confidence: c }))).toEqual(["confidence"]);
    for (const c of ["1", "10"]) expect(validateForm({ ...ok, confidence: c })).toEqual({});
  });
  it("refuses texts over MAX_TEXT, which matches the server's", () => {
    expect(MAX_TEXT).toBe(API_MAX_TEXT);
    expect(validateForm({ ...ok, blockers: "x".repeat(MAX_TEXT) })).toEqual({});
    expect(validateForm({ ...ok, blockers: "x".repeat(MAX_TEXT + 1) }).blockers).toMatch(/longer than 2000/);
  });
  it("pre-selects confidence only when it is 1–10", () => {
    expect(confidenceOption(7)).toBe("7");
    expect(confidenceOption("10")).toBe("10");
    expect(confidenceOption("")).toBe("");
    expect(confidenceOption(0)).toBe("");
    expect(confidenceOption(7.5)).toBe("");
  });
});

describe("lists", () => {
  const kr = (id: string): SidebarKr =>
    ({ id, name: id, recent: [] }) as unknown as SidebarKr;
  it("replaces a KR by ID", () => {
    const list = [kr("a"), kr("b")];
    const b2 = { ...kr("b"), name: "B" };
    expect(replaceKr(list, b2).map((k) => k.name)).toEqual(["a", "B"]);
    expect(list[1].name).toBe("b");
    expect(replaceKr(list, kr("c")).map((k) => k.id)).toEqual(["a", "b", "c"]);
  });
  it("shows the last few check-ins newest first", () => {
    const r = (date: string, v: number) => ({ date, value: v, confidence: 5, whatChanged: "", author: "" });
    const out = recentForDisplay([r("2024-01-01", 1), r("2024-01-15", 3), r("2024-01-08", 2), r("2024-01-15", 4)], 3);
    expect(out.map((x) => x.value)).toEqual([3, 4, 2]);
    expect(recentForDisplay(undefined)).toEqual([]);
  });
});

describe("a large tracker's page (KRs known by name until the full data comes)", () => {
  const full = (id: string, row: number, name = id): SidebarKr => ({ id, row, name, status: "On track", recent: [] }) as unknown as SidebarKr;
  const brief = (id: string, row: number) => ({ id, row, objectiveId: "O1", name: "named " + id, owner: "ann@example.com" });

  it("lists the detailed and the brief KRs in sheet order, the brief ones marked and without facts", () => {
    const list = withBrief([full("b", 5)], [brief("c", 9), brief("a", 2)]);
    expect(list.map((k) => [k.id, !!k.brief])).toEqual([["a", true], ["b", false], ["c", true]]);
    expect(list[0]).toMatchObject({ name: "named a", owner: "ann@example.com", row: 2, score: null, status: "", recent: [], correctable: null });
    expect(withBrief([full("b", 5)], undefined).map((k) => k.id)).toEqual(["b"]);
  });

  it("takes the full data for every KR except those kept (a check-in's reply is newer than data read before it)", () => {
    const list = withBrief([full("b", 5, "reply")], [brief("a", 2), brief("c", 9)]);
    const later = [full("a", 2, "A"), full("b", 5, "stale"), full("c", 9, "C")];
    const merged = mergeDetails(list, later, (id) => id === "b");
    expect(merged.map((k) => k.name)).toEqual(["A", "reply", "C"]);
    expect(merged.some((k) => k.brief)).toBe(false);
    // A KR the full data lacks (deleted meanwhile) stays as it was: the person's choice is not pulled away.
    expect(mergeDetails(list, [full("a", 2, "A")], () => false).map((k) => k.name)).toEqual(["A", "reply", "named c"]);
  });

  it("adds the full data's KRs the page did not list (an objective's, the page's four columns cannot tell), in sheet order", () => {
    // Until session 19 they never joined: an objective's owner saw only their own KRs from the menu's page.
    const list = withBrief([full("b", 5, "reply")], [brief("c", 9)]);
    const later = [full("a", 2, "A"), full("b", 5, "stale"), full("x", 7, "X"), full("c", 9, "C"), full("d", 11, "D")];
    expect(mergeDetails(list, later, (id) => id === "b").map((k) => k.name)).toEqual(["A", "reply", "X", "C", "D"]);
  });

  it("the server details the KR the form starts on: an owner's first, an admin's own, else none", () => {
    const krs = [{ id: "a", owner: "bob@x" }, { id: "b", owner: "ann@x" }];
    expect(defaultKrId(krs, { isAdmin: false, actingAs: "bob@x" })).toBe("a");
    expect(defaultKrId(krs, { isAdmin: true, actingAs: "ann@x" })).toBe("b");
    expect(defaultKrId(krs, { isAdmin: true, actingAs: "eve@x" })).toBe("");
  });
});

describe("krForecastLine", () => {
  const landed = { ok: true as const, value: 88, score: 0.25, endDay: "2026-04-05", goal: { value: 95, word: "target" as const } };

  it("forecasts in the cycle, its last day included", () => {
    expect(krForecastLine(landed, "%", ".", "2026-03-30")).toBe("At this pace: 88% by 2026-04-05 (target 95%) — score 0.25");
    expect(krForecastLine(landed, "%", ".", "2026-04-05")).toBe("At this pace: 88% by 2026-04-05 (target 95%) — score 0.25");
  });

  it("after the cycle's last day says where the KR ended, not where it will (the week after, when check-ins are still taken)", () => {
    // Until session 19: "At this pace: 88% by 2026-04-05" on 2026-04-07, a date past.
    expect(krForecastLine(landed, "%", ".", "2026-04-07")).toBe("Ended at 88% on 2026-04-05 (target 95%) — score 0.25");
    expect(krForecastLine({ ...landed, value: 37.5, goal: { value: 37.8, word: "goal" } }, "EUR", ",", "2026-04-13")).toBe(
      "Ended at 37,50 EUR on 2026-04-05 (goal 37,80 EUR) — score 0,25",
    );
    expect(krForecastLine({ ok: true, value: 12, score: 1, endDay: "2026-04-05" }, "", ".", "2026-04-06")).toBe("Ended at 12 on 2026-04-05 — score 1.00");
  });

  it("a check-in's reply for a KR forecast to miss adds what it takes, in the locale's separator; after the last day it does not", () => {
    const need = { kind: "pace" as const, perWeek: -0.25, slope: -0.1 };
    const days = { ok: true as const, value: 7, score: 0.57, endDay: "2026-04-05", goal: { value: 6, word: "target" as const }, need };
    expect(krForecastLine(days, "days", ",", "2026-03-01")).toBe("At this pace: 7 days by 2026-04-05 (target 6 days) — score 0,57; needs to fall 0,25 days a week (so far falling 0,1 days a week)");
    expect(krForecastLine(days, "days", ".", "2026-04-07")).toBe("Ended at 7 days on 2026-04-05 (target 6 days) — score 0.57");
  });

  it("keeps why there is no forecast, and forecasts when today is unknown", () => {
    expect(krForecastLine({ ok: false, reason: "not enough check-ins to forecast yet" }, "%", ".", "2026-04-07")).toBe("At this pace: not enough check-ins to forecast yet");
    expect(krForecastLine(landed, "%", ".", "")).toBe("At this pace: 88% by 2026-04-05 (target 95%) — score 0.25");
  });
});

describe("projectCheckin: a German's '1.216,5' (session 20)", () => {
  const cost: SidebarKr = {
    id: "O3.KR1", row: 5, objectiveId: "O3", objective: "Kosten senken", name: "Kosten pro Einheit senken", owner: "dieter@example.de",
    metric: "decrease", unit: "€", start: 1234.5, target: 1100, current: "", confidence: "", lastCheckin: "", score: 0, status: "Not started",
    recent: [], forecast: null, correctable: null, expected: 0.1,
  };
  it("shows the new score at once in de_DE, as the server will save it; '1,216.5' is left to the server's refusal", () => {
    // Before: null (the page waited for the server, which refused it too).
    const p = projectCheckin(cost, "1.216,5", 7, "de_DE", "2026-01-07", { onTrackGap: 0.1, atRiskGap: 0.25 });
    expect(p).toMatchObject({ current: 1216.5, status: "On track" });
    expect(p!.score).toBeCloseTo(18 / 134.5, 9);
    expect(projectCheckin(cost, "1,216.5", 7, "de_DE", "2026-01-07", { onTrackGap: 0.1, atRiskGap: 0.25 })).toBeNull();
  });
});
