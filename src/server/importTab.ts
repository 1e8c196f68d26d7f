// "Import OKRs from a tab": the tab holds the columns of the CSV import (docs/cli.md). All or nothing: a
// bad row rejects the whole import, naming every bad row and why, and nothing is written; so does a
// tracker that the Repair run after the rows are written would refuse, and a tab it writes protected so that
// the user may not edit it.
import { headerKey, importHeaderAt, planImport } from "../core/importRows";
import { decimalSeparatorFor, isPercentFormat, percentText, type NumberStyle } from "../core/numbers";
import { inCycle, isValidIsoDate } from "../core/dates";
import type { Settings } from "../core/model";
import { KR_PACE_HEADERS, TAB } from "../core/tabs";
import { isDate, isoDate, protectedTab, UserError } from "./env";
import { tabProtectedFromMe } from "./layout";
import { keyResultsFrom, objectivesFrom, placedHeaderRows, readKrTable, readObjectivesTable } from "./read";
import { checkRepair, setUpTracker, writeOkrRows } from "./setup";
import { makeRoom, noRoomFor, paceUnreachable } from "./setupTabs";
import { col, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MAX_ERRORS_SHOWN = 20;

/**
 * A cell as the import CSV would hold it. Typing 82% in Sheets stores 0.82 with a "0%" format: it is read as
 * the "82%" the person typed (82 on a % KR, refused on another unit, as in a CSV), not as 0.82.
 */
function cellText(v: unknown, tz: string, format: string, sep: NumberStyle): unknown {
  if (isDate(v)) return isoDate(v, tz);
  // In the locale's separator, as the text is then read in the locale ("12,345%" in de_DE, where "12.345%" is ambiguous).
  if (typeof v === "number" && isFinite(v) && isPercentFormat(format)) return percentText(v, sep);
  return v;
}

/**
 * The day KRs imported `today` count from: today when it is after the cycle's start and within the cycle
 * (an import before or on the start, a tracker's first, leaves the column blank = the start; after the cycle's
 * last day no day is left to count, and the date would be a setup error, so it is left blank too). null when
 * the settings do not parse (Repair reports them).
 */
export function addedMidCycle(settings: Settings | null, today: string): string | undefined {
  if (!settings || !isValidIsoDate(today)) return undefined;
  return today > settings.startDate && inCycle(today, settings.startDate, settings.weeks) ? today : undefined;
}

/**
 * The new KRs' Counts from cells, after Repair added the column: `t` is Key Results as Repair left it (its
 * rows read before, the column appended since), so one write of their rows and no read. They are adjacent
 * (written in one block below the others); a row between them that is not new, or a new one without a
 * day, keeps its cell.
 */
function writeCountsFrom(t: Table, days: Map<string, string | undefined>): void {
  const c = col(t, "Counts from");
  if (c < 0) return;
  const rows: number[] = [];
  t.rows.forEach((r, i) => {
    if (days.has(String(r[col(t, "ID")]).toLowerCase())) rows.push(i);
  });
  if (!rows.length) return;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const cells = t.rows.slice(first, last + 1).map((r) => [days.get(String(r[col(t, "ID")]).toLowerCase()) || (r[c] ?? "")]);
  t.sheet.getRange(t.headerRow + 1 + first, c + 1, cells.length, 1).setValues(cells);
}

/** The import's one line when the file's counts_from days would count nowhere (setupTabs.ts paceUnreachable). */
function countsFromRefused(why: Exclude<ReturnType<typeof paceUnreachable>, null>): string {
  const fix =
    why === "past"
      ? `its column ${KR_PACE_HEADERS.join(" or ")} is past column Z, where the add-on stops reading: move the two columns back within A–Z`
      : `it has ${noRoomFor(why.left)}: ${makeRoom(why.free, why.own)}`;
  return `Nothing was imported. The file gives counts_from days, which ${TAB.keyResults} keeps in its Counts from column, but ${fix}, then import again (or leave counts_from blank: those KRs then count from the cycle's start).`;
}

/**
 * `notes`: the import's own words about the file (an unknown column ignored, an objective the tracker has, a
 * parent not found, a start and target the wrong way round); `warnings`: setup's, the focus checks and
 * Settings. Until session 21 both came as `warnings`, and the menu and the CLI listed "Objective O2 already
 * exists: 1 key result is added to it." as a focus check.
 */
export function importFromTab(
  ss: Spreadsheet,
  tabName: string,
  today: string,
  tz: string = ss.getSpreadsheetTimeZone(),
): { objectives: number; keyResults: number; notes: string[]; warnings: string[] } {
  // Whatever the case: getSheetByName("history") finds History, which would be imported from.
  if ((Object.values(TAB) as string[]).some((t) => t.toLowerCase() === tabName.toLowerCase())) throw new UserError(`"${tabName}" is a tracker tab; put the OKRs to import in a tab of their own.`);
  const source = ss.getSheetByName(tabName);
  if (!source) throw new UserError(`There is no tab named "${tabName}".`);
  const locale = ss.getSpreadsheetLocale();
  const sep = decimalSeparatorFor(locale);
  const range = source.getDataRange();
  const formats = range.getNumberFormats();
  const values = range.getValues();
  // A weight is relative, so 50% (0.5) beside weights of 1 is half of theirs: it keeps its number.
  const weight = (values[importHeaderAt(values)] || []).findIndex((h) => headerKey(h) === "weight");
  const table = values.map((r, i) => r.map((v, j) => cellText(v, tz, j === weight ? "" : String(formats[i][j] ?? ""), sep)));
  // Where Settings place the headers: rows inserted above one may have pushed it below the rows searched.
  const placed = placedHeaderRows(ss, tz);
  const objT = readObjectivesTable(ss, placed.objectives);
  const krT = readKrTable(ss, { headerRow: placed.kr });
  const objectives = objectivesFrom(objT);
  const keyResults = keyResultsFrom(krT, tz);
  // A counts_from day after the cycle's last day is refused (when Settings parse; Repair reports them otherwise).
  const cycle = placed.settings ? { start: placed.settings.startDate, weeks: placed.settings.weeks } : undefined;
  const existing = { objectiveIds: objectives.map((o) => o.id), krIds: keyResults.map((k) => k.id), objectives, keyResults, locale, cycle };
  const plan = planImport(table, existing);
  if (!plan.ok) {
    // Reasons end with a full stop; the message adds its own at the end (not "…milestone)..").
    const shown = plan.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => `row ${e.row}: ${e.reason.replace(/\.$/, "")}`);
    const more = plan.errors.length > MAX_ERRORS_SHOWN ? ` (and ${plan.errors.length - MAX_ERRORS_SHOWN} more)` : "";
    throw new UserError(`Nothing was imported. ${shown.join("; ")}${more}.`);
  }
  // Repair (below) writes the new rows' formulas; what it would refuse is refused here, before a row is
  // written: refused after, it would leave the rows without their formulas.
  const tabs = checkRepair(ss, "import again");
  // The file's own days are refused where they would count nowhere (Repair cannot give Key Results its pace
  // columns within A–Z, the columns the add-on reads): until session 16 they were dropped, Repair's warning the
  // only trace. Growing past Z is no answer (docs/workbook.md#key-results). The automatic day is not the
  // user's input: it is left out as before, with Repair's warning.
  if (plan.keyResults.some((k) => k.countsFrom)) {
    const unreachable = paceUnreachable(tabs.state.keyResults);
    if (unreachable) throw new UserError(countsFromRefused(unreachable));
  }
  // Objectives written and Key Results refused (a protection this user may not edit: Sheets refuses the
  // add-on's writes there) would leave objectives without their KRs.
  const locked = tabProtectedFromMe(ss, [TAB.objectives, TAB.keyResults, TAB.settings]);
  if (locked) throw protectedTab(locked, "import again", "Nothing was imported.");
  // KRs added after the cycle's start count their pace from today (docs/scoring.md#a-kr-added-mid-cycle),
  // unless the file's counts_from gives their day.
  const added = addedMidCycle(placed.settings, today);
  const days = plan.keyResults.map((k) => k.countsFrom || added);
  writeOkrRows(objT, krT, plan.objectives, plan.keyResults, days, true, sep);
  const { report, keyResults: repaired } = setUpTracker(ss, { imported: plan.keyResults.map((k) => k.id.toLowerCase()) }, today, tz);
  // A tracker set up before the column gets it from that Repair: the new rows' dates are written then.
  if (days.some(Boolean) && col(krT, "Counts from") < 0) writeCountsFrom(repaired, new Map(plan.keyResults.map((k, i) => [k.id.toLowerCase(), days[i]])));
  // Its Repair's trims of the IDs typed with spaces are the import's news too: "O1 " became O1, and its KRs'
  // scores now count for it (the new KRs, which named it as typed, are not: server/idSpaces.ts).
  const notes = plan.warnings.concat(report.ids.map((l) => `${l}.`));
  return { objectives: plan.objectives.length, keyResults: plan.keyResults.length, notes, warnings: report.warnings };
}
