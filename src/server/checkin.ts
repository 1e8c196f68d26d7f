// The check-in sidebar's server side: the list of the user's KRs, and one check-in.
// Both cost a fixed number of service calls whatever the size of the tracker and its log: the log is
// never read whole, only its last LOG_TAIL rows (located through a computed cell in Settings).
import {
  CheckinRequestSchema,
  SidebarRequestSchema,
  type CheckinField,
  type CheckinResult,
  type CorrectableCheckin,
  type Failure,
  type RecentCheckin,
  type SidebarKr,
  type SidebarResult,
} from "../core/api";
import { columnLetter, quoteSheet } from "../core/a1";
import { addDays, cycleEnd, elapsed, inCycle, weekNumber } from "../core/dates";
import { evaluateKr } from "../core/evaluate";
import type { KeyResult, Settings } from "../core/model";
import { decimalSeparatorFor, parseKrValue } from "../core/numbers";
import { implausible } from "../core/plausible";
import { FIX_FIELDS_MESSAGE } from "../core/messages";
import { CHECKIN_HEADERS, computedLabel, TAB } from "../core/tabs";
import { asText, cellIsoDate, guarded, isDate, isoDate, plainCell, quotedName, UserError, withDocumentLock } from "./env";
import { computedLogHeaderRow, computedLogRows, keyResultsFrom, readKrTable, readSettings, type SettingsRead } from "./read";
import { col, norm, num, str, type Table } from "./table";
import { sidebarForecastLine, writeCheckinForecast } from "./forecastCells";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How many of the latest log rows are read for "recent check-ins" and for recognising a resend. */
export const LOG_TAIL = 200;
const RECENT_PER_KR = 5;
const LOCK_WAIT_MS = 10000;

interface Identity {
  email: string | null;
  actingAs: string | null;
  isAdmin: boolean;
  needsIdentity: boolean;
}

function identify(settings: Settings, chosen: string | undefined): Identity {
  const email = norm(Session.getActiveUser().getEmail()) || null;
  if (email) return { email, actingAs: email, isAdmin: settings.admins.includes(email), needsIdentity: false };
  const as = chosen ? chosen.trim() : "";
  if (!as) return { email: null, actingAs: null, isAdmin: false, needsIdentity: true };
  return { email: null, actingAs: as, isAdmin: settings.admins.includes(norm(as)), needsIdentity: false };
}

function owns(id: Identity, kr: KeyResult): boolean {
  return id.isAdmin || (!!id.actingAs && norm(kr.owner) === norm(id.actingAs));
}

/** Header positions of the log, from the computed "Check-in header" cell, or null when it is not in row 1. */
function logColumns(s: SettingsRead): Record<string, number> | null {
  const raw = s.raw.get(norm(computedLabel("CheckinHeader")));
  if (typeof raw !== "string") return null;
  const headers = raw.split("|").map(norm);
  const out: Record<string, number> = {};
  for (const h of CHECKIN_HEADERS) {
    const i = headers.indexOf(norm(h));
    if (i < 0) return null;
    out[h] = i;
  }
  return out;
}

interface LogTail {
  cols: Record<string, number>;
  rows: unknown[][];
}

/** The last LOG_TAIL rows of the log, with one read; null when the log's header is not where expected. */
function readLogTail(ss: Spreadsheet, s: SettingsRead): LogTail | null {
  const cols = logColumns(s);
  const n = computedLogRows(s);
  if (!cols || n === null) return null;
  if (n === 0) return { cols, rows: [] };
  const header = computedLogHeaderRow(s);
  const last = header + n;
  const first = Math.max(header + 1, last - LOG_TAIL + 1);
  const rows = ss.getRange(`'${TAB.checkins}'!A${first}:P${last}`).getValues();
  return { cols, rows };
}

