// A book from a workbook snapshot and back: cell contents go to HyperFormula, everything else to the models.
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { buildEvaluated, linkKnownRangesOnce, registerClock, setEngineClock, sortFromFormulasOnly, type Clock } from "../engine";
import { gridOf, isSheetId, sheetIdsOf, withSheetIds, type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from "../snapshot";
import { parseA1, quoteSheetName, rectToA1 } from "./a1";
import { Book, errorString, type Faces } from "./book";
import { DeveloperMetadataStore } from "./developerMetadata";
import { absA1, SheetModel, type CellMeta, type Ctx } from "./model";
import { applyDeferral, mayDefer, planDeferral } from "./deferred";
import { contentOf } from "./pending";
import { tzOffsetMinutes } from "./time";

/**
 * createEngine's engine (undoLimit 0: the add-on never undoes; keeping undo data made large writes ~50%
 * slower). The clock is set without building a throwaway engine (that cost a parser and its
 * grammar self-check, ~0.15 s per book).
 */
function buildEngine(sheets: Record<string, RawCellContent[][]>, clock: Clock, named: { name: string; expression: string }[]): HyperFormula {
  registerClock();
  let cells = 0;
  let formulas = 0;
  for (const rows of Object.values(sheets)) {
    for (const row of rows) {
      cells += row.length;
      for (const c of row) if (typeof c === "string" && c.charCodeAt(0) === 61 /* = */) formulas++;
    }
  }
  if (cells > 100_000) sortFromFormulasOnly();
  // A set-up large tracker has ~8,300 (a medium one ~1,400, a small one ~450).
  if (formulas >= 2_000) linkKnownRangesOnce();
  setEngineClock(clock);
  return buildEvaluated(sheets, named);
}

export function bookFromSnapshot(snap: WorkbookSnapshot, ctx: Ctx, faces: Faces): Book {
  const book = new Book(ctx, snap.id, snap.name, snap.locale || "en_US", snap.timeZone || "Etc/UTC", faces);
  if (snap.developerMetadata?.length) book.developerMetadata = new DeveloperMetadataStore(ctx.counters, snap.developerMetadata);
  const clock = { now: () => ctx.now(), offsetMinutes: (ms: number) => tzOffsetMinutes(ms, book.timeZone) };
  const specs = snap.sheets.length ? snap.sheets : [{ name: "Sheet1", rows: [] } as SnapshotSheet];
  const contents: Record<string, RawCellContent[][]> = {};
  const loaded = new Map<SheetModel, (SnapshotCell | null)[][]>();
  const models: SheetModel[] = [];
  // Each tab keeps its recorded ID (Google's never changes), so code that recorded one finds its tab again.
  const ids = sheetIdsOf(specs, snap.topSheetId);
  book.topGid = Math.max(isSheetId(snap.topSheetId) ? snap.topSheetId : 0, ...ids);
  for (const [i, s] of specs.entries()) {
    const grid = gridOf(s);
    const model = new SheetModel(s.name, -1, ids[i], grid.rows, grid.columns);
    if (mayDefer(s)) {
      loadSheet(book, model, s, true);
      loaded.set(model, s.rows);
    } else contents[s.name] = loadSheet(book, model, s);
    models.push(model);
  }
  const plan = planDeferral(snap, specs, models, contents, loaded);
  for (const m of plan.tabs.keys()) delete contents[m.name];
  const named = (snap.namedRanges ?? [])
    .map((n) => {
      const sheet = models.find((m) => m.name.toLowerCase() === n.sheet.toLowerCase());
      return sheet ? { n, sheet, rect: book.resolve(sheet, parseA1(n.a1)) } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
  book.hf = buildEngine(
    contents,
    clock,
    named.map((x) => ({ name: x.n.name, expression: `=${quoteSheetName(x.sheet.name)}!${absA1(x.rect)}` })),
  );
  for (const m of models) if (!plan.tabs.has(m)) m.hfId = book.hf.getSheetId(m.name) as number;
  book.sheets = models;
  applyDeferral(book, plan);
  for (const x of named) book.named.set(x.n.name.toLowerCase(), { name: x.n.name, sheet: x.sheet, rect: x.rect });
  book.active = book.sheets.find((s) => !s.hidden) ?? book.sheets[0];
  return book;
}

/** The sheet's models, and its engine contents unless `valuesOnly` (a tab that may stay out of the engine: deferred.ts). */
function loadSheet(book: Book, model: SheetModel, s: SnapshotSheet, valuesOnly = false): RawCellContent[][] {
  const content: RawCellContent[][] = new Array(valuesOnly ? 0 : s.rows.length);
  for (let r = 0; r < s.rows.length; r++) {
    const row = s.rows[r];
    if (!row) {
      if (!valuesOnly) content[r] = [];
      continue;
    }
    if (valuesOnly) {
      for (let c = 0; c < row.length; c++) {
        const meta = row[c] ? metaFromSnapshot(row[c]!) : undefined;
        if (meta) (model.meta[r] ??= [])[c] = meta;
      }
      continue;
    }
    const out: RawCellContent[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) {
        out[c] = null;
        continue;
      }
      if (cell.f) {
        out[c] = cell.f;
        model.hasFormulas = true;
      } else out[c] = contentOf(cell);
      const meta = metaFromSnapshot(cell);
      if (meta) (model.meta[r] ??= [])[c] = meta;
    }
    content[r] = out;
  }
  model.hidden = !!s.hidden;
  model.frozenRows = s.frozenRows ?? 0;
  model.frozenCols = s.frozenColumns ?? 0;
  model.widths = { ...(s.columnWidths ?? {}) };
  model.tabColor = s.tabColor ?? null;
  for (const cf of s.conditionalFormats ?? []) {
    model.cf.push({
      rects: cf.ranges.map((a) => book.resolve(model, parseA1(a))),
      type: cf.condition.type,
      values: [...cf.condition.values],
      format: { ...cf.format },
    });
  }
  for (const v of s.validations ?? []) {
    const values = [...v.values];
    let showDropdown = true;
    if (v.type === "VALUE_IN_LIST" && typeof values[values.length - 1] === "boolean") showDropdown = values.pop() as boolean;
    model.dv.push({
      rect: book.resolve(model, parseA1(v.range)),
      rule: { type: v.type, values, allowInvalid: v.allowInvalid, helpText: v.helpText, showDropdown },
    });
  }
  for (const p of s.protections ?? []) {
    model.protections.push({ sheet: model, rect: p.range ? book.resolve(model, parseA1(p.range)) : null, description: p.description, warningOnly: p.warningOnly });
  }
  return content;
}

export function bookToSnapshot(book: Book, triggers: WorkbookSnapshot["triggers"], documentProperties: Record<string, string>, shareLoaded = false): WorkbookSnapshot {
  const topSheetId = book.topGid > Math.max(...book.sheets.map((s) => s.gid)) ? { topSheetId: book.topGid } : {};
  return {
    id: book.id,
    name: book.name,
    locale: book.locale,
    timeZone: book.timeZone,
    // A tab's ID is recorded where its place would not give it back (a tab inserted before it, tabs moved, a new tab).
    sheets: withSheetIds(book.sheets.map((s) => sheetSnapshot(book, s, shareLoaded)), book.sheets.map((s) => s.gid)),
    namedRanges: [...book.named.values()].map((n) => ({ name: n.name, sheet: n.sheet.name, a1: rectToA1(n.rect) })),
    documentProperties: { ...documentProperties },
    triggers: triggers.map((t) => ({ ...t })),
    ...developerMetadataOf(book),
    ...topSheetId,
  };
}

function developerMetadataOf(book: Book): Pick<WorkbookSnapshot, "developerMetadata"> {
  const list = book.developerMetadata.toSnapshot();
  return list.length ? { developerMetadata: list } : {};
}

function sheetSnapshot(book: Book, s: SheetModel, shareLoaded: boolean): SnapshotSheet {
  const content = s.pending;
  // For saving, a tab's loaded rows unchanged since it was loaded (values and formats) are given as they are,
  // not copied (~0.3 s and ~50 MB for the large tier's log); rows written below them (a check-in appended to
  // the log) are built below as any sheet's rows are.
  const loadedPart = shareLoaded ? content?.loadedPart(s.meta) : null;
  const dims = content ? content.dims() : book.hf.getSheetDimensions(s.hfId);
  let height = Math.max(dims.height, s.meta.length);
  const width = Math.max(dims.width, s.meta.reduce((w, r) => Math.max(w, r ? r.length : 0), 0));
  const rows: (SnapshotCell | null)[][] = loadedPart ? loadedPart.slice() : [];
  const from = rows.length;
  if (height > from && width > 0) {
    const rect = { r1: from + 1, c1: 1, r2: height, c2: width };
    const values = content ? (content.read(rect) as ReturnType<HyperFormula["getRangeValues"]>) : book.settle().getRangeValues({ start: book.addr(s, rect.r1, 1), end: book.addr(s, rect.r2, rect.c2) });
    // A sheet of values (the check-in log, History) is not asked for formulas: a million lookups on a large tracker.
    const formulas = s.hasFormulas ? book.formulas(s, rect) : null;
    for (let i = from; i < height; i++) {
      const row: (SnapshotCell | null)[] = [];
      for (let j = 0; j < width; j++) {
        const v = values[i - from][j];
        const f = formulas?.[i - from][j];
        const m = s.meta[i]?.[j];
        if ((v === null || v === undefined) && !f && !m) {
          row.push(null);
          continue;
        }
        const cell: SnapshotCell = {};
        if (f) cell.f = f;
        if (v instanceof DetailedCellError) cell.v = errorString(v);
        else if (v !== null && v !== undefined && v !== "") cell.v = v;
        else if (v === "" && f) cell.v = "";
        if (m) metaToSnapshot(m, cell);
        row.push(Object.keys(cell).length ? cell : null);
      }
      while (row.length && row[row.length - 1] === null) row.pop();
      rows.push(row);
    }
    while (height > 0 && rows[height - 1].length === 0) {
      rows.pop();
      height--;
    }
  }
  return sheetParts(s, rows);
}

/** The sheet's snapshot from its rows and its models (formats and rules beyond the cells). */
function sheetParts(s: SheetModel, rows: (SnapshotCell | null)[][]): SnapshotSheet {
  const out: SnapshotSheet = { name: s.name, rows };
  if (s.hidden) out.hidden = true;
  if (s.frozenRows) out.frozenRows = s.frozenRows;
  if (s.frozenCols) out.frozenColumns = s.frozenCols;
  if (Object.keys(s.widths).length) out.columnWidths = { ...s.widths };
  if (s.tabColor) out.tabColor = s.tabColor;
  // The grid's size is kept when it is not what the rows alone would give back (a grown or trimmed tab).
  const plain = gridOf({ name: s.name, rows });
  if (s.maxRows !== plain.rows) out.maxRows = s.maxRows;
  if (s.maxCols !== plain.columns) out.maxColumns = s.maxCols;
  if (s.cf.length) {
    out.conditionalFormats = s.cf.map((c) => ({
      ranges: c.rects.map(rectToA1),
      condition: { type: c.type, values: [...c.values] },
      format: { ...c.format },
    }));
  }
  if (s.dv.length) {
    out.validations = s.dv.map((e) => {
      const values = [...e.rule.values];
      if (e.rule.type === "VALUE_IN_LIST" && e.rule.showDropdown === false) values.push(false);
      const v: SnapshotSheet["validations"] extends (infer T)[] | undefined ? T : never = {
        range: rectToA1(e.rect),
        type: e.rule.type,
        values,
        allowInvalid: e.rule.allowInvalid,
      };
      if (e.rule.helpText) v.helpText = e.rule.helpText;
      return v;
    });
  }
  if (s.protections.length) {
    out.protections = s.protections.map((p) => ({ range: p.rect ? rectToA1(p.rect) : null, description: p.description, warningOnly: p.warningOnly }));
  }
  return out;
}

function metaFromSnapshot(cell: SnapshotCell): CellMeta | undefined {
  const m: CellMeta = {};
  if (cell.fmt) m.fmt = cell.fmt;
  if (cell.bg) m.bg = cell.bg;
  if (cell.color) m.color = cell.color;
  if (cell.bold) m.bold = true;
  if (cell.italic) m.italic = true;
  if (cell.fontSize) m.fontSize = cell.fontSize;
  if (cell.wrap) m.wrap = true;
  if (cell.hAlign) m.hAlign = cell.hAlign;
  if (cell.note) m.note = cell.note;
  return Object.keys(m).length ? m : undefined;
}

function metaToSnapshot(m: CellMeta, cell: SnapshotCell): void {
  if (m.fmt) cell.fmt = m.fmt;
  if (m.bg) cell.bg = m.bg;
  if (m.color) cell.color = m.color;
  if (m.bold) cell.bold = true;
  if (m.italic) cell.italic = true;
  if (m.fontSize) cell.fontSize = m.fontSize;
  if (m.wrap) cell.wrap = true;
  if (m.hAlign) cell.hAlign = m.hAlign;
  if (m.note) cell.note = m.note;
}
