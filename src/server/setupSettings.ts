// The Settings tab: the settings rows (kept when present, filled when blank, set from the setup options),
// the computed rows below them, the named ranges formulas use, and its formatting.
import { addDays, dayNumber } from "../core/dates";
import { SETTINGS_COMPUTED, SETTINGS_HEADERS, SETTINGS_ROWS, TAB } from "../core/tabs";
import type { Template } from "../core/templates";
import { asText } from "./env";
import { applySettingsValidations, HEADER_BG, HEADER_FG } from "./layout";
import { isEmpty, type TabState } from "./setupTabs";
import type { SetupOptions, SetupReport } from "./setupTypes";
import { norm } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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

export function ensureSettings(ss: Spreadsheet, s: TabState, opts: SetupOptions, template: Template | null, today: string, report: SetupReport): void {
  let sheet = s.sheet;
  let values = s.values;
  if (!sheet) {
    sheet = ss.insertSheet(TAB.settings, 0);
    report.created.push(TAB.settings);
    values = [];
  }
  if (isEmpty(values)) {
    sheet.getRange(1, 1, 1, 3).setValues([SETTINGS_HEADERS.slice()]);
    values = [SETTINGS_HEADERS.slice()];
  }
  const rowOf = settingsRowOf(values);
  let next = values.length + 1;
  while (next > 1 && isEmpty([values[next - 2] || []])) next--;
  const valueAt = (label: string) => {
    const r = rowOf.get(norm(label));
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
    else if (!present || value === "" || value === undefined) {
      if (def.key === "startDate") wanted = mondayOf(today);
      else if (def.key === "cycleName") wanted = template?.cycleName ?? def.def;
      else if (def.key === "admins" && template?.admins.length) wanted = template.admins.join(", ");
      else if (def.key === "leaders" && template?.leaders.length) wanted = template.leaders.join(", ");
      else wanted = def.def;
      if (present && s.sheet && !isEmpty(s.values) && wanted !== "") {
        report.restored.push(`Settings: ${def.label} was blank, now ${String(wanted)}`);
      }
    }
    if (!present) {
      writes.push({ row: next, label: def.label, value: wanted ?? "", note: def.note });
      rowOf.set(norm(def.label), next++);
      if (s.sheet && !isEmpty(s.values)) report.restored.push(`Settings: ${def.label}`);
    } else if (wanted !== undefined) {
      writes.push({ row: rowOf.get(norm(def.label))!, label: def.label, value: wanted, note: def.note });
    }
  }
  for (const w of writes) {
    // The start date is written as an ISO date string, which Sheets reads as a date in every locale;
    // other text is written as literal text.
    const v = w.label === "Start date" ? w.value : typeof w.value === "string" ? asText(w.value) : w.value;
    sheet.getRange(w.row, 1, 1, 3).setValues([[w.label, v, w.note]]);
  }
  // Computed rows below the settings, after one blank row.
  let computedRow = Math.max(...Array.from(rowOf.values())) + 2;
  for (const c of SETTINGS_COMPUTED) {
    const r = rowOf.get(norm(c.label)) ?? computedRow++;
    sheet.getRange(r, 1, 1, 3).setValues([[c.label, "", "Computed by okr-sheets; do not edit."]]);
    sheet.getRange(r, 2).setFormula(c.formula);
    rowOf.set(norm(c.label), r);
  }
  // Named ranges point at the value cells, so formulas survive rows being moved.
  for (const def of [...SETTINGS_ROWS, ...SETTINGS_COMPUTED]) {
    const r = rowOf.get(norm(def.label));
    if (r) ss.setNamedRange(def.name, sheet.getRange(r, 2));
  }
  const start = rowOf.get(norm("Start date"));
  if (start) sheet.getRange(start, 2).setNumberFormat("yyyy-mm-dd");
  for (const label of ["On track if gap ≤", "At risk if gap ≤", "Aspirational goal"]) {
    const r = rowOf.get(norm(label));
    if (r) sheet.getRange(r, 2).setNumberFormat("0.00");
  }
  sheet.getRange(1, 1, 1, 3).setFontWeight("bold").setBackground(HEADER_BG).setFontColor(HEADER_FG);
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 250);
  sheet.setColumnWidth(2, 260);
  sheet.setColumnWidth(3, 360);
  applySettingsValidations(sheet, (label) => rowOf.get(norm(label)));
}