function recentFor(tail: LogTail | null, krId: string, tz: string): RecentCheckin[] {
  if (!tail) return [];
  const c = tail.cols;
  const out: RecentCheckin[] = [];
  for (let i = tail.rows.length - 1; i >= 0 && out.length < RECENT_PER_KR; i--) {
    const r = tail.rows[i];
    if (str(r[c["KR ID"]]) !== krId) continue;
    const ts = r[c["Timestamp"]];
    out.push({
      date: isDate(ts) ? cellIsoDate(ts, tz) : "",
      value: plainCell(r[c["Value"]], tz) as number | string,
      confidence: plainCell(r[c["Confidence"]], tz) as number | string,
      whatChanged: str(r[c["What changed"]]),
      author: str(r[c["Author"]]),
    });
  }
  return out;
}

/** The KR's check-ins in the log's tail: date, value and position (for ties). */
function tailValues(tail: LogTail, krId: string, tz: string): { date: string; value: number; row: number }[] {
  const c = tail.cols;
  const out: { date: string; value: number; row: number }[] = [];
  tail.rows.forEach((r, i) => {
    const ts = r[c["Timestamp"]];
    const v = r[c["Value"]];
    if (str(r[c["KR ID"]]) === krId && isDate(ts) && typeof v === "number" && isFinite(v)) out.push({ date: cellIsoDate(ts, tz), value: v, row: i });
  });
  return out;
}

/** The KR's latest check-in in the log's tail dated in the given week, which a correction replaces. */
function latestOfWeek(tail: LogTail | null, krId: string, week: number, tz: string): CorrectableCheckin | null {
  if (!tail) return null;
  const c = tail.cols;
  for (let i = tail.rows.length - 1; i >= 0; i--) {
    const r = tail.rows[i];
    if (str(r[c["KR ID"]]) !== krId) continue;
    if (Number(r[c["Week"]]) !== week) return null;
    const ts = r[c["Timestamp"]];
    return {
      requestId: str(r[c["Request ID"]]),
      date: isDate(ts) ? cellIsoDate(ts, tz) : "",
      value: r[c["Value"]] as number | string,
      confidence: r[c["Confidence"]] as number | string,
      whatChanged: str(r[c["What changed"]]),
      blockers: str(r[c["Blockers"]]),
      nextStep: str(r[c["Next step"]]),
    };
  }
  return null;
}

function cellOf(t: Table, kr: KeyResult, header: string): unknown {
  const r = t.rows[kr.row - t.headerRow - 1] || [];
  const i = col(t, header);
  return i >= 0 ? r[i] : "";
}

/** Score and status as shown in the sheet; after a check-in, as the sheet formulas will compute them. */
interface Standing {
  score: unknown;
  status: string;
}

function sidebarKr(t: Table, kr: KeyResult, tail: LogTail | null, tz: string, settings: Settings, week: number, standing?: Standing, forecast?: unknown[] | null): SidebarKr {
  const get = (h: string) => cellOf(t, kr, h);
  const score = standing ? standing.score : get("Score");
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    objective: str(get("Objective name")),
    name: kr.title,
    owner: kr.owner,
    metric: kr.metric,
    unit: kr.unit,
    start: kr.start ?? "",
    target: kr.target ?? "",
    current: kr.current ?? "",
    confidence: kr.confidence ?? "",
    lastCheckin: kr.lastCheckin ?? "",
    score: typeof score === "number" && isFinite(score) ? score : null,
    status: standing ? standing.status : str(get("Status")),
    recent: recentFor(tail, kr.id, tz),
    forecast: sidebarForecastLine(t, kr, settings, forecast),
    correctable: latestOfWeek(tail, kr.id, week, tz),
    expected: num(get("Expected")),
  };
}

