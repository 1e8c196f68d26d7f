// One check-in, the sidebar's Submit (the sidebar's data is built in checkinSidebar.ts).
// It costs a fixed number of service calls whatever the size of the tracker and its log: the log is never
// read whole, only its last LOG_TAIL rows (located through a computed cell in Settings), and a check-in
// reads its KR's row, not the Key Results table (krRow.ts).
import { checkinNamed, correctionNote } from "../core/corrections";
import { closedAsOf, closedCheckinNotice, CYCLE_CLOSED_LABEL } from "../core/cycleClosed";
import {
  checkinRequestSchema,
  type CheckinField,
  type CheckinResult,
  type CorrectableCheckin,
  type Failure,
} from "../core/api";
import { checkinsOpen, cycleLastDay, elapsed, weekNumber } from "../core/dates";
import { krElapsed } from "../core/countsFrom";
import { objectiveKey } from "../core/objectiveKey";
import { evaluateKr } from "../core/evaluate";
import type { KeyResult, Settings } from "../core/model";
import { numberStyleFor, localeMatters as valueLocaleMatters, parseKrValue, wholePercentText } from "../core/numbers";
import { implausible } from "../core/plausible";
import { FIX_FIELDS_MESSAGE, NO_SUCH_KR_FIELD, NOT_OWNER_FIELD, noSuchKrMessage, notOwnerMessage } from "../core/messages";
import { TAB } from "../core/tabs";
import { asText, guarded, isoDate, isProtectedEdit, protectedTab, quotedName, UserError, withDocumentLock } from "./env";
import { computedLogRows, computedObjectiveHeaderRow, keyResultsFrom, objectivesFrom, readObjectivesTable, readSettings, type SettingsRead } from "./read";
import { col, literal, norm, num, str, type Table } from "./table";
import { checkinForecast, writeRowCells } from "./forecastCells";
import { markPercentCells } from "./percentCells";
import { latestOfWeek, LOG_TAIL, logTailMissingMessage, NO_LOG, readLogTail, tailValues, type LogTail } from "./checkinLog";
import { noFormulas, readKrRow, requestIdsCell, requestIdsOf, sameId, writeKrFormulas } from "./krRow";
import { cellOf, identify, objectiveOwnerOf, owns, sidebarKr, type Standing } from "./checkinSidebar";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCK_WAIT_MS = 10000;

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

/** How a refusal ends when the sidebar's data is out of date (a KR gone, a roll over, another's check-in): reopening reads it afresh. */
const REOPEN = ": reopen the sidebar. Nothing was saved.";

