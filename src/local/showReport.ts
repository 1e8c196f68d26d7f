// `okr-sheets show` of a report tab (Weekly Summary, Mid-cycle Review, Retrospective, Portfolio Roll-up…):
// a title block, then sections, each a title line and/or a table. Found from the tab's shape, never from
// fixed positions, so a report whose layout changes (new sections, sections moved) still reads whole:
// - blocks are runs of non-blank rows; the first block's text lines are the title block, unless a table
//   follows them in that block (the Weekly Trend tab opens with its section's heading, not a title);
// - in a block, the leading rows holding at most one cell are text lines (the section's title, then
//   notes); the first row with two or more cells is the table's header, the rest of the block its rows;
// - a table whose only row is one text cell ("None — …") has no rows and that text as its note, and one-cell
//   sentences under its rows ("and 3 more: …") are its notes too;
// - a table starts at its first column used (the Weekly Trend's Chart data leaves column A blank);
// - regions side by side, apart by columns blank in every row, are read each so, the first as the report
//   and the others' sections after its own (a Weekly Summary made before session 8 held its Chart data
//   right of the report).
import { columnLetter } from "../core/a1";

/** One printed sheet row: its number and its cells as displayed (a text line has one cell). */
export interface ShownLine {
  row: number;
  cells: string[];
}

export interface ReportSection {
  title: string | null;
  /** The sheet row the section starts on (its title, else its header). */
  row: number;
  /**
   * The sheet column (1-based) its table starts in: 1, or further right for a table whose first columns are
   * blank (the Weekly Trend's Chart data, from B) or a block beside the report.
   */
  column: number;
  headerRow: number | null;
  headers: string[];
  rows: Record<string, unknown>[];
  notes: string[];
  /** For the terminal: the title and note lines, and the table (header first) as displayed. */
  lines: { title: ShownLine | null; notes: ShownLine[]; table: ShownLine[] };
}

export interface ShownReport {
  name: string;
  title: ShownLine[];
  sections: ReportSection[];
}

const empty = (v: unknown) => v === "" || v === null || v === undefined;
/** How many cells a row fills, and how far it reaches. */
const filled = (r: unknown[]) => r.filter((v) => !empty(v)).length;
const reach = (r: unknown[]) => {
  let w = r.length;
  while (w > 0 && empty(r[w - 1])) w--;
  return w;
};

/** A tab is read as a report when its first non-blank row is a single cell: a title, not a header. */
export function looksLikeReport(values: unknown[][]): boolean {
  const first = values.find((r) => filled(r) > 0);
  return !!first && filled(first) === 1;
}

/** A text line: the row's filled cells as displayed, joined. */
function textOf(shown: string[], values: unknown[]): string {
  return shown.filter((_, c) => !empty(values[c])).join("  ");
}

/**
 * The tab's regions side by side: runs of columns separated by columns blank in every row (a Weekly
 * Summary made before session 8 held its Chart data right of the report, beyond blank columns), as
 * [first, end) column indexes.
 */
function regionsOf(values: unknown[][]): [number, number][] {
  const width = Math.max(0, ...values.map(reach));
  const used = Array.from({ length: width }, (_, c) => values.some((r) => !empty(r[c])));
  const out: [number, number][] = [];
  for (let c = 0; c < width; ) {
    if (!used[c]) {
      c++;
      continue;
    }
    let e = c;
    while (e < width && used[e]) e++;
    out.push([c, e]);
    c = e;
  }
  return out.length ? out : [[0, width]];
}

export function readReport(name: string, values: unknown[][], shown: string[][], cell: (v: unknown) => unknown): ShownReport {
  // The first region is the report (its title block and sections); the sections of a region beside it follow.
  const parts = regionsOf(values).map(([c0, c1], i) =>
    readRegion(name, values.map((row) => row.slice(c0, c1)), shown.map((row) => row.slice(c0, c1)), cell, c0, i === 0),
  );
  return { name, title: parts[0].title, sections: parts.flatMap((p) => p.sections) };
}