export function getSidebarData(raw: unknown): SidebarResult {
  return guarded((): SidebarResult => {
    const parsed = SidebarRequestSchema.safeParse(raw ?? {});
    if (!parsed.success) {
      return { ok: false, message: `The sidebar sent a request the add-on does not understand (${whatIsWrong(parsed.error.issues[0], raw)}). Reload it.` };
    }
    const ss = SpreadsheetApp.getActive();
    const tz = ss.getSpreadsheetTimeZone();
    const locale = ss.getSpreadsheetLocale();
    const s = readSettings(ss, tz);
    const who = identify(s.settings, parsed.data.as);
    const krT = readKrTable(ss, { bounded: true });
    const all = keyResultsFrom(krT, tz);
    const mine = who.needsIdentity ? [] : all.filter((kr) => owns(who, kr));
    const tail = mine.length ? readLogTail(ss, s) : null;
    const today = isoDate(new Date(), tz);
    const owners = Array.from(new Set(all.map((k) => k.owner).filter(Boolean))).sort();
    return {
      ok: true,
      user: who,
      owners,
      locale,
      decimalSeparator: decimalSeparatorFor(locale),
      cycle: {
        name: s.settings.cycleName,
        week: Math.min(Math.max(weekNumber(today, s.settings.startDate), 1), s.settings.weeks),
        weeks: s.settings.weeks,
        asOf: today,
      },
      krs: mine.map((kr) => sidebarKr(krT, kr, tail, tz, s.settings, weekNumber(today, s.settings.startDate))),
      rules: { onTrackGap: s.settings.onTrackGap, atRiskGap: s.settings.atRiskGap },
    };
  }) as SidebarResult;
}

/** A short, safe description of the first problem in a request (never echoing the value itself). */
function whatIsWrong(issue: { code?: string; path: PropertyKey[]; keys?: string[] }, raw: unknown): string {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "it is not an object";
  if (issue.code === "unrecognized_keys") return `unknown field${(issue.keys || []).length > 1 ? "s" : ""} ${(issue.keys || []).map(quotedName).join(", ")}`;
  const field = String(issue.path[0] ?? "");
  return field ? `"${field}" has the wrong type or length` : "its shape is wrong";
}

function refuse(message: string, fieldErrors?: Partial<Record<CheckinField, string>>): Failure {
  return { ok: false, message, ...(fieldErrors ? { fieldErrors } : {}) };
}

function fieldOf(path: PropertyKey[]): CheckinField | null {
  const k = String(path[0] ?? "");
  return (["krId", "value", "confidence", "whatChanged", "blockers", "nextStep", "as"] as string[]).includes(k)
    ? (k as CheckinField)
    : null;
}

const FIELD_LABELS: Record<CheckinField, string> = {
  krId: "Key result", value: "New value", confidence: "Confidence", whatChanged: "What changed",
  blockers: "Blockers", nextStep: "Next step", as: "Who you are",
};

/** zod/mini carries our own messages; its generic ones ("Invalid input") are replaced by clear ones. */
function issueMessage(issue: { code?: string; message?: string; path: PropertyKey[]; keys?: string[] }, f: CheckinField | null): string {
  if (issue.message && issue.message !== "Invalid input") return issue.message;
  if (issue.code === "unrecognized_keys") {
    return `The check-in has fields the add-on does not know: ${(issue.keys || []).map(quotedName).join(", ")}.`;
  }
  if (f) return `${FIELD_LABELS[f]} has the wrong type.`;
  if (issue.path[0] === "requestId") return "The check-in is missing its request ID: reload the sidebar.";
  return "The check-in could not be read: reload the sidebar.";
}

function parseConfidence(v: string | number): number | string {
  const s = typeof v === "number" ? String(v) : v.trim();
  if (s === "") return "Confidence is required: a whole number from 1 to 10.";
  if (!/^\d{1,2}$/.test(s)) return "Confidence must be a whole number from 1 to 10.";
  const n = Number(s);
  return n >= 1 && n <= 10 ? n : "Confidence must be a whole number from 1 to 10.";
}

