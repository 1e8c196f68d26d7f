// The RangeList face (Sheet.getRangeList): one call applies a format or a value to several ranges of one
// sheet. Each method is one service round trip, as in Apps Script; the cells it formats are counted once
// each (the union of its ranges), so overlapping ranges are not paid for twice.
import { parseA1, type Rect } from "./a1";
import type { Book } from "./book";
import type { CountersImpl } from "./counters";
import type { SheetModel } from "./model";
import { fontSize, LocalRange, rangeFromParsed } from "./range";

/** The distinct cells of the rectangles. */
function unionSize(rects: Rect[]): number {
  const seen = new Set<string>();
  for (const r of rects) for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) seen.add(`${i},${j}`);
  return seen.size;
}

export class LocalRangeList {
  readonly _kind = "RangeList";
  readonly _counters: CountersImpl;
  readonly _ranges: LocalRange[];
  constructor(
    readonly _book: Book,
    readonly _sheet: SheetModel,
    a1Notations: unknown,
  ) {
    this._counters = _book.ctx.counters;
    if (!Array.isArray(a1Notations) || a1Notations.length === 0 || a1Notations.some((a) => typeof a !== "string")) {
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
    }
    this._ranges = a1Notations.map((a) => {
      const p = parseA1(a as string, true);
      if (p.sheet !== undefined && p.sheet !== _sheet.name) throw new Error("All ranges of a RangeList must be on the same sheet.");
      return rangeFromParsed(_book, _sheet, { ...p, sheet: undefined });
    });
  }
  /** Applies `fn` to each range (raw, uncounted), then counts the union of their cells as formatted. */
  private formatEach(fn: (r: LocalRange) => void): this {
    for (const r of this._ranges) r._edit(); // one refused range refuses the whole list, before any is changed
    const before = this._counters.cellsFormatted;
    for (const r of this._ranges) fn(r);
    this._counters.cellsFormatted = before + unionSize(this._ranges.map((r) => r._rect));
    return this;
  }
  getRanges() {
    return this._ranges.slice();
  }
  setNumberFormat(fmt: string) {
    return this.formatEach((r) => r.setNumberFormat(fmt));
  }
  setBackground(color: string | null) {
    return this.formatEach((r) => r.setBackground(color));
  }
  setFontColor(color: string | null) {
    return this.formatEach((r) => r.setFontColor(color));
  }
  setFontWeight(weight: string | null) {
    return this.formatEach((r) => r.setFontWeight(weight));
  }
  setFontStyle(style: string | null) {
    return this.formatEach((r) => r.setFontStyle(style));
  }
  setFontSize(size: number) {
    fontSize(size, "RangeList.setFontSize");
    return this.formatEach((r) => r.setFontSize(size));
  }
  setWrap(wrap: boolean) {
    return this.formatEach((r) => r.setWrap(wrap));
  }
  setHorizontalAlignment(alignment: string | null) {
    return this.formatEach((r) => r.setHorizontalAlignment(alignment));
  }
  clearFormat() {
    return this.formatEach((r) => r.clearFormat());
  }
  /** The same value in every cell of every range: cells written, like Range.setValue. */
  setValue(value: unknown) {
    for (const r of this._ranges) r._edit();
    for (const r of this._ranges) r.setValue(value);
    return this;
  }
  clearContent() {
    for (const r of this._ranges) r._edit();
    for (const r of this._ranges) r.clearContent();
    return this;
  }
  toString() {
    return "RangeList";
  }
}
