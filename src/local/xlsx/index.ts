// WorkbookSnapshot <-> .xlsx. The file is a normal workbook Excel, LibreOffice and Google Sheets open
// (values, cached formula results, formats, conditional formats, validations, notes, named ranges); what
// xlsx has no notion of (warning-only protections, document properties, triggers, locale, time zone, the
// spreadsheet id, exact pixel widths, exact rule lists) rides along as JSON in a very hidden sheet named
// `_okr_local`, which never shows up among the snapshot's sheets. A tab name Excel refuses (over 31
// characters, or with : \ / ? * [ ] or an apostrophe at an end) is written as one it takes, its own kept
// there too (sheetNames.ts).
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { writeKeepingFile } from "../safeWrite";
import type { WorkbookSnapshot } from "../snapshot";
import { readWorkbookAndValues } from "./read";
import type { SavedValues } from "../cachedValues";
import { snapshotToXlsx } from "./write";

export { toXlsxFormula, fromXlsxFormula } from "./formulas";
export { METADATA_SHEET } from "./shared";
export { xlsxToSnapshot } from "./read";
export { snapshotToXlsx } from "./write";

// Files

/** Writes the workbook to `file`: atomically, keeping links, mode and owner (see safeWrite.ts). */
export async function saveXlsx(file: string, s: WorkbookSnapshot, opts: { valuesAsOf?: string } = {}): Promise<void> {
  await writeKeepingFile(file, await snapshotToXlsx(s, opts));
}

/** Reads a workbook file; a missing file or a file that is not an xlsx gives an Error naming the file. */
export async function loadXlsx(file: string): Promise<WorkbookSnapshot> {
  return (await loadXlsxAndValues(file)).snapshot;
}

/** loadXlsx, with the file's record of saved formula results when okr-sheets saved it (cachedValues.ts). */
export async function loadXlsxAndValues(file: string): Promise<{ snapshot: WorkbookSnapshot; values?: SavedValues }> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`${file}: no such file`);
    if (code === "EISDIR") throw new Error(`${file}: is a directory, not an .xlsx file`);
    throw new Error(`${file}: cannot read (${(e as Error).message})`);
  }
  try {
    return await readWorkbookAndValues(buf, path.basename(file).replace(/\.xlsx$/i, ""));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------------
