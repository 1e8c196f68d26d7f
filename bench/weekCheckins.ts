// A week of check-ins for the bench's "summary of a week with check-ins": one check-in per KR, dated in the
// week before the summary's day, as a team where everyone checks in weekly would leave the tracker. The
// cells are the ones src/server/checkin.ts writes for each check-in (the log row it appends; the KR row's
// Current, Confidence and Last check-in; its Request IDs and forecast cells), written through the offline
// spreadsheet's API, not through submitCheckin: 1,200 add-on calls would take minutes. The Settings
// "Check-in rows (computed)" cell is a COUNTA formula over the log, so it follows the new rows (checked).
// bench/tier.ts compares the result with submitCheckin's, cell for cell, on the small tier and on VERIFY.
import { addDays, dayNumber, inCycle, serialFromIso, weekdayName, weekNumber } from "../src/core/dates";
import { NOT_ENOUGH } from "../src/core/forecast";
import type { KeyResult, Settings } from "../src/core/model";
import { parseKrValue } from "../src/core/numbers";
import { CHECKIN_HEADERS, computedLabel, KR_FORECAST_HEADERS, TAB } from "../src/core/tabs";
import { cycleOf, rng, valueAt, type KrRow, type TrackerSpec } from "../src/local/generate/okrs";
import { callAddon, type Workbook } from "../src/local/runtime";
import { formatJavaDate, msFromSerialTz } from "../src/local/sheets/time";
// How many log rows a check-in reads (its forecast's check-ins).
import { LOG_TAIL } from "../src/server/checkinLog";
// The check-in's own computation of a KR's Request IDs cell and forecast cells (kept when the tail has too few points).
import { requestIdsCell } from "../src/server/krRow";
import { checkinForecast } from "../src/server/forecastCells";
import type { Table } from "../src/server/table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const CHANGES = ["Numbers updated after the weekly review", "Second line live since Tuesday", "", "Fixed the data feed; figure restated", "Hired the analyst we were waiting for", "Vendor delivered late; caught up"];
const BLOCKERS = ["", "", "", "", "Waiting for the budget sign-off", "IT ticket still open", ""];
const NEXT = ["Review with the team on Monday", "", "Roll out to the second site", "Automate the report", "Close the open actions"];

/** asText in src/server/env.ts: literal text (an apostrophe in front), "" stays blank. */
const asText = (s: string) => (s === "" ? "" : "'" + s);

/** A request ID shaped as the sidebar's (crypto.randomUUID), from the seeded generator. */
function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function headerIndex(headers: unknown[], names: readonly string[], tab: string): Record<string, number> {
  const h = headers.map((x) => String(x ?? ""));
  const out: Record<string, number> = {};
  for (const n of names) {
    out[n] = h.indexOf(n);
    if (out[n] < 0) throw new Error(`bench: ${tab} has no column ${n}`);
  }
  return out;
}

/** The Settings "Check-in rows (computed)" value: the log's row count as every check-in locates its tail. */
function computedLogRows(book: Spreadsheet): number {
  const label = computedLabel("CheckinRows");
  const row = book.getSheetByName(TAB.settings)!.getDataRange().getValues().find((r) => r[0] === label);
  if (!row || typeof row[1] !== "number") throw new Error(`bench: Settings has no "${label}" number`);
  return row[1];
}

interface TailEntry {
  krId: string;
  date: string;
  value: unknown;
}

/** The KR's value this week, near its own trajectory: the pace its latest check-in shows (valueAt's model). */
function nextValue(kr: KrRow, current: unknown, lastDay: string, day: string, cycle: { start: string; weeks: number }, rand: () => number): number {
  const frac = (d: string) => (dayNumber(d) - dayNumber(cycle.start)) / (cycle.weeks * 7);
  let pace = 0.5 + rand() * 0.9; // the generator's range
  if (typeof current === "number" && frac(lastDay) > 0 && kr.target !== kr.start) {
    pace = Math.min(1.4, Math.max(0.5, (current - kr.start) / ((kr.target - kr.start) * frac(lastDay))));
  }
  return valueAt(kr, frac(day), pace, rand);
}

/** One check-in as the sidebar would send it, by the KR's owner at `now`. */
export interface PlannedCheckin {
  kr: KrRow;
  day: string;
  now: Date;
  value: number;
  confidence: number;
  whatChanged: string;
  blockers: string;
  nextStep: string;
  requestId: string;
}

