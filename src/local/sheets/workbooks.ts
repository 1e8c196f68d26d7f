// Other workbooks for SpreadsheetApp.openById / openByUrl: the offline spreadsheet's stand-in for Drive.
// A registry maps an ID (or, offline, a file path) to a workbook snapshot, or to "denied" for one the
// user may not open. Each is opened as its own Book sharing the caller's counters and clock, so its
// calls are counted like the active spreadsheet's; what is written to it stays in memory (the add-on
// opens team trackers read-only, and nothing here saves them).
import type { WorkbookSnapshot } from "../snapshot";
import type { Book } from "./book";
import { bookFromSnapshot } from "./book-snapshot";
import { FACES } from "./faces";
import type { Ctx } from "./model";
import { scopeError } from "./scopes";

export type OtherWorkbook = WorkbookSnapshot | "denied";
/** Looks a reference (an ID, or a path offline) up; undefined = no such spreadsheet. */
export type WorkbookRegistry = (ref: string) => OtherWorkbook | undefined;

// What Apps Script says for each case (the add-on tells them apart by these words).
export const OPEN_ERRORS = {
  missing: (method: string) => `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
  denied: "You do not have permission to access the requested document.",
  badUrl: "Invalid argument: url",
  scope: (method: string) => scopeError("SpreadsheetApp", method, FULL_SCOPE).message,
};

const FULL_SCOPE = "https://www.googleapis.com/auth/spreadsheets";

export class OtherBooks {
  private readonly open = new Map<string, { book: Book; execution: number }>();
  constructor(
    private readonly ctx: Ctx,
    private readonly registry: WorkbookRegistry | undefined,
    /** The manifest's scopes; undefined = not enforced. Without `spreadsheets` no other workbook opens. */
    private readonly scopes: string[] | undefined,
    /** The add-on execution running now: a book is opened again by the next one, as Google's openById reads it then. */
    private readonly execution: () => number = () => 0,
  ) {}

  /** The spreadsheet ID in a Sheets URL, or null. */
  static idFromUrl(url: string): string | null {
    const m = /\/spreadsheets\/d\/([^/?#]+)/.exec(url);
    return m ? decodeURIComponent(m[1]) : null;
  }

  checkScope(method: string): void {
    if (this.scopes && !this.scopes.includes(FULL_SCOPE)) throw new Error(OPEN_ERRORS.scope(method));
  }

  /**
   * The Book for a reference, opened once per execution: a later execution (next week's refresh) sees the
   * tracker as it is then, where one opened once per services instance kept it as first opened.
   */
  book(ref: string, method: string): Book {
    const cached = this.open.get(ref);
    if (cached && cached.execution === this.execution()) return cached.book;
    const found = this.registry ? this.registry(ref) : undefined;
    if (found === undefined) throw new Error(OPEN_ERRORS.missing(method));
    if (found === "denied") throw new Error(OPEN_ERRORS.denied);
    const book = bookFromSnapshot(JSON.parse(JSON.stringify(found)) as WorkbookSnapshot, this.ctx, FACES);
    this.open.set(ref, { book, execution: this.execution() });
    return book;
  }
}
