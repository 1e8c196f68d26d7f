// Hostile input through the BUILT add-on, part 2: the action entry points, the menu items and broken
// Settings (part 1, hostile.test.ts, has the sidebar's payloads and literal text). As there, every entry point the
// sidebar, the menu and the CLI reach, fed wrong types, unknown fields, impossible dates, absurd numbers,
// over-long text, cancelled or garbage prompt answers and broken Settings. Each refusal must be
// `ok: false` with a short human message (no stack frames, no "TypeError", no "undefined", no
// "[object Object]", no zod "Invalid input") and must write NOTHING: every tab's values and formulas,
// the tab list, the triggers and the mail outbox are compared before and after.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { AddonEntry, Workbook } from "../../src/local/runtime";
import { callAddon, callAddonRaw, rowsOf, setSetting } from "../support/tracker";
import { ADMIN, borrow, everything, expectHumanMessage, expectRefusal, good, QUALITY, TODAY, workbook, type State } from "../support/hostile";

// ---------------------------------------------------------------------------------------------------
// 3. Action entry points (src/server/actions.ts)
// ---------------------------------------------------------------------------------------------------

const BAD_DATES = ["2026-02-30", "2026-13-01", "yesterday", "", "05/01/2026", "2026-1-5x"];
const AT_ACTIONS = ["generateWeeklySummary", "createMidCycleReview", "endCycle"] as const;
const NEXT = "2026-04-06";

