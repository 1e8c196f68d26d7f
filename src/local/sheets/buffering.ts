// Sheets buffers an execution's writes: another execution sees them only after SpreadsheetApp.flush() or
// the writer's end. Apps Script code that releases the document lock before flushing lets the next
// execution, reading under that lock, see stale rows (row counts, the log tail, resend detection).
//
// The offline spreadsheet holds one state, so it cannot show the stale one. It does the next best thing:
// an execution that reads the spreadsheet while holding the document lock, when another execution has
// unflushed writes, fails with an error saying so. A test that would read stale data on Google fails here.
// Writes made outside any execution (a test typing into cells, like a person) are committed at once.

// createDeveloperMetadataFinder makes a query, not a change.
const WRITE = /^(set|insert|delete|clear|append|add|remove|hide|show|protect|sort|copy|move|merge|break|autoResize|duplicate|create(?!DeveloperMetadataFinder)|trim|randomize|shift|collapse|expand|unhide)/;
const DATA_KINDS = new Set(["Spreadsheet", "Sheet", "Range", "RangeList", "Protection", "NamedRange", "DeveloperMetadata", "DeveloperMetadataFinder"]);

export const STALE_READ =
  "Offline spreadsheet: this execution reads under the document lock while another execution's writes are not flushed; " +
  "Google would show it stale data. Call SpreadsheetApp.flush() before releasing the lock.";

/** Whether a counted call ("Range.setValues") is a write Sheets buffers until a flush or the execution's end. */
export function isBufferedWrite(name: string): boolean {
  const dot = name.indexOf(".");
  return DATA_KINDS.has(name.slice(0, dot)) && WRITE.test(name.slice(dot + 1));
}

export class WriteBuffer {
  /** Executions with writes not yet flushed. */
  private readonly dirty = new Set<number>();
  constructor(
    private readonly execution: () => number,
    private readonly holdsDocumentLock: (execution: number) => boolean,
  ) {}

  /** Called before each counted service call ("Range.setValues"). */
  onCall(name: string): void {
    const me = this.execution();
    if (me <= 0) return;
    if (name === "SpreadsheetApp.flush") {
      this.dirty.delete(me);
      return;
    }
    if (isBufferedWrite(name)) {
      this.dirty.add(me);
      return;
    }
    if (!DATA_KINDS.has(name.slice(0, name.indexOf(".")))) return;
    if (!this.holdsDocumentLock(me)) return;
    for (const other of this.dirty) if (other !== me) throw new Error(STALE_READ);
  }

  /** An execution's end commits its writes. */
  end(execution: number): void {
    this.dirty.delete(execution);
  }
}
