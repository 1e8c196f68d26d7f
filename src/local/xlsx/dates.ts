// exceljs turns date-formatted numbers into JS Dates while reading, rounding to the millisecond. To give
// the snapshot back the exact serial number that was in the file, its conversion is wrapped once so
// every Date it makes also carries the serial it came from. Nothing else about the Date changes.
import utils from "exceljs/lib/utils/utils.js";

const SERIAL = Symbol.for("okr-sheets.xlsx.serial");
const PATCHED = Symbol.for("okr-sheets.xlsx.excelToDate-patched");
const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 to 1904-01-01 (the 1904 date system's epoch). */
export const DATE1904_OFFSET = 1462;

type Patchable = typeof utils & { [PATCHED]?: boolean };

export function patchExcelDates(): void {
  const u = utils as Patchable;
  if (!u || typeof u.excelToDate !== "function" || u[PATCHED]) return;
  const original = u.excelToDate;
  u.excelToDate = function excelToDate(v: number, date1904?: boolean): Date {
    const d = original.call(this, v, date1904);
    if (typeof v === "number" && Number.isFinite(v)) {
      (d as unknown as Record<symbol, number>)[SERIAL] = date1904 ? v + DATE1904_OFFSET : v;
    }
    return d;
  };
  u[PATCHED] = true;
}

/** The serial day number (1899-12-30 epoch, UTC) of a Date exceljs produced. */
export function serialOfDate(d: Date): number {
  const exact = (d as unknown as Record<symbol, number | undefined>)[SERIAL];
  if (typeof exact === "number") return exact;
  return 25569 + d.getTime() / MS_PER_DAY;
}