/** [entry point, case, options, what the message must say, workbook state] */
const ACTION_REFUSALS: [AddonEntry, string, unknown, RegExp, State?][] = [
  // setupTracker on an existing tracker (the dangerous case: it must refuse before touching it)
  ["setupTracker", "unknown option", { colour: "red" }, /Unknown option "colour": it accepts "template", "start", "weeks", "name"/],
  ["setupTracker", "unknown options", { template: "blank", a: 1, b: 2 }, /Unknown options "a", "b"/],
  ["setupTracker", "options as a number", 42, /options must be given by name.*not as the number 42/],
  ["setupTracker", "options as a list", [], /options must be given by name.*not as a list/],
  ["setupTracker", "options as text", "operations", /options must be given by name.*not as text "operations"/],
  ["setupTracker", "template as number", { template: 1 }, /Option "template" must be text, not the number 1/],
  ["setupTracker", "unknown template", { template: "sales" }, /Unknown template "sales"/],
  ["setupTracker", "weeks as text", { weeks: "13" }, /Option "weeks" must be a number, not text "13"/],
  ["setupTracker", "weeks as boolean", { weeks: true }, /Option "weeks" must be a number, not true/],
  ["setupTracker", "weeks 0", { weeks: 0 }, /Length in weeks must be a whole number from 1 to 52/],
  ["setupTracker", "weeks -3", { weeks: -3 }, /Length in weeks must be a whole number from 1 to 52/],
  ["setupTracker", "weeks 2.5", { weeks: 2.5 }, /Length in weeks must be a whole number from 1 to 52/],
  ["setupTracker", "weeks 1e9", { weeks: 1e9 }, /Length in weeks must be a whole number from 1 to 52/],
  ["setupTracker", "weeks NaN (arrives as itself: scriptRun.ts)", { weeks: NaN }, /Option "weeks" must be a number, not NaN\./],
  ["setupTracker", "weeks null (NaN under JSON's reading)", { weeks: null }, /Option "weeks" must be a number, not null/],
  ...BAD_DATES.map((d): [AddonEntry, string, unknown, RegExp] => ["setupTracker", `start "${d}"`, { start: d }, /Option "start" must be a date in the form YYYY-MM-DD/]),
  ["setupTracker", "start 5,000 chars", { start: "9".repeat(5000) }, /Option "start" must be a date in the form YYYY-MM-DD, not "9{40}…"\.$/],
  ["setupTracker", "empty name", { name: "" }, /Cycle name must be 1–100 characters/],
  ["setupTracker", "blank name", { name: "   " }, /Cycle name must be 1–100 characters/],
  ["setupTracker", "101-char name", { name: "n".repeat(101) }, /Cycle name must be 1–100 characters/],
  ["setupTracker", "name as object", { name: { first: "x" } }, /Option "name" must be text, not an object/],
  ["setupTracker", "over a foreign Objectives tab", { template: "operations" }, /"Objectives"/, "foreignObjectives"],

  ["repairTracker", "unknown option", { force: true }, /Unknown option "force": it takes no options/],
  ["repairTracker", "options as text", "now", /options must be given by name \(it takes no options\)/],
  ["repairTracker", "over a foreign History tab", {}, /"History"/, "foreignHistory"],

  ...AT_ACTIONS.flatMap((fn): [AddonEntry, string, unknown, RegExp][] => [
    [fn, "unknown option", { when: "2026-01-20" }, /Unknown option "when": it accepts "at"/],
    [fn, "at as number", { at: 20260120 }, /Option "at" must be text, not the number 20260120/],
    [fn, "at null", { at: null }, /Option "at" must be text, not null/],
    [fn, "options as list", [TODAY], /options must be given by name/],
    ...BAD_DATES.map((d): [AddonEntry, string, unknown, RegExp] => [fn, `at "${d}"`, { at: d }, /Option "at" must be a date in the form YYYY-MM-DD/]),
  ]),

  ["rollOverCycle", "before the cycle is closed", { start: NEXT }, /Close the cycle first/],
  ["rollOverCycle", "no start", {}, /Option "start" is required \(text\)/, "closed"],
  ["rollOverCycle", "unknown option", { start: NEXT, carry: "all" }, /Unknown option "carry": it accepts "start", "weeks", "name"/, "closed"],
  ["rollOverCycle", "start as number", { start: 20260406 }, /Option "start" must be text/, "closed"],
  ...BAD_DATES.map((d): [AddonEntry, string, unknown, RegExp, State] => ["rollOverCycle", `start "${d}"`, { start: d }, /Option "start" must be a date in the form YYYY-MM-DD/, "closed"]),
  ["rollOverCycle", "start 5,000 chars", { start: "2".repeat(5000) }, /not "2{40}…"\.$/, "closed"],
  ["rollOverCycle", "start before the finished cycle", { start: "2025-12-01" }, /must start after the finished one/, "closed"],
  ["rollOverCycle", "weeks 0", { start: NEXT, weeks: 0 }, /whole number of weeks from 1 to 52/, "closed"],
  ["rollOverCycle", "weeks -3", { start: NEXT, weeks: -3 }, /whole number of weeks from 1 to 52/, "closed"],
  ["rollOverCycle", "weeks 2.5", { start: NEXT, weeks: 2.5 }, /whole number of weeks from 1 to 52/, "closed"],
  ["rollOverCycle", "weeks 1e9", { start: NEXT, weeks: 1e9 }, /whole number of weeks from 1 to 52/, "closed"],
  ["rollOverCycle", "weeks NaN (arrives as itself)", { start: NEXT, weeks: NaN }, /Option "weeks" must be a number, not NaN\./, "closed"],
  ["rollOverCycle", "weeks null", { start: NEXT, weeks: null }, /Option "weeks" must be a number, not null/, "closed"],
  ["rollOverCycle", "weeks as text", { start: NEXT, weeks: "13" }, /Option "weeks" must be a number, not text "13"/, "closed"],
  ["rollOverCycle", "empty name", { start: NEXT, name: "" }, /needs a name/, "closed"],
  ["rollOverCycle", "blank name", { start: NEXT, name: "   " }, /needs a name/, "closed"],
  ["rollOverCycle", "101-char name", { start: NEXT, name: "n".repeat(101) }, /longer than 100 characters/, "closed"],
  ["rollOverCycle", "the finished cycle's name", { start: NEXT, name: "order-to-delivery PILOT" }, /name different from the finished one/, "closed"],

  ["importOkrsFromTab", "nonexistent tab", { tab: "Nope" }, /There is no tab named "Nope"/],
  ["importOkrsFromTab", "a tracker tab", { tab: "Key Results" }, /"Key Results" is a tracker tab/],
  ["importOkrsFromTab", "a tracker tab in lower case", { tab: "history" }, /"history" is a tracker tab/],
  ["importOkrsFromTab", "empty tab name", { tab: "" }, /Option "tab" must not be empty/],
  ["importOkrsFromTab", "101-char tab name", { tab: "t".repeat(101) }, /Option "tab" must be at most 100 characters \(it has 101\)/],
  ["importOkrsFromTab", "no tab", {}, /Option "tab" is required \(text\)/],
  ["importOkrsFromTab", "tab as number", { tab: 3 }, /Option "tab" must be text, not the number 3/],
  ["importOkrsFromTab", "unknown option", { tab: "Bad OKRs", replace: true }, /Unknown option "replace": it accepts "tab"/, "importTab"],
  ["importOkrsFromTab", "bad rows", { tab: "Bad OKRs" }, /Nothing was imported\. row 2: .*sideways.*; row 3: .*abc/i, "importTab"],

  ["setWeeklyRefresh", "on as text", { on: "yes" }, /Option "on" must be true or false, not text "yes"/],
  ["setWeeklyRefresh", "on as number", { on: 1 }, /Option "on" must be true or false, not the number 1/],
  ["setWeeklyRefresh", "unknown option", { on: true, hour: 3 }, /Unknown option "hour": it accepts "on"/],
  ["setWeeklyRefresh", "options as boolean", true, /options must be given by name.*not as true/],

  ["sendWeeklyEmailsNow", "unknown option", { to: "everyone@example.com" }, /Unknown option "to": it takes no options/],
  ["sendWeeklyEmailsNow", "options as list", [1, 2], /options must be given by name/],

  ["refreshPortfolio", "unknown option", { teams: 3 }, /Unknown option "teams": it accepts "at", "limit"/],
  ["refreshPortfolio", "limit 0", { limit: 0 }, /Option "limit" must be a whole number of 1 or more, not 0\./],
  ["refreshPortfolio", "limit 2.5", { limit: 2.5 }, /Option "limit" must be a whole number of 1 or more, not 2\.5\./],
  ["refreshPortfolio", "limit as text", { limit: "5" }, /Option "limit" must be a number, not text "5"/],
  ["refreshPortfolio", "limit NaN (arrives as itself)", { limit: NaN }, /Option "limit" must be a number, not NaN\./],
  ["refreshPortfolio", "limit null", { limit: null }, /Option "limit" must be a number, not null/],
  ...BAD_DATES.map((d): [AddonEntry, string, unknown, RegExp] => ["refreshPortfolio", `at "${d}"`, { at: d }, /Option "at" must be a date in the form YYYY-MM-DD/]),
];

