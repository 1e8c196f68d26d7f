// Which rectangles of a tab an add-on run reads, by spying on the offline spreadsheet's Range: the tests that
// check a read is bounded (Repair's Key Results read, its number-format box) say where it looked, not only how
// many calls it made.
import { LocalRange } from "../../src/local/sheets";

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** The rectangles of the tab named `tab` whose `method` (getValues, getNumberFormats) `run` called, in order. */
export function rangeReads(method: "getValues" | "getNumberFormats", tab: string, run: () => void): Rect[] {
  const proto = LocalRange.prototype as unknown as Record<typeof method, () => unknown[][]>;
  const real = proto[method];
  const seen: Rect[] = [];
  proto[method] = function (this: { _sheet: { api?: { getName(): string } }; _rect: Rect }) {
    if (this._sheet.api && this._sheet.api.getName() === tab) seen.push({ ...this._rect });
    return real.call(this);
  };
  try {
    run();
  } finally {
    proto[method] = real;
  }
  return seen;
}
