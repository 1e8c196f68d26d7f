// The number format of money KRs' value cells (session 19's review: a `$` KR's Start, Target and Current
// showed `41.5`, where every text wrote `$41.50`). Set when the add-on writes a KR's row (a new tracker's
// template, an import, a roll over's carried KRs): one call per distinct format over a list of the cells,
// none without a money KR. A check-in writes only Current's value, so the cell keeps its format at no cost;
// the check-in's 19 calls and the sidebar's 12 are unchanged. The Forecast cell too (session 20: a German
// team's cost KR showed 1117,5 there beside Current's 1171,50 € and the summary's 1117,50 €): in the same
// call, and a reason written there instead of a number is text, which the format leaves as it is. A KR typed
// into the tab by hand, whose unit is changed to money later, or of a tracker older than session 19, gets
// Start, Target and Current's from Repair (session 20: moneyFixes), which reads the value cells' formats with
// the other formats of the KR rows (setupStyle.ts), at no call more; the Forecast cell's too since session 21
// (until then only a row the add-on wrote had it): it lies inside that read already (between Status and
// Forecast score), so no cell is read more either.
import { columnLetter } from "../core/a1";
import { decimalSeparatorFor } from "../core/numbers";
import { moneyFormat, signFirst } from "../core/valueDigits";
import { col, num, type Table } from "./table";

interface MoneyKr {
  unit: unknown;
  start: number | null | "";
  target: number | null | "";
}

/** A money KR's cells in its currency: where its row is written (formatMoneyCells) and mended by Repair (moneyFixes). */
const MONEY_COLUMNS = ["Start", "Target", "Current", "Forecast"];

/** Whether a KR's unit is money (moneyFormat gives it a format, whatever its start and target). */
const isMoney = (k: MoneyKr): boolean => moneyFormat({ unit: k.unit, start: null, target: null }) !== null;

/** The 1-based columns of MONEY_COLUMNS the table has. */
const moneyColumns = (t: Table): number[] => MONEY_COLUMNS.map((h) => col(t, h) + 1).filter((c) => c > 0);

/** The format a money KR's value cells get: its currency, at the digits its start and target need. */
const krMoneyFormat = (k: MoneyKr, sep: "." | ","): string => moneyFormat({ unit: k.unit, start: num(k.start), target: num(k.target) }, sep) as string;

/**
 * Formats the Start, Target, Current and Forecast cells of the money KRs among `krs`, written from sheet row `first` on.
 * `sep`: the spreadsheet's decimal separator, read (one call) only when a `$`-like sign's place depends on it.
 */
export function formatMoneyCells(t: Table, first: number, krs: readonly MoneyKr[], sep?: "." | ","): void {
  const money = krs.map((k, i) => ({ k, row: first + i })).filter(({ k }) => isMoney(k));
  if (!money.length) return;
  const s = sep ?? (money.some(({ k }) => signFirst(k.unit)) ? decimalSeparatorFor(t.sheet.getParent().getSpreadsheetLocale()) : ".");
  const cols = moneyColumns(t);
  if (!cols.length) return;
  const cells: [number, number, string][] = [];
  for (const { k, row } of money) {
    const f = krMoneyFormat(k, s);
    for (const c of cols) cells.push([row, c, f]);
  }
  setMoneyFormats(t.sheet, cells);
}

/** A KR as Repair checks its money cells: its sheet row, unit, start and target. */
export interface MoneyRow extends MoneyKr {
  row: number;
}

/** The money KRs' rows and the (1-based) columns of their value cells, for Repair's format read; null without either. */
export interface MoneyCheck {
  cols: number[];
  krs: MoneyRow[];
}

export function moneyCheckOf(t: Table, krs: readonly MoneyRow[]): MoneyCheck | null {
  const money = krs.filter(isMoney);
  const cols = moneyColumns(t);
  return money.length && cols.length ? { cols, krs: money } : null;
}

/**
 * Whether a cell's number format writes the KR's currency: its sign or code ("$" in `"$"0.00`, `"$"#,##0.00` or
 * `[$$-409]#,##0.00`; "eur" in `#,##0" EUR"`), whoever set it. Repair leaves such a cell's format alone (a
 * format the team chose, or the add-on's for other start and target digits; not the add-on's ungrouped one of
 * sessions 19–20, oldMoneyFormat) and gives its money format to one that does not (General, `0.00`: a number
 * shown without its currency).
 */
export function formatShowsUnit(format: unknown, unit: unknown): boolean {
  const sign = String(unit ?? "").trim().toLowerCase().replace(/"/g, "").split(/\s*\/\s*|\s+per\s+/)[0].trim();
  return sign !== "" && String(format ?? "").toLowerCase().indexOf(sign) >= 0;
}

/**
 * Whether a format is one the add-on wrote for this unit before session 21 grouped money (valueDigits.ts moneyFormat
 * from session 19: `"$"0.00`, `0.00##" EUR"`), which showed `1234,50 €` beside the texts' `1.234,50 €`: Repair
 * writes today's over it. Only those exact forms (which Sheets' menus do not write: its currency formats group or
 * bracket the sign, `[$€]0.00`); any other format that writes the currency is kept.
 */
function oldMoneyFormat(format: unknown, unit: unknown): boolean {
  const m = /^(?:"([^"]+)")?0\.00#*(?:" ([^"]+)")?$/.exec(String(format));
  return !!m && (m[1] || m[2] || "").toLowerCase() === String(unit).trim().replace(/"/g, "").toLowerCase();
}

/**
 * The money cells whose format does not write their currency, or writes it as the add-on did before session 21
 * (oldMoneyFormat), with the format the add-on gives them when it writes the row (formatMoneyCells): [sheet
 * row, column, format]. `had`: the formats of rows `first`… and columns `c1`… as read; `sep`: the decimal
 * separator, asked (one call) only for a `$`-like sign to place.
 */
export function moneyFixes(check: MoneyCheck, had: string[][], first: number, c1: number, sep: () => "." | ","): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (const k of check.krs) {
    const r = had[k.row - first];
    if (!r) continue;
    const cols = check.cols.filter((c) => !formatShowsUnit(r[c - c1], k.unit) || oldMoneyFormat(r[c - c1], k.unit));
    if (!cols.length) continue;
    const f = krMoneyFormat(k, signFirst(k.unit) ? sep() : ".");
    for (const c of cols) out.push([k.row, c, f]);
  }
  return out;
}

/** Sets money formats on cells ([row, column, format]): one call per distinct format, over a list of the cells. */
export function setMoneyFormats(sheet: GoogleAppsScript.Spreadsheet.Sheet, fixes: readonly [number, number, string][]): void {
  const byFormat = new Map<string, string[]>();
  for (const [row, c, f] of fixes) (byFormat.get(f) || byFormat.set(f, []).get(f)!).push(`${columnLetter(c)}${row}`);
  for (const [f, cells] of byFormat) sheet.getRangeList(cells).setNumberFormat(f);
}
