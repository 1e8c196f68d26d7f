// The add-on menu and the menu items. onOpen may run in AuthMode.NONE (before the add-on is authorised
// in this document): there it only builds the menu and touches no properties or data.
import { okrRows, ofTotal, plural } from "../core/plural";
import * as actions from "./actions";
import { DATE_FORMS, dateRefusal, unambiguousDate } from "../core/dates";
import { embedSidebarData } from "../core/sidebarPage";
import { sidebarPageData } from "./checkinSidebar";
import { TAB } from "../core/tabs";
import { PORTFOLIO_TAB } from "../core/portfolio";
import { DIGEST_NAMES, noneLine, portfolioTeamLines } from "../core/portfolioDigest";
import { rollupWhen } from "../core/portfolioLayout";
import { changedLine, missingLine } from "../core/messages";
import { notClosedMessage } from "./lifecycleTabs";
import { guarded, quotedName, type Refusal } from "./env";
import { checkRepair } from "./setup";
import { restoredSentences } from "../core/idSpaces";
import { sheetNamed } from "./sheetNamed";

export const MENU: [string, string][] = [
  ["Set up tracker", "menuSetUp"],
  ["Check in", "menuCheckIn"],
  ["Generate weekly summary", "menuSummary"],
  ["Mid-cycle review", "menuReview"],
  ["End cycle & retrospective", "menuClose"],
  ["Roll over to the next cycle", "menuRollOver"],
  ["Import OKRs from a tab", "menuImport"],
  ["Repair tracker", "menuRepair"],
  ["Weekly refresh on / off", "menuWeekly"],
  ["Run weekly refresh now", "menuWeeklyNow"],
  ["Refresh portfolio", "menuPortfolio"],
  ["Settings / help", "menuHelp"],
];

export function buildMenu(_e?: { authMode?: unknown }): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU.forEach(([caption, fn], i) => {
    menu.addItem(caption, fn);
    if (i === 1 || i === 5 || i === 9) menu.addSeparator();
  });
  menu.addToUi();
}

function ui() {
  return SpreadsheetApp.getUi();
}

function report(title: string, r: { ok: boolean } | Refusal, lines: (r: any) => string[]): void {
  if (!r.ok) {
    ui().alert(title, (r as Refusal).message, ui().ButtonSet.OK);
    return;
  }
  const text = lines(r).filter(Boolean).join("\n");
  ui().alert(title, text || "Done.", ui().ButtonSet.OK);
}

export function menuSetUp(): void {
  const ss = SpreadsheetApp.getActive();
  const fresh = !ss.getSheetByName(TAB.objectives);
  let template: string | undefined;
  if (fresh) {
    // What setup would refuse (a tab of the team's own under a tracker name) is said before the question.
    // Setup reads the tabs again (about 10 calls on a new spreadsheet), under the document lock: this read
    // is outside it, before a question that may stay open for minutes while another admin's setup makes
    // the tabs, and setup working from it would insert tabs that exist by then.
    const no = guarded(() => void checkRepair(ss));
    if (no) return report("Set up tracker", no, () => []);
    const answer = ui().alert(
      "Set up tracker",
      "Start with the example operations pilot (3 objectives, 7 key results you can edit)?\nChoose No for an empty tracker.",
      ui().ButtonSet.YES_NO_CANCEL,
    );
    if (answer === ui().Button.CANCEL || answer === ui().Button.CLOSE) return;
    template = answer === ui().Button.YES ? "operations" : "blank";
  }
  report("Set up tracker", actions.setupTracker(template ? { template } : {}), (r) => [
    r.created.length ? `Created: ${r.created.join(", ")}.` : "The tracker tabs were already there; formulas and formatting were restored.",
    ...restoredSentences(r),
    ...settingsLines(r.warnings),
    ...focusLines(r.warnings),
    "\nNext: fill in Settings (start date, admins, leaders), then owners check in from the add-on menu; Generate weekly summary makes the Weekly Summary tab.",
  ]);
}

/**
 * The sidebar with its data already inside: one server execution from the click to a usable form (the
 * page would otherwise start a second one through google.script.run). The data is embedded as text, not
 * through a template's scriptlets, because the inlined, minified script may itself contain "<?". On a large
 * tracker the page carries one KR's details and the others by name (checkinSidebar.ts sidebarPageData).
 */
export function menuCheckIn(): void {
  const page = HtmlService.createHtmlOutputFromFile("Sidebar").getContent();
  const html = HtmlService.createHtmlOutput(embedSidebarData(page, sidebarPageData())).setTitle("Check in");
  ui().showSidebar(html);
}

export function menuSummary(): void {
  const r = actions.generateWeeklySummary({});
  if (r.ok) SpreadsheetApp.getActive().toast(`Week ${r.week} of ${r.weeks}: the Weekly Summary tab is up to date.`, "OKR tracker");
  else report("Generate weekly summary", r, () => []);
}