export function submitCheckin(raw: unknown): CheckinResult {
  return guarded((): CheckinResult => {
    const parsed = checkinRequestSchema().safeParse(raw);
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
    const localeMatters = typeof rawValue === "string" && valueLocaleMatters(rawValue);
    const locale = localeMatters ? ss.getSpreadsheetLocale() : "en_US";
    // The unit is known only once the KR is read (under the lock): here the syntax, there the unit.
    const value = parseKrValue(rawValue, locale, null);
    const confidence = parseConfidence(req.confidence);
    const errors: Partial<Record<CheckinField, string>> = {};
    // A refusal's example number ("for example 3,5") is in the locale's separator: asked for then.
    if (!value.ok) {
      const inLocale = localeMatters ? value : parseKrValue(rawValue, ss.getSpreadsheetLocale(), null);
      errors.value = inLocale.ok ? value.message : inLocale.message;
    }
    if (typeof confidence === "string") errors.confidence = confidence;
    if (Object.keys(errors).length) return refuse(FIX_FIELDS, errors);

    const busy = (): CheckinResult => ({ ok: false, busy: true, message: "The tracker is busy with another update. Nothing was saved: try again." });
    return withDocumentLock((): CheckinResult => {
      // Settings are read under the lock: they locate the log's last rows, which another check-in
      // finishing just before us may have moved (a resend must still be recognised).
      const s = readSettings(ss, tz);
      const who = identify(s.settings, req.as);
      if (who.needsIdentity) return refuse("Choose who you are before checking in.", { as: "Choose who you are." });
      if (req.cycle && req.cycle !== s.settings.startDate) {
        return refuse(`The cycle now starts on ${s.settings.startDate}, not ${req.cycle} as when the sidebar opened (rolled over?)${REOPEN}`);
      }
      const now = new Date();
      const today = isoDate(now, tz);
      // Open to a week after the last day, for the last week's figures (core/dates.ts LATE_CHECKIN_DAYS).
      if (!checkinsOpen(today, s.settings.startDate, s.settings.weeks)) {
        return refuse(
          `Today (${today}) is outside the cycle (${s.settings.startDate} to ${cycleLastDay(s.settings.startDate, s.settings.weeks)}): check-ins are closed.`,
        );
      }
      // The KR's row alone (by the row the sidebar showed it on, else by its ID), not the table.
      const krT = readKrRow(ss, s, req.krId.trim(), req.row);
      const krs = keyResultsFrom(krT, tz);
      const kr = krs.find((k) => sameId(k.id, req.krId));
      // A row is sent by the sidebar, from the list it showed: the KR was there when it opened.
      const id = req.krId.trim();
      const gone = () => `"${id}" is no longer in ${TAB.keyResults} (deleted, or its ID changed, since the sidebar opened)${REOPEN}`;
      if (!kr) return refuse(req.row ? gone() : noSuchKrMessage(id), { krId: NO_SUCH_KR_FIELD });
      if (!owns(who, kr, objectiveOwnerOf(krT, kr))) return refuse(notOwnerMessage(kr.id, kr.owner), { krId: NOT_OWNER_FIELD });
      const tail = readLogTail(ss, s);
      if (!tail) throw new UserError(logTailMissingMessage(ss));
      // A late check-in after the last day is the last week's (week 13 of 13, as the summary counts it).
      const week = Math.min(weekNumber(today, s.settings.startDate), s.settings.weeks);
      // A resend is recognised from the KR's own "Request IDs" (however long the log has grown since), and
      // from the log's tail for check-ins saved before that column was kept.
      const duplicate =
        requestIdsOf(krT, kr.row).includes(req.requestId) || tail.rows.some((r) => literal(r[tail.cols["Request ID"]]) === req.requestId);
      // A fraction-% KR's forecast is made × 100, as its cells show it, in a resend's reply as in the first: one
      // read of two cells' formats, only for a % KR whose start and target lie within −1..1, before the first
      // write (a read after a write waits for it).
      const shown = markPercentCells(ss, krT, [kr])[0];
      if (duplicate) return { ok: true, duplicate: true, kr: sidebarKr(krT, shown, tail, tz, s.settings, week) };

      const inUnit = parseKrValue(rawValue, locale, kr.unit, kr.metric === "milestone");
      if (!inUnit.ok) return refuse(FIX_FIELDS, { value: inUnit.message });
      // The question and a correction's note show numbers in the locale's separator; the locale is asked for
      // (one call) only then, unless the value's parse already did.
      const separator = () => numberStyleFor(localeMatters ? locale : ss.getSpreadsheetLocale());
      const doubt = req.confirmed || implausible(inUnit.value, kr) === null ? null : implausible(inUnit.value, kr, separator());
      if (doubt) return { ok: false, confirm: true, message: doubt, fieldErrors: { value: doubt } };
      let replaces: CorrectableCheckin | null = null;
      if (req.correct) {
        replaces = latestOfWeek(tail, kr.id, week, tz);
        if (!replaces) return refuse(`${kr.id} has no check-in this week (week ${week}) to correct.`);
        // A sidebar opened before someone else (a co-owner, the objective's owner, an admin) checked in on the KR
        // would correct theirs, dropping it from the reports, while it showed its owner their own.
        if (typeof req.correct === "string" && req.correct !== replaces.requestId) {
          return refuse(`${kr.id} was checked in again ${checkinNamed(replaces, shown, separator())} since you started this correction${REOPEN}`);
        }
      }

      // Its Current and the log's Value are written as typed percent text where that text is exact (0.92 as
      // "92%"): they show as its Start and Target do, holding the same fraction, at no extra call.
      const cellValue = (shown.percentCells && wholePercentText(inUnit.value)) || inUnit.value;
      const author = who.email ? who.email : `${who.actingAs} (chosen; no email available)`;
      const row: unknown[] = new Array(Math.max(...Object.values(tail.cols)) + 1).fill("");
      const put = (h: string, v: unknown) => (row[tail.cols[h]] = v);
      put("Timestamp", now);
      put("Week", week);
      put("KR ID", asText(kr.id));
      put("Value", cellValue);
      put("Confidence", confidence);
      const whatChanged = replaces ? correctionNote(replaces, req.whatChanged, shown, separator()) : req.whatChanged;
      put("What changed", asText(whatChanged));
      put("Blockers", asText(req.blockers));
      put("Next step", asText(req.nextStep));
      put("Author", asText(author));
      // Literal, as the KR's "Request IDs" cell is: an ID of digits and dashes ("00012345", "2026-01-20") would
      // be read as typed input, a number or a date, and a correction would name an ID no row holds.
      put("Request ID", asText(req.requestId));
      const log = ss.getSheetByName(TAB.checkins);
      if (!log) throw new UserError(NO_LOG);
      // A tab protected so that this user may not edit it refuses the write (Sheets does, the add-on running as
      // them): the log's row first, so a refused Key Results row has the log's row taken back (krSide), and
      // nothing is saved either way (a retry would otherwise pass for a resend of a check-in never made).
      try {
        log.appendRow(row);
      } catch (e) {
        throw isProtectedEdit(e) ? protectedTab(TAB.checkins, "check in again") : e;
      }
      let krWritten = false;
      const krSide = <T>(write: () => T): T => {
        try {
          return write();
        } catch (e) {
          if (!isProtectedEdit(e)) throw e;
          undoCheckin(ss, log, krT, kr, krWritten);
          throw protectedTab(TAB.keyResults, "check in again");
        }
      };

      // Current follows the check-in with the latest date; a check-in dated earlier only joins the log.
      // A correction replaces the week's latest check-in, so Current follows it whatever that one's date.
      const latest = !kr.lastCheckin || kr.lastCheckin <= today || (!!replaces && replaces.date === kr.lastCheckin);
      if (latest) krSide(() => writeKrCheckin(ss, krT, kr, cellValue, confidence as number, now));
      krWritten = latest;
      const formulas = krSide(() => writeMissingFormulas(ss, s, krT, kr, today));
      const updated = { ...shown };
      if (latest) {
        updated.current = inUnit.value;
        updated.confidence = confidence as number;
        updated.lastCheckin = today;
      }
      const standing = formulas ? formulas(updated) : standingAfter(krT, updated, s.settings, today);
      const fc = checkinForecast(
        krT,
        updated,
        tailValues(tail, kr.id, tz).concat(value.ok ? [{ date: today, value: value.value, row: Number.MAX_SAFE_INTEGER }] : []),
        s.settings,
        today,
        (computedLogRows(s) ?? Infinity) < LOG_TAIL,
      );
      // The request ID and the forecast sit side by side (setup's layout): one write for both.
      const ids = requestIdsCell(krT, kr.row, req.requestId);
      const helpers = (ids ? [ids as { column: number; value: unknown }] : []).concat(fc && fc.write ? fc.columns.map((column, i) => ({ column, value: fc.cells[i] })) : []);
      if (helpers.length) krSide(() => writeRowCells(ss, krT, kr.row, helpers));
      // The row as the sheet will read it back: text without the apostrophe that keeps it literal.
      const asRead = row.slice();
      const putRead = (h: string, v: unknown) => (asRead[tail.cols[h]] = v);
      putRead("KR ID", kr.id);
      putRead("Value", inUnit.value);
      putRead("What changed", whatChanged);
      putRead("Blockers", req.blockers);
      putRead("Next step", req.nextStep);
      putRead("Author", author);
      putRead("Request ID", req.requestId);
      const newTail: LogTail = { ...tail, rows: tail.rows.concat([asRead]) };
      const closedOn = closedAsOf(s.raw.get(norm(CYCLE_CLOSED_LABEL)), s.settings);
      return { ok: true, duplicate: false, kr: sidebarKr(krT, updated, newTail, tz, s.settings, week, standing, fc), ...(closedOn ? { notice: closedCheckinNotice(closedOn) } : {}) };
    }, LOCK_WAIT_MS, busy);
  }) as CheckinResult;
}

