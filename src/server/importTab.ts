// "Import OKRs from a tab": the tab holds the columns of the CSV import (docs/cli.md). All or nothing: a
// bad row rejects the whole import, naming every bad row and why, and nothing is written.
import { planImport } from "../core/importRows";
import { KR_HEADERS, OBJECTIVE_HEADERS, TAB } from "../core/tabs";
import { asText, isDate, isoDate, UserError } from "./env";
import { keyResultsFrom, objectivesFrom, readKrTable, readObjectivesTable } from "./read";
import { setUpTracker, writeDataRows } from "./setup";
import { col, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MAX_ERRORS_SHOWN = 20;

function cellText(v: unknown, tz: string): unknown {
  if (isDate(v)) return isoDate(v, tz);
  return v;
}

function rowFor(t: Table, values: Record<string, unknown>): unknown[] {
  const r: unknown[] = new Array(t.headers.length).fill("");
  for (const [h, v] of Object.entries(values)) {
    const c = col(t, h);
    if (c >= 0) r[c] = typeof v === "string" ? asText(v) : v === null || v === undefined ? "" : v;
  }
  return r;
}

export function importFromTab(ss: Spreadsheet, tabName: string, today: string): { objectives: number; keyResults: number; warnings: string[] } {
  if ((Object.values(TAB) as string[]).includes(tabName)) throw new UserError(`"${tabName}" is a tracker tab; put the OKRs to import in a tab of their own.`);
  const source = ss.getSheetByName(tabName);
  if (!source) throw new UserError(`There is no tab named "${tabName}".`);
  const tz = ss.getSpreadsheetTimeZone();
  const table = source.getDataRange().getValues().map((r) => r.map((v) => cellText(v, tz)));
  const objT = readObjectivesTable(ss);
  const krT = readKrTable(ss);
  const existing = { objectiveIds: objectivesFrom(objT).map((o) => o.id), krIds: keyResultsFrom(krT, tz).map((k) => k.id) };
  const plan = planImport(table, existing);
  if (!plan.ok) {
    // Reasons end with a full stop; the message adds its own at the end (not "…milestone)..").
    const shown = plan.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => `row ${e.row}: ${e.reason.replace(/\.$/, "")}`);
    const more = plan.errors.length > MAX_ERRORS_SHOWN ? ` (and ${plan.errors.length - MAX_ERRORS_SHOWN} more)` : "";
    throw new UserError(`Nothing was imported. ${shown.join("; ")}${more}.`);
  }
  const objRows = plan.objectives.map((o) =>
    rowFor(objT, {
      ID: o.id, Objective: o.title, Owner: o.owner, Team: o.team, "Parent ID": o.parentId, Type: o.type, "P&L link": o.pnlLink,
    }),
  );
  const krRows = plan.keyResults.map((k) =>
    rowFor(krT, {
      ID: k.id, "Objective ID": k.objectiveId, "Key result": k.title, Owner: k.owner, Metric: k.metric, Unit: k.unit,
      Start: k.start, Target: k.target, Weight: k.weight,
    }),
  );
  if (objRows.length) writeDataRows(objT, objRows, OBJECTIVE_HEADERS.slice(0, 7));
  if (krRows.length) writeDataRows(krT, krRows, KR_HEADERS.slice(0, 9));
  const report = setUpTracker(ss, {}, today);
  return { objectives: objRows.length, keyResults: krRows.length, warnings: plan.warnings.concat(report.warnings) };
}
