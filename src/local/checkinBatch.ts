// `okr-sheets checkin FILE --from checkins.csv`: many check-ins at once, all or nothing.
// Each row goes through the sidebar's entry point as its own check-in, in file order, on one workbook
// in memory; the file is saved only when every row was accepted, so a refusal leaves it untouched.
import { valueWithUnit } from "../core/valueDigits";
import { krValueText } from "../core/forecast";
import { randomUUID } from "node:crypto";
import { dateRefusal, unambiguousDate } from "../core/dates";
import { columnKey, parseCsv, refusalText } from "./csv";
import { callAddon, clockFor, openWorkbook, type Workbook } from "./runtime";
import { readTab } from "./showTab";
import { dayIn } from "./cachedValues";
import { noSuchKrMessage } from "../core/messages";
import { ownersOf } from "../core/owners";
import { numberStyleFor, fixedText } from "../core/numbers";

export const BATCH_COLUMNS = ["kr_id", "value", "confidence", "what_changed", "blockers", "next_step", "as", "at"] as const;
type Column = (typeof BATCH_COLUMNS)[number];

/** The CSV's column for each field of a check-in, as refusals name it. */
const COLUMN_OF: Record<string, string> = {
  krId: "kr_id", value: "value", confidence: "confidence", whatChanged: "what_changed",
  blockers: "blockers", nextStep: "next_step", as: "as",
};

export interface BatchRow {
  line: number;
  cells: Partial<Record<Column, string>>;
}

/** A refused row: its line and why (without the "row N: " prefix). */
export interface RowProblem {
  line: number;
  text: string;
}

/**
 * The CSV's check-in rows that can be run, and the rows that cannot (a malformed quote, too many cells,
 * an empty kr_id or value, a bad date), each with its line; or, when the file as a whole cannot be read
 * (no header, unknown or missing columns), why. Row problems do not stop the other rows from being
 * checked, so that one run reports every mistake of the file.
 */
export function batchRows(csv: string): { rows: BatchRow[]; problems: RowProblem[] } | { fatal: string[] } {
  const { rows, errors, lines } = parseCsv(csv);
  const lineOf = (i: number) => lines[i] ?? i + 1;
  const filled = (r: string[]) => r.some((c) => String(c).trim() !== "");
  const headerAt = rows.findIndex(filled);
  const problems: RowProblem[] = errors.map((e) => ({ line: lineOf(e.row - 1), text: `${e.message}.` }));
  if (headerAt < 0) return { fatal: ["the file is empty (it needs a header row and check-in rows)."] };
  if (problems.some((p) => p.line === lineOf(headerAt))) return { fatal: problems.map((p) => `row ${p.line}: ${p.text}`) };
  const keys = rows[headerAt].map(columnKey);
  const fatal: string[] = [];
  const unknown = keys.filter((k) => k && (BATCH_COLUMNS as readonly string[]).indexOf(k) < 0);
  if (unknown.length) fatal.push(`unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")} (the columns are ${BATCH_COLUMNS.join(", ")}).`);
  for (const need of ["kr_id", "value"]) if (keys.indexOf(need) < 0) fatal.push(`the header has no "${need}" column.`);
  const twice = keys.filter((k, i) => k && keys.indexOf(k) !== i);
  if (twice.length) fatal.push(`column "${twice[0]}" is given twice.`);
  if (fatal.length) return { fatal };
  const out: BatchRow[] = [];
  const malformed = new Set(problems.map((p) => p.line));
  rows.forEach((r, i) => {
    const line = lineOf(i);
    if (i <= headerAt || !filled(r) || malformed.has(line)) return;
    const bad = (text: string) => problems.push({ line, text });
    if (r.slice(keys.length).some((c) => String(c).trim() !== "")) {
      bad(`${r.length} cells but the header has ${keys.length} (put cells containing the separator in double quotes).`);
      return;
    }
    const cells: Partial<Record<Column, string>> = {};
    keys.forEach((k, j) => {
      if (k) cells[k as Column] = String(r[j] ?? "").trim();
    });
    const before = problems.length;
    if (!cells.kr_id) bad("kr_id is empty.");
    if (!cells.value) bad("value is empty.");
    if (cells.at) {
      // The forms a European or Japanese Excel saves that cannot be read two ways (13.01.2026, 2026/01/13). A time
      // after the day (a Google Form's Timestamp, a date-time cell: "13.01.2026 09:30:15") is left out: a
      // check-in is dated by its day (until session 17 the row was refused as "not a date").
      const day = cells.at.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s*[AP]M)?$/i, "");
      const iso = unambiguousDate(day);
      if (iso) cells.at = iso;
      else bad(`at "${cells.at}" is not a date okr-sheets can read: ${dateRefusal(day)}.`);
    }
    if (problems.length === before) out.push({ line, cells });
  });
  if (!out.length && !problems.length) return { fatal: ["no check-in rows under the header."] };
  return { rows: out, problems };
}