/** One wording for "fix the marked fields", in the sidebar as in the server's replies. */
const FIX_FIELDS = FIX_FIELDS_MESSAGE;

/**
 * The KR's score and status after the check-in, computed by the same rules as the sheet formulas
 * (core/evaluate agrees with them exactly) instead of reading the row back: two service calls fewer.
 * Expected does not depend on the check-in, so the row's Expected (which carries the objective's type)
 * is used; if it is not a number, the committed pace is assumed.
 */
function standingAfter(t: Table, kr: KeyResult, settings: Settings, today: string): Standing {
  const expectedCell = num(cellOf(t, kr, "Expected"));
  const expected = expectedCell ?? krElapsed(today, settings.startDate, settings.weeks, kr.countsFrom);
  const ev = evaluateKr(kr, "committed", expected, settings);
  return { score: ev.score, status: ev.status };
}

/**
 * A KR row inserted by hand has no formulas (krRow.ts writeKrFormulas): its check-in writes them, so the sheet
 * shows what the reply says (one read of Objectives for its columns and the KR's type, one write); a row with
 * formulas costs nothing more. Returns the standing as those formulas give it, or null when none was written.
 */
function writeMissingFormulas(ss: Spreadsheet, s: SettingsRead, krT: Table, kr: KeyResult, today: string): ((k: KeyResult) => Standing) | null {
  if (!noFormulas(krT, kr)) return null;
  const objT = readObjectivesTable(ss, computedObjectiveHeaderRow(s));
  writeKrFormulas(ss, krT, objT, [kr.row]);
  const o = objectivesFrom(objT).find((x) => objectiveKey(x.id) === objectiveKey(kr.objectiveId));
  const { startDate, weeks } = s.settings;
  return (k) => evaluateKr(k, o ? o.type : "", krElapsed(today, startDate, weeks, k.countsFrom), s.settings, elapsed(today, startDate, weeks));
}