interface Tabs {
  book: Spreadsheet;
  tz: string;
  krSheet: Sheet;
  krValues: unknown[][];
  /** The Key Results tab as the server's helpers read it (headers and rows; nothing is written through it). */
  krTable: Table;
  kc: Record<string, number>;
  krRowOf: Map<string, number>;
  log: Sheet;
  lc: Record<string, number>;
  width: number;
}

function tabsOf(wb: Workbook): Tabs {
  const book = wb.services.spreadsheet as unknown as Spreadsheet;
  const krSheet = book.getSheetByName(TAB.keyResults)!;
  const krValues = krSheet.getDataRange().getValues();
  const hr = krValues.findIndex((r) => r[0] === "ID" && r.includes("Current"));
  const kc = headerIndex(krValues[hr], ["ID", "Current", "Confidence", "Last check-in", "Request IDs", ...KR_FORECAST_HEADERS], TAB.keyResults);
  const krRowOf = new Map(krValues.slice(hr + 1).map((r, i) => [String(r[kc.ID]), hr + 2 + i] as const));
  const log = book.getSheetByName(TAB.checkins)!;
  const lc = headerIndex(log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0], CHECKIN_HEADERS, TAB.checkins);
  const krTable = { sheet: krSheet, name: TAB.keyResults, headerRow: hr + 1, headers: krValues[hr].map((h) => String(h ?? "")), rows: krValues.slice(hr + 1), width: krValues[hr].length };
  return { book, tz: book.getSpreadsheetTimeZone(), krSheet, krValues, krTable, kc, krRowOf, log, lc, width: Math.max(...Object.values(lc)) + 1 };
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** The log's last LOG_TAIL rows as a check-in reads them (checkinLog.ts readLogTail), and the log's row count. */
function readTail(t: Tabs): { rows: number; tail: TailEntry[] } {
  const rows = computedLogRows(t.book);
  if (rows !== t.log.getLastRow() - 1) throw new Error(`bench: Settings counts ${rows} log rows, the log has ${t.log.getLastRow() - 1}`);
  const first = Math.max(2, rows + 1 - LOG_TAIL + 1);
  const dayOf = (v: unknown) => (isDate(v) ? formatJavaDate(v.getTime(), t.tz, "yyyy-MM-dd") : "");
  const tail = t.log
    .getRange(first, 1, rows + 1 - first + 1, t.width)
    .getValues()
    .map((r) => ({ krId: String(r[t.lc["KR ID"]] ?? ""), date: dayOf(r[t.lc.Timestamp]), value: r[t.lc.Value] }));
  return { rows, tail };
}

/**
 * One check-in per KR, each by its owner on a working day of the 7 days before `asOf` (after every
 * check-in already in the log), in time order; values near each KR's own trajectory.
 */
export function planWeekOfCheckins(wb: Workbook, spec: TrackerSpec, krs: KrRow[], asOf: string): PlannedCheckin[] {
  const t = tabsOf(wb);
  const { start, weeks } = cycleOf(spec);
  const rand = rng(0x3eec + krs.length);
  const latestLogged = readTail(t).tail.reduce((d, e) => (e.date > d ? e.date : d), "");
  // A check-in outside the cycle is refused (checkin.ts), so only the cycle's days.
  const days = Array.from({ length: 6 }, (_, i) => addDays(asOf, i - 6)).filter((d) => d > latestLogged && inCycle(d, start, weeks) && !["Saturday", "Sunday"].includes(weekdayName(d)));
  if (!days.length) throw new Error(`bench: no working day for a week of check-ins before ${asOf}`);
  return krs
    .map((kr) => {
      const day = days[Math.floor(rand() * days.length)];
      const seconds = 8 * 3600 + Math.floor(rand() * 10 * 3600);
      return { kr, day, serial: serialFromIso(day) + seconds / 86400 };
    })
    .sort((a, b) => a.serial - b.serial)
    .map(({ kr, day, serial }, i) => {
      const row = t.krRowOf.get(kr.id);
      if (!row) throw new Error(`bench: ${kr.id} is not on the Key Results tab`);
      const cells = t.krValues[row - 1];
      const last = cells[t.kc["Last check-in"]];
      const lastDay = isDate(last) ? formatJavaDate(last.getTime(), t.tz, "yyyy-MM-dd") : start;
      const parsed = parseKrValue(String(nextValue(kr, cells[t.kc.Current], lastDay, day, { start, weeks }, rand)), "en_US", kr.unit);
      if (!parsed.ok) throw new Error(`bench: ${kr.id}'s value does not parse: ${parsed.message}`);
      const was = cells[t.kc.Confidence];
      return {
        kr,
        day,
        now: new Date(msFromSerialTz(serial, t.tz)),
        value: parsed.value,
        confidence: typeof was === "number" ? Math.min(10, Math.max(1, was + Math.floor(rand() * 3) - 1)) : 1 + Math.floor(rand() * 10),
        whatChanged: CHANGES[i % CHANGES.length],
        blockers: BLOCKERS[i % BLOCKERS.length],
        nextStep: NEXT[i % NEXT.length],
        requestId: uuid(rand),
      };
    });
}