/**
 * The add-on says "Today (D) is outside the cycle" (in Sheets the day is always today); offline the day
 * may come from --at or a row's `at`, so the refusal names that, the thing to change.
 */
export function dayFrom(message: string, source: "--at" | "at" | null): string {
  return source ? message.replace(/^Today \((\d{4}-\d{2}-\d{2})\) is outside the cycle/, `${source} $1 is outside the cycle`) : message;
}

/**
 * Whom the check-in commands act as without `as`: the KR's first owner as the add-on reads its Owner cell
 * (core/owners.ts), "" when the cell names nobody, null when there is no such KR. Until session 19 the cell
 * whole, blank by trim(): a zero-width space passed as an owner ("O1.KR1 belongs to ​; …"), and co-owners
 * ("anna@…, bo@…") were sent as one person the cell does not name, refused as someone else's KR.
 */
export function ownerOf(wb: Workbook, krId: string): string | null {
  const row = readTab(wb, "Key Results", false).rows.find((r) => String(r["ID"]).trim().toLowerCase() === krId.trim().toLowerCase());
  return row ? (ownersOf(row["Owner"])[0]?.text ?? "") : null;
}

/**
 * The confidence a check-in given none keeps: the KR's last, as the sidebar shows it to `as` (5 when it has
 * none). `checkin` and `checkin --from` both ask it this way.
 */
export function lastConfidence(wb: Workbook, krId: string, as: string | undefined): string {
  const view = callAddon(wb, "getSidebarData", as ? { as } : {});
  const k = view.ok ? view.krs.find((x: { id: string }) => x.id.toLowerCase() === krId.trim().toLowerCase()) : null;
  return k && k.confidence !== "" ? String(k.confidence) : "5";
}

/** The check-in's answer's KR (server/checkinSidebar.ts sidebarKr): start and target "" when blank. */
interface CheckedInKr {
  id: string;
  current: number | string;
  start?: number | string;
  target?: number | string;
  score: number | null;
  status: string;
  percentCells?: true;
  unit?: string;
  lastCheckin?: string;
}

/** A check-in the add-on saved: its answer's KR, the day it was dated (--at or the row's `at`), its request ID. */
export interface SavedCheckin {
  kr: CheckedInKr;
  day?: string;
  requestId: string;
}

/**
 * The line each saved check-in prints, its numbers in the tracker's decimal separator as `show` and the
 * tabs' own sentences write them ("value 8,5, score 0,29" in de_DE), not JavaScript's ".". The value at
 * the KR's decimals (valueDigits), as the summary and the sidebar's line write it: until session 14 it was
 * String(value), "5e-7" for a value under 1e-6 and 85.125 where the summary says 85.13.
 */
export function checkedInLines(wb: Workbook, saved: readonly SavedCheckin[]): string[] {
  const sep = numberStyleFor(wb.services.spreadsheet.getSpreadsheetLocale());
  const num = (v: unknown) => (typeof v === "number" && isFinite(v) ? v : null);
  // Each caught-up check-in's value, by its request ID, from one read of the log for them all: until session 22
  // the log was read again for each, and its last row taken for the one just saved.
  let logged: Map<string, unknown> | null = null;
  const valueOf = (requestId: string) => {
    logged ??= new Map(readTab(wb, "Check-ins", false).rows.map((r) => [String(r["Request ID"]), r["Value"]]));
    return logged.get(requestId) ?? "";
  };
  return saved.map(({ kr, day, requestId }) => {
    // A % KR whose cells hold fractions (typed 82%) is shown as its cells show it: 92%, not 0.92.
    // In the KR's unit, as the summary and the sidebar write it (since session 18): "8.5 days", "4.2%", "$13.70".
    const valueText = (v: unknown): string => {
      const n = num(v);
      if (n === null) return String(v);
      return valueWithUnit(krValueText({ start: num(kr.start), target: num(kr.target), percentCells: !!kr.percentCells }, n, sep), kr.percentCells ? "%" : kr.unit, sep);
    };
    const score = kr.score === null ? "—" : fixedText(kr.score, 2, sep);
    const now = `value ${valueText(kr.current)}, score ${score}, ${kr.status}.`;
    // Dated before the KR's latest check-in (a missed week caught up), it joins the log and Current stays the
    // later one's (docs/checkins.md#current-follows-the-latest-date): the line says both, where it gave the later
    // value as if it were the one typed (session 21).
    if (day && kr.lastCheckin && day < kr.lastCheckin) {
      return `Checked in ${kr.id} for ${day}: value ${valueText(valueOf(requestId))}. Its check-in of ${kr.lastCheckin} is later and stays Current: ${now}`;
    }
    return `Checked in ${kr.id}: ${now}`;
  });
}

