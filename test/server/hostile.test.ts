// Hostile input through the BUILT add-on (dist/Code.js; `npm run build` first): every entry point the
// sidebar, the menu and the CLI reach, fed wrong types, unknown fields, impossible dates, absurd numbers,
// over-long text, cancelled or garbage prompt answers and broken Settings. Each refusal must be
// `ok: false` with a short human message (no stack frames, no "TypeError", no "undefined", no
// "[object Object]", no zod "Invalid input") and must write NOTHING: every tab's values and formulas,
// the tab list, the triggers and the mail outbox are compared before and after.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { MAX_TEXT } from "../../src/core/limits";
import { callAddon, rowsOf, setToday, ss } from "../support/tracker";
import { ADMIN, borrow, DISPATCH, everything, expectRefusal, good, QUALITY, workbook } from "../support/hostile";

// ---------------------------------------------------------------------------------------------------
// 1. submitCheckin (the sidebar's payload)
// ---------------------------------------------------------------------------------------------------

const without = (k: string) => () => {
  const p: Record<string, unknown> = good();
  delete p[k];
  return p;
};
const withField = (fields: Record<string, unknown>) => () => ({ ...good(), ...fields });

/** [case, payload, what the message or the field's error must say, the field flagged (if any)] */
const CHECKIN_REFUSALS: [string, () => unknown, RegExp, string?][] = [
  ["payload null", () => null, /could not be read.*reload/i],
  ["payload 42", () => 42, /could not be read.*reload/i],
  ["payload text", () => "x", /could not be read.*reload/i],
  ["payload []", () => [], /could not be read.*reload/i],
  ["payload {}", () => ({}), /request ID/i],
  ["missing requestId", without("requestId"), /request ID/i],
  ["missing krId", without("krId"), /Key result is required/, "krId"],
  ["missing value", without("value"), /New value is required/, "value"],
  ["missing confidence", without("confidence"), /Confidence is required/, "confidence"],
  ["value as object", withField({ value: { n: 5 } }), /New value/, "value"],
  ["value as array", withField({ value: [5] }), /New value/, "value"],
  ["value as boolean", withField({ value: true }), /New value/, "value"],
  ["value null", withField({ value: null }), /New value/, "value"],
  ["value NaN (arrives as null)", withField({ value: NaN }), /New value/, "value"],
  ["value \"NaN\"", withField({ value: "NaN" }), /number/i, "value"],
  ["value \"Infinity\"", withField({ value: "Infinity" }), /number/i, "value"],
  ["value \"-Infinity\"", withField({ value: "-Infinity" }), /number/i, "value"],
  ["value \"1e400\"", withField({ value: "1e400" }), /number/i, "value"],
  ["value \"-1e400\"", withField({ value: "-1e400" }), /number/i, "value"],
  ["value 400 digits", withField({ value: "1".repeat(400) }), /too long/i, "value"],
  ["value 1e16 (number)", withField({ value: 1e16 }), /./, "value"],
  ["value empty", withField({ value: "" }), /./, "value"],
  ["value blank", withField({ value: "  " }), /./, "value"],
  ["value \"3,5,1\"", withField({ value: "3,5,1" }), /separator/i, "value"],
  ["value \"0x10\"", withField({ value: "0x10" }), /number/i, "value"],
  ["value \"5kg\"", withField({ value: "5kg" }), /number/i, "value"],
  ["confidence 7.5", withField({ confidence: 7.5 }), /whole number from 1 to 10/, "confidence"],
  ["confidence \"7.5\"", withField({ confidence: "7.5" }), /whole number from 1 to 10/, "confidence"],
  ["confidence \"seven\"", withField({ confidence: "seven" }), /whole number from 1 to 10/, "confidence"],
  ["confidence 0", withField({ confidence: 0 }), /whole number from 1 to 10/, "confidence"],
  ["confidence 11", withField({ confidence: 11 }), /whole number from 1 to 10/, "confidence"],
  ["confidence -1", withField({ confidence: -1 }), /whole number from 1 to 10/, "confidence"],
  ["confidence NaN (arrives as itself: scriptRun.ts)", withField({ confidence: NaN }), /Confidence/, "confidence"],
  ["confidence null (NaN under JSON's reading)", withField({ confidence: null }), /Confidence/, "confidence"],
  ["confidence Infinity (arrives as itself)", withField({ confidence: Infinity }), /Confidence/, "confidence"],
  ["confidence as object", withField({ confidence: {} }), /Confidence/, "confidence"],
  ["confidence as boolean", withField({ confidence: true }), /Confidence/, "confidence"],
  ["confidence empty", withField({ confidence: "" }), /required/i, "confidence"],
  ["krId as number", withField({ krId: 5 }), /Key result/, "krId"],
  ["krId empty", withField({ krId: "" }), /Choose a key result/, "krId"],
  ["krId over-long", withField({ krId: "K".repeat(65) }), /too long/i, "krId"],
  ["unknown krId", withField({ krId: "O9.KR9" }), /no key result with ID "O9\.KR9"/],
  ["krId of another owner", withField({ krId: "O1.KR1" }), /O1\.KR1 belongs to dispatch/],
  ["\"as\" used to impersonate when the user has an email", withField({ krId: "O1.KR1", as: DISPATCH }), /O1\.KR1 belongs to dispatch/],
  ["\"as\" of wrong type", withField({ as: 5 }), /Who you are/, "as"],
  ["extra unknown field", withField({ score: 1 }), /fields the add-on does not know: "score"/],
  ["extra unknown fields", withField({ admin: true, column: 3 }), /does not know: "admin", "column"/],
  ["a row that cannot be one", withField({ row: 1.5 }), /row that cannot be one/],
  ["a row as text", withField({ row: "7" }), /row that cannot be one/],
  [`whatChanged ${MAX_TEXT + 1} chars`, withField({ whatChanged: "x".repeat(MAX_TEXT + 1) }), /What changed is longer than 2000/, "whatChanged"],
  [`blockers ${MAX_TEXT + 1} chars`, withField({ blockers: "x".repeat(MAX_TEXT + 1) }), /Blockers is longer than 2000/, "blockers"],
  [`nextStep ${MAX_TEXT + 1} chars`, withField({ nextStep: "x".repeat(MAX_TEXT + 1) }), /Next step is longer than 2000/, "nextStep"],
  ["whatChanged as number", withField({ whatChanged: 42 }), /What changed/, "whatChanged"],
  ["blockers as array", withField({ blockers: ["a"] }), /Blockers/, "blockers"],
  ["nextStep null", withField({ nextStep: null }), /Next step/, "nextStep"],
  ["requestId empty", withField({ requestId: "" }), /request ID/i],
  ["requestId as number", withField({ requestId: 12345678 }), /request ID/i],
  ["requestId with spaces", withField({ requestId: "has spaces in it" }), /request ID/i],
  ["requestId over-long", withField({ requestId: "r".repeat(65) }), /request ID/i],
];