export function submitCheckin(raw: unknown): CheckinResult {
  return guarded((): CheckinResult => {
    const parsed = CheckinRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Partial<Record<CheckinField, string>> = {};
      const other: string[] = [];
      const given = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
      for (const issue of parsed.error.issues) {
        const f = fieldOf(issue.path);
        const missing = f !== null && issue.path.length === 1 && given[f] === undefined;
        const message = missing ? `${FIELD_LABELS[f]} is required.` : issueMessage(issue, f);
        if (f && !fieldErrors[f]) fieldErrors[f] = message;
        else if (!f) other.push(message);
      }
      return refuse(other[0] || FIX_FIELDS, fieldErrors);
    }
    const req = parsed.data;
    const ss = SpreadsheetApp.getActive();
    const tz = ss.getSpreadsheetTimeZone();

    const rawValue = req.value;
    // Asking for the locale costs a service call, and it only changes how a value is read when the value
    // has a comma, or a point followed by exactly three digits ("1.234": a decimal in en_US, ambiguous
    // in a decimal-comma locale). Anything else reads the same in every locale.
    const localeMatters = typeof rawValue === "string" && (rawValue.indexOf(",") >= 0 || /\.\d{3}(?!\d)/.test(rawValue));
    const locale = localeMatters ? ss.getSpreadsheetLocale() : "en_US";
    // The unit is known only once the KR is read (under the lock): here the syntax, there the unit.
    const value = parseKrValue(rawValue, locale, null);
    const confidence = parseConfidence(req.confidence);
    const errors: Partial<Record<CheckinField, string>> = {};
    if (!value.ok) errors.value = value.message;
    if (typeof confidence === "string") errors.confidence = confidence;
    if (Object.keys(errors).length) return refuse(FIX_FIELDS, errors);

    const busy = (): CheckinResult => ({ ok: false, busy: true, message: "The tracker is busy with another update. Nothing was saved: try again." });
    return withDocumentLock((): CheckinResult => {
      // Settings are read under the lock: they locate the log's last rows, which another check-in
      // finishing just before us may have moved (a resend must still be recognised).
      const s = readSettings(ss, tz);
      const who = identify(s.settings, req.as);
      if (who.needsIdentity) return refuse("Choose who you are before checking in.", { as: "Choose who you are." });
      const now = new Date();
      const today = isoDate(now, tz);
      if (!inCycle(today, s.settings.startDate, s.settings.weeks)) {
        return refuse(
          `Today (${today}) is outside the cycle (${s.settings.startDate} to ${addDays(cycleEnd(s.settings.startDate, s.settings.weeks), -1)}): check-ins are closed.`,
        );
      }
      const krT = readKrTable(ss, { bounded: true });
      const krs = keyResultsFrom(krT, tz);
      const kr = krs.find((k) => k.id === req.krId.trim());
      if (!kr) return refuse(`There is no key result with ID "${req.krId.trim()}".`, { krId: "Unknown key result." });
      if (!owns(who, kr)) {
        return refuse(`${kr.id} belongs to ${kr.owner || "nobody yet"}; only its owner or an admin can check in.`, {
          krId: "You do not own this key result.",
        });
      }
      const tail = readLogTail(ss, s);
      if (!tail) throw new UserError(`The "Check-ins" tab has lost its header row. Use "Repair tracker" in the add-on menu.`);
      const week = weekNumber(today, s.settings.startDate);
      const duplicate = tail.rows.some((r) => str(r[tail.cols["Request ID"]]) === req.requestId);
      if (duplicate) return { ok: true, duplicate: true, kr: sidebarKr(krT, kr, tail, tz, s.settings, week) };

      const inUnit = parseKrValue(rawValue, locale, kr.unit);
      if (!inUnit.ok) return refuse(FIX_FIELDS, { value: inUnit.message });
      const doubt = req.confirmed ? null : implausible(inUnit.value, kr, decimalSeparatorFor(locale));
      if (doubt) return { ok: false, confirm: true, message: doubt, fieldErrors: { value: doubt } };
      let replaces: CorrectableCheckin | null = null;
      if (req.correct) {
        replaces = latestOfWeek(tail, kr.id, week, tz);
        if (!replaces) return refuse(`${kr.id} has no check-in this week (week ${week}) to correct.`);
      }

      const author = who.email ? who.email : `${who.actingAs} (chosen; no email available)`;
      const row: unknown[] = new Array(Math.max(...Object.values(tail.cols)) + 1).fill("");
      const put = (h: string, v: unknown) => (row[tail.cols[h]] = v);
      put("Timestamp", now);
      put("Week", week);
      put("KR ID", asText(kr.id));
      put("Value", inUnit.value);
      put("Confidence", confidence);
      const whatChanged = replaces ? correctionNote(replaces, req.whatChanged) : req.whatChanged;
      put("What changed", asText(whatChanged));
      put("Blockers", asText(req.blockers));
      put("Next step", asText(req.nextStep));
      put("Author", asText(author));
      put("Request ID", req.requestId);
      const log = ss.getSheetByName(TAB.checkins);
      if (!log) throw new UserError(`The "Check-ins" tab is missing. Use "Repair tracker" in the add-on menu.`);
      log.appendRow(row);

      // Current follows the check-in with the latest date; a check-in dated earlier only joins the log.
      // A correction replaces the week's latest check-in, so Current follows it whatever that one's date.
      const latest = !kr.lastCheckin || kr.lastCheckin <= today || (!!replaces && replaces.date === kr.lastCheckin);
      if (latest) writeKrCheckin(ss, krT, kr, inUnit.value, confidence as number, now);
      const updated = { ...kr };
      if (latest) {
        updated.current = inUnit.value;
        updated.confidence = confidence as number;
        updated.lastCheckin = today;
      }
      const standing = standingAfter(krT, updated, s.settings, today);
      const forecast = writeCheckinForecast(
        ss,
        krT,
        updated,
        tailValues(tail, kr.id, tz).concat(value.ok ? [{ date: today, value: value.value, row: Number.MAX_SAFE_INTEGER }] : []),
        s.settings,
        today,
        (computedLogRows(s) ?? Infinity) < LOG_TAIL,
      );
      // The row as the sheet will read it back: text without the apostrophe that keeps it literal.
      const asRead = row.slice();
      const putRead = (h: string, v: unknown) => (asRead[tail.cols[h]] = v);
      putRead("KR ID", kr.id);
      putRead("What changed", whatChanged);
      putRead("Blockers", req.blockers);
      putRead("Next step", req.nextStep);
      putRead("Author", author);
      const newTail: LogTail = { cols: tail.cols, rows: tail.rows.concat([asRead]) };
      return { ok: true, duplicate: false, kr: sidebarKr(krT, updated, newTail, tz, s.settings, week, standing, forecast) };
    }, LOCK_WAIT_MS, busy);
  }) as CheckinResult;
}

