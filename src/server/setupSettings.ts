// The Settings tab: the settings rows (kept when present, filled when blank, set from the setup options),
// the computed rows below them, the named ranges formulas use, and its formatting.
import { addDays, dayNumber } from "../core/dates";
import { isNamedSetting } from "../core/formulas";
import { SETTINGS_COMPUTED, SETTINGS_HEADERS, SETTINGS_ROWS, TAB } from "../core/tabs";
import type { Template } from "../core/templates";
import { asText, UserError } from "./env";
import { SETTINGS_WIDTHS } from "./layout";
import { SETTINGS_LAST_ROW, settingsFromValues } from "./read";
import { growSettingsFor, noRoomMessage, OURS, settingsRoom } from "./settingsRoom";
import { sameFormula } from "./setupFormulas";
import { ensureValidations, SETTINGS_VALIDATIONS } from "./setupRules";
import { ensureWidths, type HeaderRow } from "./setupStyle";
import { isEmpty, type TabState } from "./setupTabs";
import type { SetupOptions, SetupReport } from "./setupTypes";
import { noteWrite } from "./setupWrites";
import { norm } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Monday of the week containing `iso`. */
function mondayOf(iso: string): string {
  const dow = (dayNumber(iso) + 3) % 7; // 1970-01-01 was a Thursday; Monday = 0
  return addDays(iso, -dow);
}

function settingsRowOf(values: unknown[][]): Map<string, number> {
  const m = new Map<string, number>();
  values.forEach((r, i) => {
    const k = norm(r[0]);
    if (k && !m.has(k)) m.set(k, i + 1);
  });
  return m;
}

/** The rows of the table tabs' headers, as setup found them (foundHeaderRow). */
export interface HeaderRows {
  objectives: number;
  kr: number;
  log: number;
  history: number;
}

/**
 * A computed row's formula pointing at the headers where they are: SETTINGS_COMPUTED's own point at row 1,
 * and rows inserted above a header move a formula's reference with it (=ROW('Key Results'!A41)), which is
 * how every operation still finds that header. Repair compares with this one, so it neither rewrites a
 * reference that rows inserted above moved (losing the header's place) nor leaves one that points elsewhere.
 */
function computedFormula(formula: string, rows: HeaderRows): string {
  const at = (f: string, tab: string, row: number) => (row === 1 ? f : f.replace(new RegExp(`('${tab}'!\\$?[A-Z]+)1(?!\\d)`, "g"), (_, cell: string) => cell + row));
  const tabs: [string, number][] = [[TAB.objectives, rows.objectives], [TAB.keyResults, rows.kr], [TAB.checkins, rows.log], [TAB.history, rows.history]];
  return tabs.reduce((f, [tab, row]) => at(f, tab, row), formula);
}

/**
 * Makes the Settings tab right. `reuse`: an empty tab (a new spreadsheet's own) to rename into it.
 * `headerRows`: where the computed rows point. Returns its header row when this run wrote it, for setup to
 * style with the others (styleHeaders), and the labels of our rows it had no blank row in A1:C40 for.
 */
