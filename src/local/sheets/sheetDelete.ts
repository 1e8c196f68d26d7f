// Deleting a tab, as Sheets does: its named ranges go, and every reference to it in the other tabs'
// formulas becomes #REF! ("=ROW(History!A1)" reads "=ROW(#REF!)" and evaluates to #REF!, for good: a tab
// made later under the same name is not referred to). HyperFormula left the reference naming the tab (or
// could not print it at all: "There's no sheet with id = 4", shown as "=#REF!"), and kept some values as
// they were (ROW of a deleted tab's cell stayed 1), so code comparing a formula after a deletion saw a text
// Google never gives.
import type { Book } from "./book";
import type { SheetModel } from "./model";

/** A quoted text, or a reference with its tab's name (quoted or bare) and a cell, range, row or column part. */
const TOKEN = /"(?:[^"]|"")*"|(?:'((?:[^']|'')+)'|([A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*))!\$?[A-Za-z]{0,3}\$?\d*(?::\$?[A-Za-z]{0,3}\$?\d*)?/g;

/** The formula with each reference to the tab `name` (any case) replaced by #REF!; null when it names none. */
export function refsToDeletedTab(formula: string, name: string): string | null {
  const lower = name.toLowerCase();
  let hit = false;
  const out = formula.replace(TOKEN, (m: string, quoted?: string, bare?: string) => {
    if (m.startsWith('"')) return m;
    const tab = quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;
    if (tab.toLowerCase() !== lower) return m;
    hit = true;
    return "#REF!";
  });
  return hit ? out : null;
}

/** Every formula cell of the other tabs naming `sheet`, with its text once the tab is gone. */
function formulasNaming(book: Book, sheet: SheetModel): { s: SheetModel; r: number; c: number; text: string }[] {
  const out: { s: SheetModel; r: number; c: number; text: string }[] = [];
  for (const s of book.sheets) {
    // A tab outside the engine (deferred.ts) holds values only.
    if (s === sheet || !s.hasFormulas || s.pending) continue;
    let grid: (string | undefined)[][];
    try {
      grid = book.hf.getSheetFormulas(s.hfId) as (string | undefined)[][];
    } catch {
      const { width, height } = book.hf.getSheetDimensions(s.hfId);
      grid = height && width ? book.formulas(s, { r1: 1, c1: 1, r2: height, c2: width }) : [];
    }
    grid.forEach((row, i) =>
      row?.forEach((f, j) => {
        const text = f && f.includes("!") ? refsToDeletedTab(f, sheet.name) : null;
        if (text !== null) out.push({ s, r: i + 1, c: j + 1, text });
      }),
    );
  }
  return out;
}

export function deleteSheet(book: Book, sheet: SheetModel): void {
  if (book.sheets.length <= 1) throw new Error("You can't remove all the sheets in a document.");
  // Formulas held rewritten (deferred.ts) go back as written first, so that they are read and rewritten here.
  if (book.sheets.some((s) => s.shadows)) book.restoreShadows();
  book.touch(sheet);
  const rewritten = formulasNaming(book, sheet);
  for (const [key, n] of [...book.named]) if (n.sheet === sheet) book.removeNamed(key);
  book.write().removeSheet(sheet.hfId);
  sheet.deleted = true;
  book.sheets = book.sheets.filter((s) => s !== sheet);
  if (book.active === sheet) book.active = book.sheets.find((s) => !s.hidden) ?? book.sheets[0];
  for (const { s, r, c, text } of rewritten) {
    book.write({ sheet: s, rect: { r1: r, c1: c, r2: r, c2: c } }).setCellContents(book.addr(s, r, c), [[text]]);
  }
}