export function menuReview(): void {
  report("Mid-cycle review", actions.createMidCycleReview({}), (r) => [
    `The "${r.tab}" tab freezes today's scores for ${okrRows(r.rows)}.`,
    "Mark each keep, adjust or drop and add notes.",
  ]);
}

export function menuClose(): void {
  const answer = ui().alert(
    "End cycle & retrospective",
    "Create the Retrospective tab with final scores and grades? Check-ins stay open until a week after the cycle's last day, or until you roll over.",
    ui().ButtonSet.OK_CANCEL,
  );
  if (answer !== ui().Button.OK) return;
  report("End cycle & retrospective", actions.endCycle({}), (r) => [
    `The "${r.tab}" tab lists ${okrRows(r.rows)} with their final scores and grades.`,
    "Write learnings and set each decision (retain / remove / change), then roll over.",
    ...(r.notice ? [r.notice] : []),
  ]);
}

/** What the user typed in answer to a question, trimmed; null when they did not choose OK. */
function typedIn(title: string, question: string): string | null {
  const p = ui().prompt(title, question, ui().ButtonSet.OK_CANCEL);
  return p.getSelectedButton() === ui().Button.OK ? p.getResponseText().trim() : null;
}

function refuse(title: string, message: string): void {
  ui().alert(title, `${message}\nNothing was changed.`, ui().ButtonSet.OK);
}

export function menuRollOver(): void {
  // Asking for a date only to say the cycle is not closed would waste the user's typing.
  if (!sheetNamed(SpreadsheetApp.getActive(), TAB.retrospective)) {
    return refuse("Roll over", notClosedMessage());
  }
  const typed = typedIn("Roll over", `Start date of the next cycle (${DATE_FORMS}):`);
  if (typed === null) return;
  if (typed === "") return refuse("Roll over", `No start date was typed: type the first day of the next cycle as ${DATE_FORMS}.`);
  // A German types 06.04.2026, a Japanese 2026/04/06: read as checkin --from reads a CSV's dates.
  const start = unambiguousDate(typed);
  if (!start) return refuse("Roll over", `${quotedName(typed)} is not a date the add-on can read: ${dateRefusal(typed)}.`);
  report("Roll over", actions.rollOverCycle({ start }), (r) => [
    `"${r.cycle}" has started with ${plural(r.carried.objectives, "objective")} and ${plural(r.carried.keyResults, "key result")}.`,
    `The finished cycle is archived in: ${r.archived.join(", ")}.`,
    changedLine(r.changed),
    r.warnings.length ? `\nFocus checks:\n• ${r.warnings.join("\n• ")}` : "",
  ]);
}

export function menuImport(): void {
  const tab = typedIn("Import OKRs from a tab", "Name of the tab holding the OKRs (same columns as the CSV import):");
  if (tab === null) return;
  if (tab === "") return refuse("Import OKRs", "No tab name was typed: type the name of the tab holding the OKRs.");
  if (tab.length > 100) return refuse("Import OKRs", `There is no tab named ${quotedName(tab)}: tab names are at most 100 characters.`);
  // The import's notes as they are; then setup's Settings lines and its focus checks, as setup says them.
  report("Import OKRs", actions.importOkrsFromTab({ tab }), (r) => [
    `Imported ${plural(r.objectives, "objective")} and ${plural(r.keyResults, "key result")}.`,
    ...r.notes,
    ...settingsLines(r.warnings),
    ...focusLines(r.warnings),
  ]);
}

export function menuRepair(): void {
  report("Repair tracker", actions.repairTracker(), (r) => [
    r.created.length ? `Re-created: ${r.created.join(", ")}.` : "",
    ...restoredSentences(r),
    `Formulas, formatting, dropdowns and protection were restored; the rows of objectives, key results and check-ins were kept as they were${r.ids.length ? ", but for the spaces removed around IDs above" : ""}.`,
    // What Repair could not do (no room in Settings A1:C40) and Settings typed wrong are said; its focus
    // checks are setup's to show.
    ...settingsLines(r.warnings),
  ]);
}

/** Setup's warnings about the Settings tab ("Settings: no blank row…", "Settings need fixing: …"), each on its own line. */
function settingsLines(w: string[]): string[] {
  return w.filter(isSettingsWarning).map((x) => `\n${x}`);
}

/** Setup's other warnings, the focus checks, as one list. */
function focusLines(w: string[]): string[] {
  const focus = w.filter((x) => !isSettingsWarning(x));
  return focus.length ? [`\nFocus checks:\n• ${focus.join("\n• ")}`] : [];
}

function isSettingsWarning(w: string): boolean {
  return /^Settings/.test(w);
}