/**
 * Writes the check-ins as submitCheckin would have: each its log row (checkin.ts appendRow), its KR's
 * Current, Confidence and Last check-in (writeKrCheckin), and its KR's Request IDs and forecast (krRow.ts
 * requestIdsCell, forecastCells.ts checkinForecast), each forecast from the log's tail as that check-in
 * found it. Every check-in here is its KR's latest (the plan dates them after the log), and each KR has
 * one, so every cell is written once and the cells end as one check-in after another leaves them; they
 * are written in blocks (one write per KR and check-in took 20 s at 1,200 KRs: each recalculates the sheet).
 */
export function writeCheckins(wb: Workbook, spec: TrackerSpec, planned: PlannedCheckin[]): { logRows: number; kept: number } {
  const t = tabsOf(wb);
  const { start, weeks } = cycleOf(spec);
  const { kc, lc } = t;
  const read = readTail(t);
  const tail = read.tail;
  const lines: unknown[][] = [];
  const krCells = new Map<number, { column: number; value: unknown }[]>();
  let kept = 0;
  for (const c of planned) {
    const row = t.krRowOf.get(c.kr.id)!;
    if (krCells.has(row)) throw new Error(`bench: two check-ins planned for ${c.kr.id}`);
    const line: unknown[] = new Array(t.width).fill("");
    line[lc.Timestamp] = c.now;
    line[lc.Week] = weekNumber(c.day, start);
    line[lc["KR ID"]] = asText(c.kr.id);
    line[lc.Value] = c.value;
    line[lc.Confidence] = c.confidence;
    line[lc["What changed"]] = asText(c.whatChanged);
    line[lc.Blockers] = asText(c.blockers);
    line[lc["Next step"]] = asText(c.nextStep);
    line[lc.Author] = asText(c.kr.owner);
    line[lc["Request ID"]] = c.requestId;

    const entries = tail
      .map((e, j) => ({ ...e, row: j }))
      .filter((e) => e.krId === c.kr.id && e.date !== "" && typeof e.value === "number" && isFinite(e.value))
      .map((e) => ({ date: e.date, value: e.value as number, row: e.row }))
      .concat([{ date: c.day, value: c.value, row: Number.MAX_SAFE_INTEGER }]);
    // As submitCheckin calls them: its KR (only metric, start, target and row are read), the cycle, and
    // whether the log (as Settings counted it before this check-in's row) fits in the tail.
    const kr = { ...c.kr, row } as unknown as KeyResult;
    const settings = { startDate: start, weeks } as Settings;
    const logComplete = read.rows + lines.length < LOG_TAIL;
    const fc = checkinForecast(t.krTable, kr, entries, settings, c.day, logComplete);
    const ids = requestIdsCell(t.krTable, row, c.requestId);
    if (!fc || !ids) throw new Error("bench: the Key Results tab has no forecast or Request IDs columns");
    // Counted for the verification (bench/tier.ts): a check-in whose forecast cells stay as they were.
    if (!logComplete && checkinForecast(t.krTable, kr, entries, settings, c.day, true)!.cells[0] === NOT_ENOUGH) kept++;
    krCells.set(row, [
      { column: kc.Current, value: c.value },
      { column: kc.Confidence, value: c.confidence },
      { column: kc["Last check-in"], value: c.now },
      ids,
      ...fc.columns.map((column, j) => ({ column, value: fc.cells[j] })),
    ]);
    lines.push(line);
    tail.push({ krId: c.kr.id, date: c.day, value: c.value });
    if (tail.length > LOG_TAIL) tail.shift();
  }

  // The log: appendRow grows the grid by the row it needs, formatted as the row above (the same for all).
  const first = t.log.getLastRow() + 1;
  const grow = first + lines.length - 1 - t.log.getMaxRows();
  if (grow > 0) t.log.insertRowsAfter(t.log.getMaxRows(), grow);
  if (lines.length) t.log.getRange(first, 1, lines.length, t.width).setValues(lines);
  writeBlocks(t.krSheet, krCells);

  const after = computedLogRows(t.book);
  if (after !== read.rows + planned.length) throw new Error(`bench: Settings counts ${after} log rows after adding ${planned.length} to ${read.rows}`);
  return { logRows: read.rows, kept };
}