describe("submitCheckin refuses hostile payloads and writes nothing", () => {
  // Rest parameters: a row shorter than the parameter list would otherwise make Jest pass `done` and wait for it.
  // The workbooks are lent (borrow): a refusal leaves them as they were, which each test checks.
  it.each(CHECKIN_REFUSALS)("%s", (...[_name, payload, pattern, field]) => {
    const { wb, before, giveBack } = borrow();
    const r = callAddon(wb, "submitCheckin", payload());
    expectRefusal(r, pattern);
    if (field) expect(r.fieldErrors?.[field], `fieldErrors.${field}`).toMatch(pattern);
    const after = everything(wb);
    expect(after).toBe(before);
    giveBack(after);
  });

  it.each(["2026-01-04", "2026-04-13", "2027-01-01", "2025-12-31"])("today %s is outside the cycle (and the week after it)", (day) => {
    const wb = workbook();
    setToday(wb, day);
    const before = everything(wb);
    expectRefusal(callAddon(wb, "submitCheckin", good()), new RegExp(`Today \\(${day}\\) is outside the cycle \\(2026-01-05 to `));
    expect(everything(wb)).toBe(before);
  });

  it("the outside-the-cycle message names the cycle's last day, not the last day check-ins were taken", () => {
    const wb = workbook();
    setToday(wb, "2026-04-13");
    expectRefusal(callAddon(wb, "submitCheckin", good()), /outside the cycle \(2026-01-05 to 2026-04-05\)/);
  });

  it("a resend with the same request ID (even with other values) writes nothing new", () => {
    const wb = workbook();
    const first = good();
    expect(callAddon(wb, "submitCheckin", first)).toMatchObject({ ok: true, duplicate: false });
    const before = everything(wb);
    const again = callAddon(wb, "submitCheckin", { ...first, value: "4", confidence: 2, whatChanged: "other" });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(again.kr.current).toBe(5);
    expect(everything(wb)).toBe(before);
  });

  it("without an email, a check-in naming nobody is refused; naming someone else's KR is refused", () => {
    const wb = workbook("tracker", null);
    const before = everything(wb);
    expectRefusal(callAddon(wb, "submitCheckin", good()), /Choose who you are/);
    expectRefusal(callAddon(wb, "submitCheckin", { ...good(), as: DISPATCH }), /O2\.KR1 belongs to quality/);
    expectRefusal(callAddon(wb, "submitCheckin", { ...good(), as: "   " }), /Choose who you are/);
    expect(everything(wb)).toBe(before);
  });
});

