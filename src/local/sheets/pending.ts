// The cells of a tab kept out of the formula engine (deferred.ts), as Book reads and changes them there,
// giving the values the engine would give. Until the first change they are the loaded snapshot's rows
// themselves (never modified here): the 55,000-row log is then held once, not also as engine contents,
// and saved from those rows when its formats did not change either (loadedPart, told by formatChanged). Rows
// written below the loaded ones (a check-in appended to the log) are held beside them as engine contents, and the
// loaded rows are still saved as they are (loadedPart); any other change turns them all into engine contents (text
// with its quote mark, as the engine takes it).
import type { RawCellContent } from "hyperformula";
import type { SnapshotCell } from "../snapshot";
import type { Rect } from "./a1";
import type { CellMeta } from "./model";

type Rows = (SnapshotCell | null)[][];

/** The engine's content for a loaded cell without a formula (book-snapshot's loadSheet gives the same). */
export function contentOf(cell: SnapshotCell | null | undefined): RawCellContent {
  if (!cell) return null;
  const v = cell.v;
  if (typeof v === "string") return v === "" ? null : `'${v}`;
  return v ?? null;
}

/** The value the engine gives for a loaded cell. */
function valueOf(cell: SnapshotCell | null | undefined): string | number | boolean | null {
  if (!cell) return null;
  const v = cell.v;
  return v === undefined || v === "" ? null : v;
}

function countKeys(o: object): number {
  let n = 0;
  for (const _k in o) n++;
  return n;
}

/** The value the engine gives for engine contents (text keeps its quote mark there). */
function contentValue(x: RawCellContent | undefined): string | number | boolean | null {
  return typeof x === "string" && x.startsWith("'") ? x.slice(1) : ((x ?? null) as string | number | boolean | null);
}

export class OutsideCells {
  private content: RawCellContent[][] | null = null;
  /**
   * Until `content` is made: the rows written below the loaded ones, as engine contents (appended[0] is the
   * row after the last loaded one). Together they are what `content` would be, row for row.
   */
  private appended: RawCellContent[][] = [];
  /**
   * Set by every change of the sheet's CellMeta (Book: formats, notes; book-shape.ts: inserted rows or
   * columns; rows or columns deleted while the tab is outside the engine lie beyond the loaded ones, which
   * hold all of it).
   */
  private formatsChanged = false;
  constructor(private loaded: Rows) {}

  /**
   * The sheet's formats or notes changed from 1-based row `fromRow` down (all rows when not given): they are
   * no longer those of the loaded rows, unless every changed row is below them.
   */
  formatChanged(fromRow = 1): void {
    if (this.content || fromRow <= this.loaded.length) this.formatsChanged = true;
  }

  /** The value at 0-based (r, c), as the engine would give it. */
  valueAt(r: number, c: number): string | number | boolean | null {
    if (this.content) return contentValue(this.content[r]?.[c]);
    const n = this.loaded.length;
    return r < n ? valueOf(this.loaded[r]?.[c]) : contentValue(this.appended[r - n]?.[c]);
  }

  /** How many rows there are (loaded and written), and the length of the 0-based row r (0: none). */
  private height(): number {
    return this.content ? this.content.length : this.loaded.length + this.appended.length;
  }
  private rowLength(r: number): number {
    if (this.content) return this.content[r]?.length ?? 0;
    const n = this.loaded.length;
    return (r < n ? this.loaded[r]?.length : this.appended[r - n]?.length) ?? 0;
  }

  /** A range (1-based rectangle) of values, as getRangeValues gives them. */
  read(rect: Rect): unknown[][] {
    const out: unknown[][] = new Array(rect.r2 - rect.r1 + 1);
    for (let i = 0; i < out.length; i++) {
      const o: unknown[] = new Array(rect.c2 - rect.c1 + 1);
      for (let j = 0; j < o.length; j++) o[j] = this.valueAt(rect.r1 - 1 + i, rect.c1 - 1 + j);
      out[i] = o;
    }
    return out;
  }