/** One region read as a report, its cells from column index `c0`; `titled`: its first block's text lines are the title block. */
function readRegion(name: string, values: unknown[][], shown: string[][], cell: (v: unknown) => unknown, c0: number, titled: boolean): ShownReport {
  const blocks: number[][] = [];
  let current: number[] = [];
  values.forEach((r, i) => {
    if (filled(r) === 0) {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(i);
  });
  if (current.length) blocks.push(current);

  const line = (i: number): ShownLine => ({ row: i + 1, cells: [textOf(shown[i], values[i])] });
  const title: ShownLine[] = [];
  const sections: ReportSection[] = [];
  blocks.forEach((block, b) => {
    let k = 0;
    while (k < block.length && filled(values[block[k]]) <= 1) k++;
    const texts = block.slice(0, k).map(line);
    if (b === 0 && titled && k === block.length) title.push(...texts.splice(0, texts.length));
    if (k === block.length) {
      // Text only: a heading with lines under it, or a lone note.
      if (!texts.length) return;
      const head = texts.length > 1 ? texts.shift()! : null;
      sections.push(section(head, texts, null));
      return;
    }
    const head = texts.length ? texts.shift()! : null;
    sections.push(section(head, texts, tableOf(block.slice(k))));
  });
  return { name, title, sections };

  function section(head: ShownLine | null, notes: ShownLine[], table: ReturnType<typeof tableOf> | null): ReportSection {
    return {
      title: head ? head.cells[0] : null,
      row: head ? head.row : table ? table.lines[0].row : notes[0].row,
      column: table ? table.column : c0 + 1,
      headerRow: table ? table.lines[0].row : null,
      headers: table ? table.headers : [],
      rows: table ? table.rows : [],
      notes: notes.concat(table ? table.notes : []).map((n) => n.cells[0]),
      lines: { title: head, notes: notes.concat(table ? table.notes : []), table: table ? table.lines : [] },
    };
  }

  function tableOf(rowIdx: number[]) {
    const [h, ...data] = rowIdx;
    // A table's only row being one text cell is its "None — …" line, not a row.
    const lone = data.length === 1 && filled(values[data[0]]) === 1 && typeof values[data[0]].find((v) => !empty(v)) === "string";
    // Sentences under a table's rows (the roll-up's "and 3 more: …", "Not forecast yet (…): Gamma.") are its
    // notes, not rows: one text cell, a colon inside and a full stop at the end, so a row of a name alone
    // (a team without scores in the trend) stays a row.
    const sentence = (i: number) => {
      const v = values[i].find((x) => !empty(x));
      return filled(values[i]) === 1 && typeof v === "string" && /: .*\.$/.test(v.trim());
    };
    let end = data.length;
    while (!lone && end > 1 && sentence(data[end - 1])) end--;
    const trailing = lone ? [] : data.slice(end);
    const body = lone ? [] : data.slice(0, end);
    const width = Math.max(reach(values[h]), ...body.map((i) => reach(values[i])));
    // Columns blank in the header and every row, left of the table, are not part of it.
    const lead = Math.min(...[h, ...body].map((i) => values[i].findIndex((v) => !empty(v))).filter((c) => c >= 0));
    const cols = Array.from({ length: width - lead }, (_, c) => lead + c);
    const headers = uniqueNames(
      cols.map((c) => String(values[h][c] ?? "").trim() || columnLetter(c0 + c + 1)),
      c0 + lead,
    );
    const rows = body.map((i) => {
      const obj: Record<string, unknown> = { _row: i + 1 };
      headers.forEach((n, j) => (obj[n] = cell(values[i][cols[j]] ?? "")));
      return obj;
    });
    const lines = [h, ...body].map((i) => ({ row: i + 1, cells: cols.map((c) => String(shown[i][c] ?? "")) }));
    lines[0].cells = headers;
    return { headers, rows, lines, notes: lone ? [line(data[0])] : trailing.map(line), column: c0 + lead + 1 };
  }
}

/** Header names as JSON keys: a name given twice gets its column letter ("Week (C)"); the names start at column index `c0`. */
function uniqueNames(names: string[], c0: number): string[] {
  return names.map((n, c) => (names.indexOf(n) === c ? n : `${n} (${columnLetter(c0 + c + 1)})`));
}

/** `show --json`: the title lines and each section with its own header, without the terminal's copy. */
export function reportJson(r: ShownReport): unknown {
  return {
    tab: r.name,
    title: r.title.map((l) => l.cells[0]),
    sections: r.sections.map(({ lines: _lines, ...s }) => s),
  };
}

/**
 * A cell's line breaks (Alt+Enter in a title) as "↵": printed as they are, they broke the table's row in two
 * and put the rest of it under the row numbers. For the terminal only.
 */
const oneLine = (s: string) => s.replace(/\r\n|\r|\n/g, "↵");

/** Cells longer than 40 characters are cut, for the terminal only. */
const cut = (s: string) => {
  const l = oneLine(s);
  return l.length > 40 ? l.slice(0, 39) + "…" : l;
};

/**
 * A table for the terminal: each line starts with its sheet row number and a line of column letters sits
 * above the header, so a cell can be named for `edit --range` (row 7, column H → H7).
 */
export function renderRows(table: ShownLine[], gutter: number, firstColumn = 1): string[] {
  if (!table.length) return [];
  const cells = table.map((l) => l.cells.map(cut));
  const n = Math.max(...cells.map((r) => r.length));
  const letter = (c: number) => columnLetter(firstColumn + c);
  const widths = Array.from({ length: n }, (_, c) => Math.max(letter(c).length, ...cells.map((r) => (r[c] ?? "").length)));
  const pad = (r: string[]) => widths.map((w, c) => (r[c] ?? "").padEnd(w)).join("  ").trimEnd();
  const at = (row: number | null, text: string) => `${row === null ? "" : String(row)}`.padStart(gutter) + "  " + text;
  return [
    at(null, pad(widths.map((_, c) => letter(c)))),
    at(table[0].row, pad(cells[0])),
    at(null, widths.map((w) => "-".repeat(w)).join("  ")),
    ...table.slice(1).map((l, i) => at(l.row, pad(cells[i + 1]))),
  ].map((s) => s.trimEnd());
}

/** The width of the row-number column: the largest row number's digits, at least 3. */
export function gutterFor(rows: number[]): number {
  return Math.max(3, ...rows.map((r) => String(r).length));
}

/** The report for the terminal: title block, then each section (title, notes, table), blank-separated. */
export function renderReport(r: ShownReport): string {
  const all = [...r.title, ...r.sections.flatMap((s) => [...(s.lines.title ? [s.lines.title] : []), ...s.lines.notes, ...s.lines.table])];
  if (!all.length) return `(${r.name} is empty)`;
  const g = gutterFor(all.map((l) => l.row));
  const text = (l: ShownLine) => `${String(l.row).padStart(g)}  ${oneLine(String(l.cells[0]))}`;
  const parts: string[][] = [];
  if (r.title.length) parts.push(r.title.map(text));
  for (const s of r.sections) {
    const head = s.lines.title ? [text(s.lines.title)] : [];
    // Lines above the header (notes under the title) come first; a table's "None — …" line after it.
    const h = s.headerRow ?? Infinity;
    const before = s.lines.notes.filter((n) => n.row < h).map(text);
    const after = s.lines.notes.filter((n) => n.row > h).map(text);
    parts.push([...head, ...before, ...renderRows(s.lines.table, g, s.column), ...after]);
  }
  return parts.map((p) => p.join("\n")).join("\n\n");
}