/** Positive controls: text that looks like a formula or HTML is accepted and stored literally. */
const LITERAL_TEXTS = ["=1+1", "+1", "-x", "@me", "<img src=x onerror=alert(1)>", '=HYPERLINK("http://evil.example","x")', "'007", "<script>alert(1)</script>"];

describe("formula-like and HTML-like text is accepted and stored literally", () => {
  it.each(LITERAL_TEXTS)("%s", (text) => {
    const wb = workbook();
    const logBefore = rowsOf(wb, "Check-ins").length;
    const r = callAddon(wb, "submitCheckin", { ...good(), whatChanged: text, blockers: text, nextStep: text });
    expect(r).toMatchObject({ ok: true, duplicate: false });
    const log = rowsOf(wb, "Check-ins");
    expect(log).toHaveLength(logBefore + 1);
    const sheet = ss(wb).getSheetByName("Check-ins")!;
    const values = sheet.getDataRange().getValues();
    const formulas = sheet.getDataRange().getFormulas();
    const h = values[0].map(String);
    const last = values.length - 1;
    for (const c of ["What changed", "Blockers", "Next step"]) {
      const i = h.indexOf(c);
      expect(values[last][i], c).toBe(text);
      expect(formulas[last][i], c).toBe("");
    }
    // The sidebar gets the text back as data, never evaluated.
    expect(r.kr.recent[0].whatChanged).toBe(text);
    const d = callAddon(wb, "getSidebarData", {});
    expect(d.krs.find((k: { id: string }) => k.id === "O2.KR1").recent[0].whatChanged).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. getSidebarData
// ---------------------------------------------------------------------------------------------------

const SIDEBAR_REFUSALS: [string, unknown][] = [
  ["42", 42],
  ["text", "x"],
  ["[]", []],
  ["true", true],
  ["as: number", { as: 5 }],
  ["as: object", { as: { email: ADMIN } }],
  ["as: array", { as: [ADMIN] }],
  ["as: 255 chars", { as: "a".repeat(255) }],
  ["unknown field", { admin: true }],
  ["unknown field next to as", { as: QUALITY, all: true }],
];

describe("getSidebarData refuses wrong types and unknown fields", () => {
  it.each(SIDEBAR_REFUSALS)("%s", (...[_name, payload]) => {
    const { wb, before, giveBack } = borrow();
    const r = callAddon(wb, "getSidebarData", payload);
    expectRefusal(r, /does not understand \((it is not an object|unknown field "[a-z]+"|"as" has the wrong type or length)\)\. Reload/);
    expect(r.krs).toBeUndefined();
    const after = everything(wb);
    expect(after).toBe(before);
    giveBack(after);
  });

  it("control: no payload and {} are accepted", () => {
    const wb = workbook();
    expect(callAddon(wb, "getSidebarData").ok).toBe(true);
    expect(callAddon(wb, "getSidebarData", {}).ok).toBe(true);
  });
});
