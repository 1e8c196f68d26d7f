// The real faces a Book makes (book.ts takes them as a parameter so that it imports none of them).
import type { Faces } from "./book";
import { LocalRange } from "./range";
import { LocalSheet } from "./sheet";
import { LocalSpreadsheet } from "./spreadsheet";

export const FACES: Faces = {
  spreadsheet: (book) => new LocalSpreadsheet(book),
  sheet: (book, model) => new LocalSheet(book, model),
  range: (book, sheet, rect) => new LocalRange(book, sheet, rect),
};