export function ensureSettings(ss: Spreadsheet, s: TabState, opts: SetupOptions, template: Template | null, today: string, tz: string, report: SetupReport, reuse: Sheet | null, headerRows: HeaderRows): { header: HeaderRow | null; noRoom: string[] } {
  let sheet = s.sheet;
  let values = s.values;
  const created = !sheet;
  if (!sheet) noteWrite();
  if (!sheet && reuse) {
    sheet = reuse.setName(TAB.settings);
    report.created.push(TAB.settings);
    values = [];
  } else if (!sheet) {
    sheet = ss.insertSheet(TAB.settings, 0);
    report.created.push(TAB.settings);
    values = [];
  }
  const headerMissing = isEmpty(values);
  if (headerMissing) values = [SETTINGS_HEADERS.slice()];
  // Every operation reads A1:C40 only: a label of ours below it (put there by an earlier Repair, or moved
  // there by the user) is never read, so it counts as missing; it is placed within A1:C40 (a setting with
  // its value) and its row below is cleared.
  const inRange = values.slice(0, SETTINGS_LAST_ROW);
  const rowOf = settingsRowOf(inRange);
  const lost = new Map([...settingsRowOf(values)].filter(([k, r]) => r > SETTINGS_LAST_ROW && OURS.has(k) && !rowOf.has(k)));
  const room = settingsRoom(inRange);
  const noRoom: string[] = [];
  const notice = s.sheet && !isEmpty(s.values);
  const placed = (label: string, r: number) => {
    const from = lost.get(norm(label));
    if (notice) report.restored.push(from ? `Settings: ${label} moved from row ${from} to row ${r} (rows below 40 are not read)` : `Settings: ${label}`);
  };
  let next = inRange.length + 1;
  while (next > 1 && isEmpty([inRange[next - 2] || []])) next--;
  const lastOf = (defs: readonly { label: string }[], none: number) => Math.max(none, ...defs.map((d) => rowOf.get(norm(d.label)) || 0));
  const valueAt = (label: string) => {
    const r = rowOf.get(norm(label)) || lost.get(norm(label));
    return r ? values[r - 1][1] : undefined;
  };
  const writes: { row: number; label: string; value: unknown; note: string }[] = [];
  for (const def of SETTINGS_ROWS) {
    const value: unknown = valueAt(def.label);
    const present = rowOf.has(norm(def.label));
    let wanted: unknown = undefined;
    if (def.key === "startDate" && opts.start) wanted = opts.start;
    else if (def.key === "weeks" && opts.weeks !== undefined) wanted = opts.weeks;
    else if (def.key === "cycleName" && opts.name) wanted = opts.name;
    else if (!present && value !== "" && value !== undefined) wanted = value;
    else if (!present || value === "" || value === undefined) {
      if (def.key === "startDate") wanted = mondayOf(today);
      else if (def.key === "cycleName") wanted = template?.cycleName ?? def.def;
      else if (def.key === "admins" && template?.admins.length) wanted = template.admins.join(", ");
      else if (def.key === "leaders" && template?.leaders.length) wanted = template.leaders.join(", ");
      else wanted = def.def;
      if (present && notice && wanted !== "") {
        report.restored.push(`Settings: ${def.label} was blank, now ${String(wanted)}`);
      }
    }
    if (!present) {
      // Right below the rows in use; else below the other settings, or in any blank row of A1:C40.
      const r = room.take(next, lastOf(SETTINGS_ROWS, 1));
      if (!r) {
        noRoom.push(def.label);
        continue;
      }
      writes.push({ row: r, label: def.label, value: wanted ?? "", note: def.note });
      rowOf.set(norm(def.label), r);
      next = r + 1;
      placed(def.label, r);
    } else if (wanted !== undefined && !(wanted === "" && (value === "" || value === undefined))) {
      // A blank setting whose default is blank is already right: nothing to write.
      writes.push({ row: rowOf.get(norm(def.label))!, label: def.label, value: wanted, note: def.note });
    }
  }
  // A setting typed wrong is said now, in the report: setup fills blanks only, and otherwise an owner's
  // first check-in would be the first to hear "Settings need fixing". No call: the tab is read already.
  const after = inRange.slice();
  for (const w of writes) after[w.row - 1] = [w.label, w.value];
  try {
    settingsFromValues(after, tz, () => ss.getSpreadsheetLocale());
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    report.warnings.unshift(e.message);
  }
  // Every row to write, batched into one setValues per run of adjacent rows.
  const rowsOut = new Map<number, unknown[]>();
  if (headerMissing) rowsOut.set(1, SETTINGS_HEADERS.slice());
  for (const w of writes) {
    // The start date is written as an ISO date string, which Sheets reads as a date in every locale;
    // other text is written as literal text.
    const v = w.label === "Start date" ? w.value : typeof w.value === "string" ? asText(w.value) : w.value;
    rowsOut.set(w.row, [w.label, v, w.note]);
  }
  // Computed rows below the settings, after one blank row; rewritten only when label, formula or note differ.
  // One missing (an older tracker's, or one deleted) goes right below the others, in the first blank row
  // from there (the user's notes below them are stepped over), else in any blank row of A1:C40.
  const computedAfter = lastOf(SETTINGS_COMPUTED, 0);
  let computedRow = computedAfter ? computedAfter + 1 : Math.max(...Array.from(rowOf.values())) + 2;
  const computed: { r: number; row: unknown[] }[] = [];
  for (const c of SETTINGS_COMPUTED) {
    let r = rowOf.get(norm(c.label));
    if (!r) {
      r = room.take(computedRow, computedAfter || lastOf(SETTINGS_ROWS, 1) + 1);
      if (!r) {
        noRoom.push(c.label);
        continue;
      }
      computedRow = r + 1;
      placed(c.label, r);
    }
    computed.push({ r, row: [c.label, computedFormula(c.formula, headerRows), COMPUTED_NOTE] });
    rowOf.set(norm(c.label), r);
  }
  // No room: those rows are not written (the tracker works without them, as before they existed), and the
  // user is told what to clear.
  if (noRoom.length) report.warnings.unshift(noRoomMessage(noRoom, inRange));
  const fresh = !s.sheet || isEmpty(s.values);
  const lo = Math.min(...computed.map((c) => c.r));
  const hi = Math.max(...computed.map((c) => c.r));
  const had = fresh || !computed.length ? [] : sheet.getRange(lo, 2, hi - lo + 1, 1).getFormulas();
  for (const c of computed) {
    const v = values[c.r - 1] || [];
    const same = !fresh && String(v[0] || "") === c.row[0] && String(v[2] || "") === c.row[2] && sameFormula(String(had[c.r - lo][0] || ""), String(c.row[1]));
    if (same) continue;
    // A computed row whose formula or note was typed over (its label kept) is written back, and said so.
    if (notice && String(v[0] || "") === c.row[0]) report.restored.push(`Settings: ${c.row[0]}`);
    rowsOut.set(c.r, c.row);
  }
  // A tab made by this run is blank: the blank row between the settings and the computed rows is written
  // with them, one call instead of two.
  if (created && rowsOut.size) {
    const keys = [...rowsOut.keys()];
    for (let r = Math.min(...keys); r <= Math.max(...keys); r++) if (!rowsOut.has(r)) rowsOut.set(r, ["", "", ""]);
  }
  const rows = [...rowsOut.keys()].sort((a, b) => a - b);
  // Rows are written as A:C, all within A1:C40: a row placed below the tab's last one (a team tidying Settings
  // deleted its blank rows) or a tab whose Notes column was deleted is beyond its grid, where a write is
  // refused, so the tab grows first, from the size its read found (no call). Grown to A:C even with no row
  // to write, as the widths and a lost row's clearing below take it. A tab this run made or renamed into
  // Settings is a new spreadsheet's own, far larger.
  const known = sheet;
  if (!created && s.grid) growSettingsFor(s.grid, rows.length ? rows[rows.length - 1] : 1, () => known);
  if (!created) unquotePlainText(sheet, rows, rowsOut);
  if (rows.length) noteWrite();
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    sheet.getRange(rows[i], 1, j - i + 1, 3).setValues(rows.slice(i, j + 1).map((r) => rowsOut.get(r) as unknown[]));
    i = j + 1;
  }
  // A row of ours left below row 40 is cleared once its copy is written within A1:C40 (the tab grown to A:C
  // for that write).
  for (const [k, r] of lost) {
    if (!rowOf.has(k)) continue;
    noteWrite();
    sheet.getRange(r, 1, 1, 3).clearContent();
  }
  ensureNamedRanges(ss, sheet, rowOf, fresh);
  ensureSettingsLook(sheet, rowOf, fresh);
  // "Setting", "Value" and "Notes" fit their columns: no wrap needed.
  return { header: fresh ? { sheet, row: 1, width: SETTINGS_HEADERS.length, wrap: false } : null, noRoom };
}

