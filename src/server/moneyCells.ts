// The number format of money KRs' value cells (session 19's review: a `$` KR's Start, Target and Current
// showed `41.5`, where every text wrote `$41.50`). Set when the add-on writes a KR's row (a new tracker's
// template, an import, a roll over's carried KRs): one call per distinct format over a list of the cells,
// none without a money KR. A check-in writes only Current's value, so the cell keeps its format at no cost;
// the check-in's 19 calls and the sidebar's 12 are unchanged. The Forecast cell too (session 20: a German
// team's cost KR showed 1117,5 there beside Current's 1171,50 € and the summary's 1117,50 €): in the same
// call, and a reason written there instead of a number is text, which the format leaves as it is. A KR typed into the tab by hand, or whose unit
// is changed later, keeps the format its cells have (Format › Number in Sheets): Repair does not look.
import { columnLetter } from "../core/a1";
import { decimalSeparatorFor } from "../core/numbers";
import { moneyFormat, signFirst } from "../core/valueDigits";
import { col, type Table } from "./table";

interface MoneyKr {
  unit: unknown;
  start: number | null | "";
  target: number | null | "";
}

const num = (x: unknown): number | null => (typeof x === "number" && isFinite(x) ? x : null);

/**
 * Formats the Start, Target, Current and Forecast cells of the money KRs among `krs`, written from sheet row `first` on.
 * `sep`: the spreadsheet's decimal separator, read (one call) only when a `$`-like sign's place depends on it.
 */
export function formatMoneyCells(t: Table, first: number, krs: readonly MoneyKr[], sep?: "." | ","): void {
  const money = krs.map((k, i) => ({ k, row: first + i })).filter(({ k }) => moneyFormat({ unit: k.unit, start: null, target: null }) !== null);
  if (!money.length) return;
  const s = sep ?? (money.some(({ k }) => signFirst(k.unit)) ? decimalSeparatorFor(t.sheet.getParent().getSpreadsheetLocale()) : ".");
  const cols = ["Start", "Target", "Current", "Forecast"].map((h) => col(t, h)).filter((c) => c >= 0);
  if (!cols.length) return;
  const byFormat = new Map<string, string[]>();
  for (const { k, row } of money) {
    const f = moneyFormat({ unit: k.unit, start: num(k.start), target: num(k.target) }, s) as string;
    const list = byFormat.get(f) || byFormat.set(f, []).get(f)!;
    for (const c of cols) list.push(`${columnLetter(c + 1)}${row}`);
  }
  for (const [f, cells] of byFormat) t.sheet.getRangeList(cells).setNumberFormat(f);
}