/** One wording for "fix the fields marked below", in the sidebar as in the server's replies. */
const FIX_FIELDS = FIX_FIELDS_MESSAGE;

/** A correction's "What changed" names the check-in it replaces, by request ID and value. */
function correctionNote(replaced: CorrectableCheckin, text: string): string {
  const note = `Correction of check-in ${replaced.requestId} (${replaced.date}, value ${replaced.value}).`;
  return text.trim() ? `${note} ${text}` : note;
}

/**
 * The KR's score and status after the check-in, computed by the same rules as the sheet formulas
 * (core/evaluate agrees with them exactly) instead of reading the row back: two service calls fewer.
 * Expected does not depend on the check-in, so the row's Expected (which carries the objective's type)
 * is used; if it is not a number, the committed pace is assumed.
 */
function standingAfter(t: Table, kr: KeyResult, settings: Settings, today: string): Standing {
  const expectedCell = num(cellOf(t, kr, "Expected"));
  const expected = expectedCell ?? elapsed(today, settings.startDate, settings.weeks);
  const ev = evaluateKr(kr, "committed", expected, settings);
  return { score: ev.score, status: ev.status };
}

/** Current, Confidence and Last check-in: one write when adjacent (as setup lays them out). */
function writeKrCheckin(ss: Spreadsheet, t: Table, kr: KeyResult, value: number, confidence: number, when: Date): void {
  const cells: [string, unknown][] = [
    ["Current", value],
    ["Confidence", confidence],
    ["Last check-in", when],
  ];
  const idx = cells.map(([h]) => col(t, h));
  if (idx.some((i) => i < 0)) throw new UserError(`The "Key Results" tab is missing a check-in column. Use "Repair tracker".`);
  if (idx[1] === idx[0] + 1 && idx[2] === idx[0] + 2) {
    // Addressed through the spreadsheet, so the tab itself need not be looked up (one call fewer).
    const a1 = `${quoteSheet(t.name)}!${columnLetter(idx[0] + 1)}${kr.row}:${columnLetter(idx[0] + 3)}${kr.row}`;
    ss.getRange(a1).setValues([cells.map((c) => c[1])]);
    return;
  }
  cells.forEach(([, v], i) => t.sheet.getRange(kr.row, idx[i] + 1).setValue(v));
}
