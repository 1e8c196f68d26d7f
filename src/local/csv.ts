// Reading the CSV files the command line takes (OKR import, batch check-ins).
import { FIX_FIELDS_MESSAGE } from "../core/messages";
import Papa from "papaparse";

/**
 * The field separator: the one the header line has most of outside quotes, a comma on a tie. A European Excel saves "CSV" with semicolons (the comma being its decimal separator); Excel's
 * "Text (Tab delimited)" and a range copied out of Sheets into a text file have tabs (until session 17 such a
 * file was refused as having no header row).
 */
export function delimiterOf(csv: string): "," | ";" | "\t" {
  // The header line: a title line above it ("Q3 OKRs", no separator) says nothing of them. It names key_result
  // (the import's required column) or kr_id (the check-ins'); without either, the first non-blank line.
  const lines = csv.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).filter((l) => l.trim() !== "").slice(0, 10);
  const header = lines.find((l) => /key[\s_-]*result|kr[\s_-]*id/i.test(l)) ?? lines[0] ?? "";
  const outside = header.replace(/"[^"]*"/g, "");
  const count = (c: string) => outside.split(c).length - 1;
  return ([";", "\t"] as const).reduce<"," | ";" | "\t">((best, c) => (count(c) > count(best) ? c : best), ",");
}

export interface CsvError {
  /** The row's index + 1 (batchRows turns it into the file's line). */
  row: number;
  message: string;
}

/**
 * Rows of cells (blank lines kept, so that index + 1 is the file's line for single-line cells). `error`
 * is the first malformed row; `errors` all of them, so that a batch can report them with its other
 * problems in one run.
 */
export function parseCsv(csv: string): { rows: string[][]; error: CsvError | null; errors: CsvError[]; lines: number[] } {
  const text = csv.replace(/^\uFEFF/, "");
  // Excel's "sep=;" first line names the separator; it is read as a blank line (skipped, lines kept).
  const sep = /^sep=([,;\t|])[ \t]*(?:\r\n|\r|\n|$)/i.exec(text);
  const parsed = Papa.parse<string[]>(sep ? text.slice(sep[0].length) : text, { skipEmptyLines: false, delimiter: sep ? sep[1] : delimiterOf(text) });
  if (sep) {
    parsed.data.unshift([""]);
    for (const e of parsed.errors) if (e.row !== undefined) e.row++;
  }
  // The file line each row starts on: a quoted cell with line breaks (Alt+Enter in Excel) makes its row
  // span several lines, and a message must name the line the person sees in an editor.
  const lines: number[] = [];
  let line = 1;
  for (const r of parsed.data) {
    lines.push(line);
    line += 1 + r.reduce((n, c) => n + (String(c).match(/\r\n|\r|\n/g) || []).length, 0);
  }
  const errors = parsed.errors.filter((e) => e.type !== "Delimiter").map((e) => ({ row: (e.row ?? 0) + 1, message: e.message }));
  return { rows: parsed.data, error: errors[0] ?? null, errors, lines };
}

/** A header cell as a column key: case-insensitive, spaces and dashes as "_" ("What changed" = what_changed). */
export function columnKey(v: string): string {
  return String(v ?? "").replace(/^\ufeff/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** A refusal's field errors named as the person can act on them (a flag, a CSV column), never `krId`. */
export function refusalText(r: { message?: string; fieldErrors?: Record<string, string> }, names: Record<string, string>): string {
  const fields = Object.entries(r.fieldErrors || {});
  // The field list only replaces the sidebar's generic "fix the fields" line; a message of its own (who
  // owns the KR, say) says more than its field's short note.
  if (!fields.length || (r.message && r.message !== FIX_FIELDS_MESSAGE)) return String(r.message || "Refused.");
  const parts = fields.map(([k, v]) => `${names[k] || k}: ${v}`);
  return `Nothing was saved. ${parts.join(" ")}`.replace(/\s+/g, " ").trim();
}

/**
 * The CSV's text: UTF-8 only (a BOM is allowed), so that no character is silently replaced. A refusal
 * (an Error: the command's one line, exit 1) ends with `again`, what to do once the file is saved right.
 */
export function csvText(path: string, bytes: Buffer, again = "import again"): string {
  // A zip: a workbook given where the CSV goes (the arguments swapped, or the .xlsx not exported).
  if (bytes.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1"))) {
    throw new Error(`${path}: is a workbook (.xlsx), not a CSV file; save its tab as "CSV UTF-8" and ${again}.`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new Error(`${path}: is UTF-16 text; save it as "CSV UTF-8" and ${again}.`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder("utf-8").decode(bytes);
    const line = loose.slice(0, loose.indexOf("\ufffd")).split("\n").length;
    throw new Error(`${path}: is not UTF-8 text (row ${line}); save it as "CSV UTF-8" and ${again}.`);
  }
}