const CHECKIN_CELLS = ["Current", "Confidence", "Last check-in"] as const;

/** Takes a refused check-in back: its log row (the last: the document lock is held) and, when written, the KR's cells as they were. */
function undoCheckin(ss: Spreadsheet, log: GoogleAppsScript.Spreadsheet.Sheet, t: Table, kr: KeyResult, krWritten: boolean): void {
  if (krWritten) {
    const was = (h: string) => {
      const v = cellOf(t, kr, h);
      return typeof v === "string" ? asText(v) : v;
    };
    writeRowCells(ss, t, kr.row, CHECKIN_CELLS.map((h) => ({ column: col(t, h), value: was(h) })));
  }
  const last = log.getLastRow();
  // Sheets refuses to delete a tab's last row below its frozen ones ("Sorry, it is not possible to delete all
  // non-frozen rows."), which a log trimmed to its header and the row appendRow filled would ask: that row
  // is emptied instead (appendRow writes there again). Two reads, on this refusal's path only.
  if (log.getMaxRows() - log.getFrozenRows() > 1) log.deleteRow(last);
  else log.getRange(last, 1, 1, log.getMaxColumns()).clearContent();
}

/** Current, Confidence and Last check-in: one write when adjacent (as setup lays them out). */
function writeKrCheckin(ss: Spreadsheet, t: Table, kr: KeyResult, value: number | string, confidence: number, when: Date): void {
  const cells: [string, unknown][] = [
    ["Current", value],
    ["Confidence", confidence],
    ["Last check-in", when],
  ];
  const idx = cells.map(([h]) => col(t, h));
  if (idx.some((i) => i < 0)) throw new UserError(`The "Key Results" tab is missing a check-in column. Use "Repair tracker".`);
  // Addressed through the spreadsheet, so the tab itself need not be looked up (one call fewer).
  writeRowCells(ss, t, kr.row, cells.map(([, value], i) => ({ column: idx[i], value })));
}