const COMPUTED_NOTE = "Computed by okr-sheets; do not edit.";

/**
 * Named ranges point at the value cells the formulas use, so formulas survive rows being moved. Only
 * those settings get one (NAMED_SETTINGS, isNamedSetting): each is a structural call on Google, and nothing else refers to
 * a name. A tracker set up before that has a name for every setting and computed row: those others are
 * left exactly as they are (never deleted, moved or added back), so a user's own formula over them keeps working.
 * Each is compared with the cell it should name; only a missing or moved one is written. An existing name
 * is moved with NamedRange.setRange: whether setNamedRange replaces an existing name or fails is not
 * settled (docs/apps-script-fidelity.md), and setRange is right under both readings.
 */
function ensureNamedRanges(ss: Spreadsheet, sheet: Sheet, rowOf: Map<string, number>, fresh: boolean): void {
  // Looked up one by one (a cheap call each); the list of names is fetched only when one must be moved.
  let existing: Map<string, GoogleAppsScript.Spreadsheet.NamedRange> | null = null;
  const named = (name: string) => {
    if (!existing) existing = new Map(ss.getNamedRanges().map((n) => [n.getName(), n] as const));
    return existing.get(name);
  };
  // The sheet is compared by its ID: one call per name, where getSheet().getName() takes two.
  const id = fresh ? 0 : sheet.getSheetId();
  for (const def of SETTINGS_ROWS.filter((d) => isNamedSetting(d.key))) {
    const r = rowOf.get(norm(def.label));
    if (!r) continue;
    const at = fresh ? null : ss.getRangeByName(def.name);
    if (at && at.getGridId() === id && at.getA1Notation() === `B${r}`) continue;
    const cell = sheet.getRange(r, 2);
    noteWrite();
    const mine = at ? named(def.name) : undefined;
    if (mine) {
      mine.setRange(cell);
      continue;
    }
    // Not found, or not looked up (a new Settings tab): the name is set directly, without the list of names
    // (priced as a structural call). A name that still exists where no range is found (left by a deleted
    // Settings tab) makes setNamedRange fail on the stricter reading of Google's docs, or move it on the
    // other: the list is then read and the name moved, right under both.
    try {
      ss.setNamedRange(def.name, cell);
    } catch (e) {
      const left = named(def.name);
      if (!left) throw e;
      left.setRange(cell);
    }
  }
}