/**
 * Rows' cells (0-based columns), written as forecastCells.ts writeRowCells writes a row's (one write per run
 * of adjacent columns), for runs of adjacent rows at once.
 */
function writeBlocks(sheet: Sheet, byRow: Map<number, { column: number; value: unknown }[]>): void {
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const columns = [...new Set([...byRow.values()].flatMap((cells) => cells.map((c) => c.column)))].sort((a, b) => a - b);
  for (const row of rows) {
    if (byRow.get(row)!.length !== columns.length) throw new Error("bench: KR rows written with different columns");
  }
  for (let r = 0; r < rows.length; ) {
    let r2 = r + 1;
    while (r2 < rows.length && rows[r2] === rows[r2 - 1] + 1) r2++;
    for (let c = 0; c < columns.length; ) {
      let c2 = c + 1;
      while (c2 < columns.length && columns[c2] === columns[c2 - 1] + 1) c2++;
      const block = rows.slice(r, r2).map((row) => {
        const at = new Map(byRow.get(row)!.map((x) => [x.column, x.value]));
        return columns.slice(c, c2).map((col) => at.get(col));
      });
      sheet.getRange(rows[r], columns[c] + 1, r2 - r, c2 - c).setValues(block);
      c = c2;
    }
    r = r2;
  }
}

/**
 * The same check-ins through the add-on's submitCheckin, each at its time by its KR's owner (slow: a tier's
 * check for writeCheckins, on a small tracker). The workbook's clock is left at `restore`.
 */
export function submitCheckins(wb: Workbook, planned: PlannedCheckin[], restore: Date): void {
  for (const c of planned) {
    wb.services.clock.set(c.now);
    wb.services.session.setUser(c.kr.owner);
    const r = callAddon(wb, "submitCheckin", {
      requestId: c.requestId,
      krId: c.kr.id,
      value: String(c.value),
      confidence: String(c.confidence),
      whatChanged: c.whatChanged,
      blockers: c.blockers,
      nextStep: c.nextStep,
      confirmed: true,
    });
    if (!r.ok || r.duplicate) throw new Error(`bench: submitCheckin ${c.kr.id}: ${r.message ?? "taken for a duplicate"}`);
  }
  wb.services.clock.set(restore);
}

/** The first cell where two workbooks differ (every tab's values, formulas and formats; the document properties), or null. */
export function firstDifference(a: Workbook, b: Workbook): string | null {
  const sa = a.services.toSnapshot();
  const sb = b.services.toSnapshot();
  for (const x of sa.sheets) {
    const y = sb.sheets.find((s) => s.name === x.name);
    if (!y) return `tab ${x.name}`;
    const n = Math.max(x.rows.length, y.rows.length);
    for (let r = 0; r < n; r++) {
      const ra = x.rows[r] ?? [];
      const rb = y.rows[r] ?? [];
      for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
        if (JSON.stringify(ra[c] ?? null) !== JSON.stringify(rb[c] ?? null)) return `${x.name} row ${r + 1} column ${c + 1}: ${JSON.stringify(ra[c])} vs ${JSON.stringify(rb[c])}`;
      }
    }
    const { rows: _a, ...restA } = x;
    const { rows: _b, ...restB } = y;
    if (JSON.stringify(restA) !== JSON.stringify(restB)) return `tab ${x.name}'s formats or rules`;
  }
  if (JSON.stringify(sa.documentProperties) !== JSON.stringify(sb.documentProperties)) return "document properties";
  return null;
}
