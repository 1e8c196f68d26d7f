// Whether setup wrote anything. Repair over a healthy tracker writes nothing, and then has nothing for
// SpreadsheetApp.flush() to commit before the document lock is released: the flush is skipped (priced at
// 0.6 s on a busy day by bench/costModel.ts, the largest single call Repair made; docs/workbook.md, *Only
// what is wrong is written*). Every write setup and Repair make notes itself here, next to the call; a
// write that did not would go unflushed until the execution ends (test/server/repairFlush.test.ts runs
// Repair over each kind of damage and fails when a write is not followed by a flush).
//
// A count, not a flag, compared before and after a run: Apps Script starts every execution with fresh
// globals (so does the offline spreadsheet), and a count read twice needs no reset.
let writes = 0;

/** Notes that the caller is about to write to the spreadsheet (a value, a format, a rule, a protection, a tab). */
export function noteWrite(): void {
  writes++;
}

/** The writes noted so far in this execution. */
export function writesNoted(): number {
  return writes;
}