export interface BatchOptions {
  at?: string;
  /** --at was given (not only the command's default today), so a refusal of its day names it. */
  atGiven?: boolean;
  confirm: boolean;
}

const MAX_REPORTED = 20;

/** Runs every row; returns one line per saved check-in. Throws (nothing saved) if any row is refused. */
export async function checkinBatch(file: string, csvName: string, csv: string, opts: BatchOptions): Promise<{ lines: string[]; notice: string | null }> {
  const parsed = batchRows(csv);
  if ("fatal" in parsed) throw new Error(`${csvName}: nothing was checked in. ${parsed.fatal.slice(0, MAX_REPORTED).join(" ")}`);
  const wb = await openWorkbook(file, { at: opts.at, user: null });
  // A row dated after the day the batch runs would become its KR's latest check-in ahead of time, and every real
  // check-in until that day would only join the log (Current follows the latest date): a mistyped day.
  const today = opts.at || dayIn(Date.now(), wb.services.spreadsheet.getSpreadsheetTimeZone());
  // Rows the CSV already refused are reported with the add-on's refusals of the others, in line order.
  const problems: RowProblem[] = [...parsed.problems];
  const refuse = (line: number, text: string) => problems.push({ line, text });
  const done: SavedCheckin[] = [];
  let notice: string | null = null;
  for (const { line, cells } of parsed.rows) {
    const krId = cells.kr_id!;
    if (cells.at && cells.at > today) {
      refuse(line, `at ${cells.at} is after ${opts.atGiven ? `--at ${today}` : `today (${today})`}: a check-in cannot be dated after the day it is made; correct the day${opts.atGiven ? "" : " (or give --at)"}.`);
      continue;
    }
    wb.services.clock.set(clockFor(cells.at || opts.at, wb.services.spreadsheet.getSpreadsheetTimeZone()));
    wb.services.session.setUser(cells.as || null);
    let chosen: string | undefined;
    if (!cells.as) {
      const owner = ownerOf(wb, krId);
      if (owner === null) { refuse(line, noSuchKrMessage(krId)); continue; }
      if (!owner) { refuse(line, `${krId} has no owner yet: fill in its Owner, or give an admin's email in "as".`); continue; }
      chosen = owner;
    }
    const confidence = cells.confidence || lastConfidence(wb, krId, chosen);
    const req: Record<string, unknown> = {
      requestId: randomUUID(), krId, value: cells.value, confidence,
      whatChanged: cells.what_changed ?? "", blockers: cells.blockers ?? "", nextStep: cells.next_step ?? "",
    };
    if (chosen) req.as = chosen;
    if (opts.confirm) req.confirmed = true;
    const r = callAddon(wb, "submitCheckin", req);
    if (!r.ok) {
      const text = r.confirm ? `${r.message} (add --confirm to save it)` : refusalText(r, COLUMN_OF).replace(/^Nothing was saved\. /, "");
      refuse(line, dayFrom(text, cells.at ? "at" : opts.atGiven ? "--at" : null));
      continue;
    }
    done.push({ kr: r.kr, day: cells.at || opts.at, requestId: req.requestId as string });
    // After the cycle was closed every row is saved and says so: said once, after the rows.
    if (typeof r.notice === "string") notice = r.notice;
  }
  if (problems.length) {
    const listed = problems.sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED).map((p) => `row ${p.line}: ${p.text}`);
    const more = problems.length > MAX_REPORTED ? ` (and ${problems.length - MAX_REPORTED} more)` : "";
    throw new Error(`${csvName}: nothing was checked in. ${listed.join(" ")}${more}`);
  }
  await wb.save();
  return { lines: checkedInLines(wb, done), notice };
}