describe("action entry points refuse hostile options with a message naming the option, and write nothing", () => {
  // The workbooks are lent (borrow): a refusal leaves them as they were, which each test checks.
  it.each(ACTION_REFUSALS)("%s: %s", (...[fn, _name, opts, pattern, state]) => {
    const { wb, before, giveBack } = borrow(state ?? "tracker", ADMIN);
    const r = callAddonRaw(wb, fn, opts);
    expectRefusal(r, pattern);
    const after = everything(wb);
    expect(after).toBe(before);
    giveBack(after);
  });

  it("the message lists at most five unknown options and says how many more", () => {
    const { wb, before, giveBack } = borrow("tracker", ADMIN);
    const opts = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, i]));
    const r = callAddon(wb, "generateWeeklySummary", opts);
    expectRefusal(r, /Unknown options "k0", "k1", "k2", "k3", "k4" and 3 more: it accepts "at"\./);
    const after = everything(wb);
    expect(after).toBe(before);
    giveBack(after);
  });

  it("controls: the same entry points accept good options", () => {
    const wb = workbook("tracker", ADMIN);
    expect(callAddon(wb, "repairTracker").ok).toBe(true);
    expect(callAddon(wb, "repairTracker", {}).ok).toBe(true);
    expect(callAddon(wb, "generateWeeklySummary", { at: TODAY }).ok).toBe(true);
    expect(callAddon(wb, "sendWeeklyEmailsNow").ok).toBe(true);
    expect(callAddon(wb, "setWeeklyRefresh", {}).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// 4. Menu items: hostile prompt answers
// ---------------------------------------------------------------------------------------------------

type Answer = Parameters<Workbook["services"]["ui"]["respond"]>[0];

/**
 * [menu item, case, answers to its prompts/questions, workbook state, the final alert's text (null: the
 * user cancelled, so no alert follows the questions), how many prompts/questions come before it]
 */
const MENU_CASES: [AddonEntry, string, Answer[], State, RegExp | null, number][] = [
  ["menuSetUp", "cancel on a new spreadsheet", ["CANCEL"], "fresh", null, 1],
  ["menuSetUp", "close on a new spreadsheet", ["CLOSE"], "fresh", null, 1],
  // Refused before the template question (menu.ts menuSetUp), so nothing is answered: a queued YES went to
  // the refusal's OK alert, which no user can answer YES.
  ["menuSetUp", "a foreign Objectives tab", [], "foreignObjectives", /"Objectives"/, 0],
  ["menuRollOver", "cycle not closed: refused before asking", [], "tracker", /Close the cycle first.*\nNothing was changed\./s, 0],
  ["menuRollOver", "cancel", ["CANCEL"], "closed", null, 1],
  ["menuRollOver", "close", [{ button: "CLOSE", text: NEXT }], "closed", null, 1],
  ["menuRollOver", "empty answer", [""], "closed", /^No start date was typed: type the first day of the next cycle as YYYY-MM-DD, DD\.MM\.YYYY or YYYY\/MM\/DD\.\nNothing was changed\.$/, 1],
  ["menuRollOver", "blank answer", ["   "], "closed", /No start date was typed/, 1],
  ["menuRollOver", "\"yesterday\"", ["yesterday"], "closed", /"yesterday" is not a date the add-on can read: type it as YYYY-MM-DD, DD\.MM\.YYYY or YYYY\/MM\/DD/, 1],
  ["menuRollOver", "\"2026-02-30\"", ["2026-02-30"], "closed", /"2026-02-30" is not a date/, 1],
  ["menuRollOver", "\"2026-13-01\"", ["2026-13-01"], "closed", /"2026-13-01" is not a date/, 1],
  ["menuRollOver", "a huge number", ["1e400"], "closed", /"1e400" is not a date/, 1],
  ["menuRollOver", "10,000 digits", ["9".repeat(10000)], "closed", /"9{40}…" is not a date/, 1],
  ["menuRollOver", "a date before the finished cycle", ["2025-12-01"], "closed", /must start after the finished one/, 1],
  ["menuImport", "cancel", ["CANCEL"], "tracker", null, 1],
  ["menuImport", "close", [{ button: "CLOSE", text: "Bad OKRs" }], "importTab", null, 1],
  ["menuImport", "empty answer", [""], "tracker", /No tab name was typed.*\nNothing was changed\./s, 1],
  ["menuImport", "nonexistent tab", ["Nope"], "tracker", /There is no tab named "Nope"/, 1],
  ["menuImport", "a tracker tab", ["Settings"], "tracker", /"Settings" is a tracker tab/, 1],
  ["menuImport", "5,000 characters", ["x".repeat(5000)], "tracker", /no tab named "x{40}…": tab names are at most 100 characters/, 1],
  ["menuImport", "a tab with bad rows", ["Bad OKRs"], "importTab", /Nothing was imported\. row 2/, 1],
  ["menuClose", "cancel", ["CANCEL"], "tracker", null, 1],
  ["menuClose", "close", ["CLOSE"], "tracker", null, 1],
  ["menuWeekly", "no", ["NO"], "tracker", null, 1],
  ["menuWeekly", "close", ["CLOSE"], "tracker", null, 1],
  ["menuRepair", "a foreign History tab", [], "foreignHistory", /"History"/, 0],
  ["menuHelp", "control: help writes nothing", [], "tracker", /Settings tab:/, 0],
];

describe("menu items: cancelled or garbage prompt answers give a clear alert and write nothing", () => {
  it.each(MENU_CASES)("%s: %s", (...[fn, _name, answers, state, alert, questions]) => {
    const { wb, before, giveBack } = borrow(state, ADMIN);
    const ui = wb.services.ui;
    ui.alerts.length = 0;
    ui.toasts.length = 0;
    ui.respond(...answers);
    callAddonRaw(wb, fn);
    const after = everything(wb);
    expect(after).toBe(before);
    expect(ui.toasts).toEqual([]);
    if (alert === null) {
      expect(ui.alerts).toHaveLength(questions);
    } else {
      expect(ui.alerts).toHaveLength(questions + 1);
      const last = ui.alerts[questions];
      expect(last.kind).toBe("alert");
      expectHumanMessage(last.prompt);
      expect(last.prompt).toMatch(alert);
    }
    // The alerts were this test's (all checked above); the next borrower starts without them.
    ui.alerts.length = 0;
    giveBack(after);
  });
});

// ---------------------------------------------------------------------------------------------------
// 5. Bad Settings values, typed into the Settings tab as a user would
// ---------------------------------------------------------------------------------------------------


const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** [Settings label, what the user typed, what the message must say (it always names the label)] */
const BAD_SETTINGS: [string, string, RegExp][] = [
  ["Length in weeks", "0", /whole number from 1 to 52; it is "0"/],
  ["Length in weeks", "-3", /whole number from 1 to 52; it is "-3"/],
  ["Length in weeks", "2.5", /whole number from 1 to 52; it is "2.5"/],
  ["Length in weeks", "thirteen", /whole number from 1 to 52; it is "thirteen"/],
  ["Length in weeks", "1e9", /whole number from 1 to 52/],
  ["Start date", "soon", /must be a date \(YYYY-MM-DD\); it is "soon"/],
  ["Start date", "2026-02-30", /must be a date \(YYYY-MM-DD\); it is "2026-02-30"/],
  ["Start date", "31/12/2026", /must be a date/],
  ["Start date", "", /is empty/],
  ["On track if gap ≤", "0.3", /On track if gap ≤ \(0\.3\) must not be more than At risk if gap ≤ \(0\.25\)/],
  ["At risk if gap ≤", "0.05", /On track if gap ≤ \(0\.1\) must not be more than At risk if gap ≤ \(0\.05\)/],
  ["On track if gap ≤", "-1", /from 0 to 1/],
  ["At risk if gap ≤", "lots", /from 0 to 1; it is "lots"/],
  ["Check-in weekday", "Funday", /day of the week.*"Funday"/],
  ["Check-in weekday", "7", /day of the week/],
  ["Check-in cadence", "daily", /weekly or fortnightly/],
  ["Aspirational goal", "1.5", /above 0 and at most 1/],
  // The sheet's formulas read these otherwise than the add-on did (blank as 0, "0,1" as text: every Status
  // "On track" while the summary said "At risk"), so they are refused too.
  ["On track if gap ≤", "0,1", /is the text "0,1", which the sheet's formulas cannot use as a number: type 0\.1\./],
  ["At risk if gap ≤", "", /is empty, which the sheet's formulas read as 0: type 0\.25, its default/],
  ["Aspirational goal", "0,7", /is the text "0,7".*type 0\.7\./],
  ["Length in weeks", "", /is empty.*type 13, its default/],
  ["Admins' emails", "not-an-email, @@", /"not-an-email", "@@" are not email addresses/],
  ["Leaders' emails", "boss@", /"boss@" is not an email address/],
  ["Email digest to leaders", "maybe", /on or off/],
  ["Cycle name", "n".repeat(101), /at most 100 characters; it has 101/],
];

const SETTINGS_CALLS: [string, (wb: Workbook) => unknown][] = [
  ["getSidebarData", (wb) => callAddon(wb, "getSidebarData", {})],
  ["submitCheckin", (wb) => callAddon(wb, "submitCheckin", good())],
  ["generateWeeklySummary", (wb) => callAddon(wb, "generateWeeklySummary", {})],
  ["createMidCycleReview", (wb) => callAddon(wb, "createMidCycleReview", {})],
  ["endCycle", (wb) => callAddon(wb, "endCycle", {})],
  ["sendWeeklyEmailsNow", (wb) => callAddon(wb, "sendWeeklyEmailsNow")],
  ["setWeeklyRefresh (on)", (wb) => callAddon(wb, "setWeeklyRefresh", { on: true })],
];

/** The same through the menu: the alert is what the user sees. */
const SETTINGS_MENUS: [AddonEntry, Answer[]][] = [
  ["menuSummary", []],
  ["menuReview", []],
  ["menuClose", ["OK"]],
  ["menuWeekly", []],
];

describe("bad Settings: every reader refuses, names the setting to fix, and writes nothing", () => {
  it.each(BAD_SETTINGS)("%s = %j", (...[label, typed, pattern]) => {
    const wb = workbook("tracker", QUALITY);
    setSetting(wb, label, typed);
    const before = everything(wb);
    const named = new RegExp(`^Settings need fixing: .*${esc(label)}`);
    for (const [fn, call] of SETTINGS_CALLS) {
      const r = call(wb) as any;
      expect(r?.ok, fn).toBe(false);
      expectRefusal(r, pattern);
      expect(r.message, fn).toMatch(named);
      expect(everything(wb), `${fn} wrote`).toBe(before);
    }
    for (const [fn, answers] of SETTINGS_MENUS) {
      const ui = wb.services.ui;
      ui.alerts.length = 0;
      ui.toasts.length = 0;
      ui.respond(...answers);
      callAddonRaw(wb, fn);
      const last = ui.alerts[ui.alerts.length - 1];
      expect(last?.kind, fn).toBe("alert");
      expectHumanMessage(last.prompt);
      expect(last.prompt, fn).toMatch(named);
      expect(ui.toasts, fn).toEqual([]);
      expect(everything(wb), `${fn} wrote`).toBe(before);
    }
  });

  it("control: fixing the setting makes the same calls work again", () => {
    const wb = workbook("tracker", QUALITY);
    setSetting(wb, "Length in weeks", "0");
    expect(callAddon(wb, "getSidebarData", {}).ok).toBe(false);
    setSetting(wb, "Length in weeks", "13");
    expect(callAddon(wb, "getSidebarData", {}).ok).toBe(true);
    expect(callAddon(wb, "submitCheckin", good()).ok).toBe(true);
    expect(rowsOf(wb, "Check-ins")).toHaveLength(1);
  });
});