  /** Rows and columns the contents span (the engine's sheet dimensions). */
  dims(): { height: number; width: number } {
    const height = this.height();
    let width = 0;
    for (let r = 0; r < height; r++) width = Math.max(width, this.rowLength(r));
    return { height, width };
  }

  /** The last row holding something (0 when none): from the bottom, so a long log is not walked from its top. */
  lastRow(): number {
    for (let r = this.height() - 1; r >= 0; r--) {
      for (let c = this.rowLength(r); c > 0; c--) if (this.valueAt(r, c - 1) !== null) return r + 1;
    }
    return 0;
  }

  /** The last row and column holding something (0 when none). */
  extent(): { lastRow: number; lastCol: number } {
    let lastRow = 0;
    let lastCol = 0;
    const height = this.height();
    for (let r = 0; r < height; r++) {
      for (let c = this.rowLength(r); c > 0; c--) {
        if (this.valueAt(r, c - 1) === null) continue;
        lastRow = r + 1;
        if (c > lastCol) lastCol = c;
        break;
      }
    }
    return { lastRow, lastCol };
  }

  /** How many cells of a column (0-based) hold something: COUNTA of the whole column. */
  countColumn(c: number): number {
    let n = 0;
    const height = this.height();
    for (let r = 0; r < height; r++) if (this.valueAt(r, c) !== null) n++;
    return n;
  }

  /** The contents for the engine (made from the loaded rows on first use). */
  contents(): RawCellContent[][] {
    if (!this.content) {
      this.content = this.loaded.map((row) => (row ? Array.from(row, contentOf) : []));
      for (const row of this.appended) this.content.push(row);
      this.loaded = []; // not needed any more: let it go
      this.appended = [];
    }
    return this.content;
  }

  /** Once in the engine: holds nothing any more. */
  release(): void {
    this.content = [];
    this.loaded = [];
    this.appended = [];
  }

  /** Writes a block of engine contents (null: empties the range); below the loaded rows, beside them. */
  write(rect: Rect, block: RawCellContent[][] | null): void {
    const below = !this.content && rect.r1 > this.loaded.length;
    const offset = below ? this.loaded.length : 0;
    const content = below ? this.appended : this.contents();
    for (let r = rect.r1 - offset; r <= rect.r2 - offset; r++) {
      if (!block && r > content.length) break;
      const row = (content[r - 1] ??= []);
      for (let c = rect.c1; c <= rect.c2; c++) {
        const v = block ? block[r + offset - rect.r1][c - rect.c1] : null;
        if (v === null && c > row.length) continue;
        while (row.length < c - 1) row.push(null);
        row[c - 1] = v ?? null;
      }
    }
    for (let r = 0; r < content.length; r++) content[r] ??= [];
  }

  /**
   * The loaded rows, when saving them gives what the engine's values and the sheet's formats would for them:
   * no value written to them since, no format of theirs changed (formatChanged), and the rows in the shape a
   * saved sheet has (no empty trailing cells or rows, no cell without content). Rows written below them are
   * the sheet's rows 1 + their count on, built from the values and CellMeta as for any sheet
   * (book-snapshot.ts). `meta` is the sheet's CellMeta, then each cell's as metaFromSnapshot made it at load,
   * so it stands for what saving rebuilds the cell from.
   */
  loadedPart(meta: (CellMeta | undefined)[][]): Rows | null {
    if (this.content || this.formatsChanged) return null;
    const rows = this.loaded;
    if (rows.length && !rows[rows.length - 1]?.length) return null;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) return null;
      const m = meta[r];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell === null) continue;
        if (typeof cell !== "object" || cell.f !== undefined || cell.v === "") return null;
        // A cell the rebuilt row would hold otherwise: no value and no format, or a key a format drops.
        const mc = m?.[c];
        if (cell.v === undefined && !mc) return null;
        if (countKeys(cell) - ("v" in cell ? 1 : 0) !== (mc ? countKeys(mc) : 0)) return null;
      }
      if (row.length && row[row.length - 1] === null) return null;
    }
    return rows;
  }
}