/** Number formats, widths and dropdowns of the Settings tab, written where they differ. */
function ensureSettingsLook(sheet: Sheet, rowOf: Map<string, number>, fresh: boolean): void {
  const formats: [number, string][] = [];
  const start = rowOf.get(norm("Start date"));
  if (start) formats.push([start, "yyyy-mm-dd"]);
  for (const label of ["On track if gap ≤", "At risk if gap ≤", "Aspirational goal"]) {
    const r = rowOf.get(norm(label));
    if (r) formats.push([r, "0.00"]);
  }
  if (formats.length) {
    const lo = Math.min(...formats.map(([r]) => r));
    const hi = Math.max(...formats.map(([r]) => r));
    const box = sheet.getRange(lo, 2, hi - lo + 1, 1);
    // A new tab's cells are all "General": nothing to read.
    const had = fresh ? Array.from({ length: hi - lo + 1 }, () => ["General"]) : box.getNumberFormats();
    if (formats.some(([r, f]) => had[r - lo][0] !== f)) {
      noteWrite();
      for (const [r, f] of formats) had[r - lo][0] = f;
      box.setNumberFormats(had);
    }
  }
  // No frozen header: the tab's rows fit on one screen, so a frozen row would change nothing (and cost a
  // call on every new tracker).
  ensureWidths(sheet, SETTINGS_WIDTHS, fresh);
  const cells = SETTINGS_VALIDATIONS.map(([label, rule]) => ({ r: rowOf.get(norm(label)), rule }))
    .filter((x): x is { r: number; rule: () => GoogleAppsScript.Spreadsheet.DataValidation } => x.r !== undefined)
    .map((x) => ({ row: x.r, col: 2, rows: 1, rule: x.rule() }));
  ensureValidations(sheet, cells, fresh);
}

/**
 * A Settings tab that was there may be a team's formatted as Plain text, where a value written literal (asText)
 * would show its quote ('Q1 2026) and the Start date stays its text: the values' formats are read (one call,
 * only when a text value is written into a tab this run did not make) and such cells get the text itself.
 * The Start date, written as its day, is read as the day either way (read.ts).
 */
function unquotePlainText(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number[], rowsOut: Map<number, unknown[]>): void {
  const quoted = rows.filter((r) => {
    const v = (rowsOut.get(r) as unknown[])[1];
    return typeof v === "string" && v.charAt(0) === "'";
  });
  if (!quoted.length) return;
  const lo = quoted[0];
  const formats = sheet.getRange(lo, 2, quoted[quoted.length - 1] - lo + 1, 1).getNumberFormats();
  for (const r of quoted) {
    const row = rowsOut.get(r) as unknown[];
    if (formats[r - lo][0] === "@") rowsOut.set(r, [row[0], String(row[1]).slice(1), row[2]]);
  }
}
