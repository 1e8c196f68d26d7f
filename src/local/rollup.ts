// `okr-sheets rollup COMPANY.xlsx [TEAM.xlsx …]`: the add-on's "Refresh portfolio" on .xlsx files. The
// team files named on the command line are added to the company tracker's Portfolio tab (as paths
// relative to the company file, so the folder can move); every file path listed there is loaded and
// offered to the add-on's SpreadsheetApp.openById under that path. Team files are only read, never saved.
import { constants, accessSync, existsSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import { PORTFOLIO_HEADERS, PORTFOLIO_TAB } from "../core/portfolio";
import type { OtherWorkbook } from "./sheets";
import { callAddon, workbookFromSnapshot, type Workbook } from "./runtime";
import { emptySnapshot, type WorkbookSnapshot } from "./snapshot";
import { loadXlsx } from "./xlsx";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RollupOptions {
  at?: string;
  limit?: number;
}

const isUrl = (ref: string) => /^https?:\/\//i.test(ref);

/** A listed path as the add-on will name it: relative to the company file's folder when inside it. */
function listedPath(companyFile: string, teamFile: string): string {
  const rel = relative(dirname(companyFile), resolve(teamFile));
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : resolve(teamFile);
}

function spreadsheet(wb: Workbook): Spreadsheet {
  return wb.services.spreadsheet as unknown as Spreadsheet;
}

/** Adds the team files not yet listed to the Portfolio tab (creating it with its header when missing). */
export function listTeams(wb: Workbook, companyFile: string, teamFiles: string[]): void {
  if (!teamFiles.length) return;
  const ss = spreadsheet(wb);
  let sheet = ss.getSheetByName(PORTFOLIO_TAB);
  if (!sheet) {
    sheet = ss.insertSheet(PORTFOLIO_TAB);
    sheet.getRange(1, 1, 1, PORTFOLIO_HEADERS.length).setValues([PORTFOLIO_HEADERS.slice()]);
  }
  const listed = new Set(listedRefs(wb).map((r) => resolve(dirname(companyFile), r)));
  // The add-on reads one tracker per team name, so a file name already used (ops.xlsx in another folder)
  // takes its listed path as the name ("west/ops"); a file named twice is listed once.
  const names = new Set(listedColumn(wb, "team").map((t) => t.toLowerCase()));
  const rows: string[][] = [];
  for (const f of teamFiles) {
    if (listed.has(resolve(f))) continue;
    listed.add(resolve(f));
    const path = listedPath(companyFile, f);
    const base = basename(f).replace(/\.xlsx$/i, "");
    const team = names.has(base.toLowerCase()) ? path.replace(/\.xlsx$/i, "") : base;
    names.add(team.toLowerCase());
    rows.push(["'" + path, "'" + team, "", ""]);
  }
  if (!rows.length) return;
  const last = Math.max(sheet.getLastRow(), 1);
  sheet.getRange(last + 1, 1, rows.length, PORTFOLIO_HEADERS.length).setValues(rows);
}

/** The Tracker column of the Portfolio tab (header row 1 or below), as listed. */
export function listedRefs(wb: Workbook): string[] {
  return listedColumn(wb, "tracker");
}

/** A column of the Portfolio tab under the header row (the row holding "Tracker"), blanks left out. */
function listedColumn(wb: Workbook, header: string): string[] {
  const sheet = spreadsheet(wb).getSheetByName(PORTFOLIO_TAB);
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues();
  const h = values.findIndex((r) => r.some((v) => String(v).trim().toLowerCase() === "tracker"));
  if (h < 0) return [];
  const c = values[h].findIndex((v) => String(v).trim().toLowerCase() === header);
  if (c < 0) return [];
  return values.slice(h + 1).map((r) => String(r[c] ?? "").trim()).filter((r) => r !== "");
}

/**
 * The listed file's workbook: a missing file is no spreadsheet at all; a file the user may not read is
 * "denied" (Google's "not shared with you"); a file that is not an .xlsx workbook opens as a spreadsheet
 * with one empty tab, so the add-on reports it as not a tracker.
 */
async function loadListed(path: string): Promise<OtherWorkbook | undefined> {
  if (!existsSync(path) || statSync(path).isDirectory()) return undefined;
  try {
    accessSync(path, constants.R_OK);
  } catch {
    return "denied";
  }
  try {
    const snap = await loadXlsx(path);
    return { ...snap, id: path };
  } catch {
    return { ...emptySnapshot(basename(path)), id: path } as WorkbookSnapshot;
  }
}

export async function rollupWorkbook(companyFile: string, company: WorkbookSnapshot, teamFiles: string[], opts: RollupOptions) {
  // A first pass lists the team files and finds what the Portfolio tab names; the add-on then runs on a
  // workbook that can open every listed file.
  const probe = workbookFromSnapshot(companyFile, company, { at: opts.at });
  listTeams(probe, companyFile, teamFiles);
  const listed = probe.services.toSnapshot();
  const books = new Map<string, OtherWorkbook>();
  for (const ref of listedRefs(probe)) {
    if (isUrl(ref) || books.has(ref)) continue;
    const found = await loadListed(resolve(dirname(companyFile), ref));
    if (found !== undefined) books.set(ref, found);
  }
  const wb = workbookFromSnapshot(companyFile, listed, { at: opts.at, workbooks: (ref) => books.get(ref) });
  const args: Record<string, unknown> = {};
  if (opts.at) args.at = opts.at;
  if (opts.limit !== undefined) args.limit = opts.limit;
  const result = callAddon(wb, "refreshPortfolio", args);
  return { wb, result };
}
