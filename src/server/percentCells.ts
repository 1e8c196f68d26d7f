// Which % KRs hold fractions in their cells: typed 82%, a cell holds 0.82 and shows 82% through its number
// format, which only the format tells apart from a KR going from 0.8% to 0.3%. The sidebar shows such a KR's
// values × 100, and the forecast (check-in, summary, reviews) works and words it × 100 (core/forecast
// krAsShown), as the sheet shows it.
import { columnLetter, quoteSheet } from "../core/a1";
import type { KeyResult } from "../core/model";
import { isPercentFormat } from "../core/numbers";
import { TAB } from "../core/tabs";
import { col, type Table } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * `krs` with `percentCells: true` on each % KR whose Start and Target cells both have a percent format. The
 * formats are read only for a % KR whose start and target lie within −1..1, in one read of those rows' two
 * cells: none on a tracker without such a KR (or with Start and Target not side by side).
 */
export function markPercentCells(ss: Spreadsheet, t: Table, krs: KeyResult[]): KeyResult[] {
  const maybe = krs.filter((k) => k.unit.trim() === "%" && [k.start, k.target].every((n) => n !== null && Math.abs(n) <= 1));
  const s = col(t, "Start");
  if (!maybe.length || s < 0 || col(t, "Target") !== s + 1) return krs;
  const rows = maybe.map((k) => k.row);
  const r1 = Math.min(...rows);
  const f = ss.getRange(`${quoteSheet(TAB.keyResults)}!${columnLetter(s + 1)}${r1}:${columnLetter(s + 2)}${Math.max(...rows)}`).getNumberFormats();
  const yes = new Set(maybe.filter((k) => f[k.row - r1].every(isPercentFormat)).map((k) => k.row));
  return krs.map((k) => (yes.has(k.row) ? { ...k, percentCells: true } : k));
}