export function menuWeekly(): void {
  const status = actions.setWeeklyRefresh({});
  if (!status.ok) return report("Weekly refresh", status, () => []);
  const st = status as { on?: boolean; reinstall?: boolean; status?: string; weekday?: string; timeZone?: string; reports?: string };
  // On, but the trigger the user installed is gone from their account: turning it on installs it again.
  const on = !!st.on && !st.reinstall;
  const answer = ui().alert(
    "Weekly refresh",
    on
      ? `${st.status}\n\nTurn it off?`
      : `${st.status}\n\n${st.reinstall ? "Install it again, to regenerate" : "Regenerate"} the Weekly Summary automatically every ${st.weekday} (the Settings check-in weekday) between 07:00 and 08:00 ${st.timeZone} time${st.reports || ""} (and send the emails turned on in Settings)?` +
          // The trigger runs as whoever turns it on (portfolio.md "The weekly refresh"): said before, not found on a Monday.
          (sheetNamed(SpreadsheetApp.getActive(), PORTFOLIO_TAB)
            ? "\n\nThis is a company tracker (it has a Portfolio tab): each run also refreshes the portfolio roll-up, opening the team trackers as you, so each must be shared with you."
            : ""),
    ui().ButtonSet.YES_NO,
  );
  if (answer !== ui().Button.YES) return;
  report("Weekly refresh", actions.setWeeklyRefresh({ on: !on }), (r) => [String((r as { status?: string }).status || (r.on ? "On." : "Off."))]);
}

/**
 * A missed or failed weekly run made up (the failure email points here): this week's refresh, as the trigger
 * runs it, recorded as its last run (actions.sendWeeklyEmailsNow). Only where the refresh is on: the menu is
 * built before anything can be read (onOpen in AuthMode.NONE), so the item is always there and says so.
 */
export function menuWeeklyNow(): void {
  const t = "Run weekly refresh now";
  const asked = Date.now(); // the status shown says what was run before: a run after it is not repeated
  const st = actions.setWeeklyRefresh({});
  if (!st.ok) return report(t, st, () => []);
  if (!st.on) return refuse(t, 'The weekly refresh is off: "Weekly refresh on / off" turns it on.');
  const ask = `${st.status}\n\nRun this week's refresh now, as you: the Weekly Summary as of yesterday, the portfolio roll-up (a company tracker) and the emails turned on in Settings, as the trigger would?`;
  if (ui().alert(t, ask, ui().ButtonSet.YES_NO) !== ui().Button.YES) return;
  report(t, actions.sendWeeklyEmailsNow({}, asked), () => [String((actions.setWeeklyRefresh({}) as { status?: string }).status)]);
}

export function menuPortfolio(): void {
  report("Refresh portfolio", actions.refreshPortfolio({}), (r) =>
    r.created
      ? ['The "Portfolio" tab was created. List each team tracker in it (URL or ID, team name), then choose "Refresh portfolio" again.']
      : [
          `${upperFirst(rollupWhen(r, `week ${r.week} of ${r.weeks}`))}: ${ofTotal(r.read, r.listed, "team tracker")} read; the "Portfolio Roll-up" tab is up to date.`,
          r.forecastToMiss ? `\n${missingLine(r.forecastToMiss)}: listed under "At this pace" on the roll-up.` : noneLine(r.digest, "\n"),
          // The teams behind, silent, not started or ended, as the digest and the CLI name them (names only: no locale asked).
          r.digest ? portfolioTeamLines(r.digest, null).map((l, i) => (i ? l : `\n${l}`)).join("\n") : "",
          r.unreadable.length ? `\nNot read:\n• ${unreadLines(r.unreadable).join("\n• ")}` : "",
          r.pending ? `\n${plural(r.pending, "team tracker was", "team trackers were")} left for lack of time: choose "Refresh portfolio" again to continue.` : "",
        ],
  );
}

/** The answer's first line starts a sentence. */
function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The trackers not read, at most DIGEST_NAMES of them (the dialog cannot scroll through 200), the rest counted. */
function unreadLines(unread: { team: string; problem: string }[]): string[] {
  const lines = unread.slice(0, DIGEST_NAMES).map((u) => `${u.team}: ${u.problem}`);
  if (unread.length > DIGEST_NAMES) lines.push(`${unread.length - DIGEST_NAMES} more: the roll-up's Teams table says why.`);
  return lines;
}

export function menuHelp(): void {
  ui().alert(
    "OKR tracker: settings and help",
    [
      "Settings tab: cycle name, start date, length in weeks, cadence, check-in weekday, RAG thresholds (gap = expected − score), aspirational goal, leaders' and admins' emails, email switches.",
      "Owners check in from Check in; admins see every KR.",
      "Scores: increase / decrease move from start to target; stay_above / stay_below are 1 while the condition holds; milestone is the fraction done (0–1).",
      "Generate weekly summary writes the Weekly Summary tab and History. Mid-cycle review and End cycle & retrospective freeze scores; Roll over starts the next cycle and archives this one.",
    ].join("\n\n"),
    ui().ButtonSet.OK,
  );
}
