// The check-in sidebar's data: the person's KRs with what the form shows (getSidebarData, which the page
// asks for through google.script.run, and the command line and preview use), and the data the "Check in"
// menu item embeds in the page (sidebarPageData), which on a large tracker carries less so the form is
// usable sooner. Each costs a fixed number of service calls whatever the size of the tracker and its log.
import { sidebarRequestSchema, type BriefKr, type CorrectableCheckin, type SidebarData, type SidebarKr, type SidebarResult } from "../core/api";
import { checkinsOpen, cycleLastDay, lateCheckinsUntil, weekNumber } from "../core/dates";
import type { KeyResult, Settings } from "../core/model";
import { numberStyleFor } from "../core/numbers";
import { defaultKrId } from "../core/sidebarPage";
import { objectiveKey } from "../core/objectiveKey";
import { isOwner, ownerKey, ownersOf } from "../core/owners";
import { TAB } from "../core/tabs";
import { columnLetter, quoteSheet } from "../core/a1";
import { guarded, isoDate, plainCell, quotedName, UserError } from "./env";
import { computedObjectiveHeaderRow, keyResultsFrom, readSettings, type SettingsRead } from "./read";
import { col, idAsTyped, norm, num, str, type Table } from "./table";
import { sidebarForecast, type CheckinForecast } from "./forecastCells";
import { forecastAgainstRow } from "../core/forecastNow";
import { markPercentCells } from "./percentCells";
import { latestOfWeek, readLogTail, recentFor, type LogTail } from "./checkinLog";
import { readKrBrief, readKrRow, readKrRows } from "./krRow";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Above this many Key Results cells (rows × columns; ~545 KRs at setup's 22 columns) the menu item's page
 * lists the KRs by name from the table's first four columns and carries the details of one KR only: at
 * 1,200 KRs reading the whole table costs ~0.8 s on Google (bench/costModel.ts), which put the sidebar over
 * its 3.5 s target. Below it, the page carries everything, as getSidebarData does.
 */
export const PAGE_FULL_TABLE_CELLS = 12000;

export interface Identity {
  email: string | null;
  actingAs: string | null;
  isAdmin: boolean;
  needsIdentity: boolean;
}

export function identify(settings: Settings, chosen: string | undefined): Identity {
  const email = norm(Session.getActiveUser().getEmail()) || null;
  if (email) return { email, actingAs: email, isAdmin: settings.admins.includes(email), needsIdentity: false };
  const as = chosen ? chosen.trim() : "";
  if (!as) return { email: null, actingAs: null, isAdmin: false, needsIdentity: true };
  return { email: null, actingAs: as, isAdmin: settings.admins.includes(ownerKey(as)), needsIdentity: false };
}

/**
 * Whether `id` may check in on `kr`: an admin, one of its owners, or an owner of its objective
 * (`objectiveOwner`: the row's "Objective owner" cell, a formula reading the Objectives tab's Owner).
 */
export function owns(id: Identity, kr: Pick<KeyResult, "owner">, objectiveOwner?: unknown): boolean {
  return id.isAdmin || isOwner(kr.owner, id.actingAs) || isOwner(objectiveOwner, id.actingAs);
}

/** The KR's objective's Owner as its row's helper cell has it ("" on a tracker without the column until Repair adds it). */
export function objectiveOwnerOf(t: Table, kr: KeyResult): unknown {
  return cellOf(t, kr, OBJECTIVE_OWNER);
}
const OBJECTIVE_OWNER = "Objective owner";

export function cellOf(t: Table, kr: KeyResult, header: string): unknown {
  const r = t.rows[kr.row - t.headerRow - 1] || [];
  const i = col(t, header);
  return i >= 0 ? r[i] : "";
}

/** Score and status as shown in the sheet; after a check-in, as the sheet formulas will compute them. */
export interface Standing {
  score: unknown;
  status: string;
}

export function sidebarKr(t: Table, kr: KeyResult, tail: LogTail | null, tz: string, settings: Settings, week: number, standing?: Standing, forecast?: CheckinForecast | null): SidebarKr {
  const get = (h: string) => cellOf(t, kr, h);
  const score = standing ? standing.score : get("Score");
  const expected = num(get("Expected"));
  return {
    id: kr.id,
    row: kr.row,
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
    forecast: forecastAgainstRow(sidebarForecast(t, kr, settings, isoDate(new Date(), tz), expected, forecast), kr),
    correctable: plainCorrectable(latestOfWeek(tail, kr.id, week, tz), tz),
    expected,
    ...(kr.percentCells ? { percentCells: true as const } : {}),
  };
}

interface Context {
  ss: Spreadsheet;
  tz: string;
  locale: string;
  s: SettingsRead;
  today: string;
  week: number;
}

/**
 * The log cells as the cell shows them: a date typed into Value or Confidence would reach the page as null
 * through google.script.run and as an ISO time in the page's JSON (recentFor does the same).
 */
function plainCorrectable(c: CorrectableCheckin | null, tz: string): CorrectableCheckin | null {
  return c && { ...c, value: plainCell(c.value, tz) as number | string, confidence: plainCell(c.confidence, tz) as number | string };
}

const NOT_SET_UP = 'This spreadsheet is not an okr-sheets tracker yet (it has no "Settings" or "Key Results" tab). Use "Set up tracker" in the add-on menu first.';

/** Settings, or why not: a spreadsheet without either tab was never set up (Repair is for a damaged one). */
function settingsOf(ss: Spreadsheet, tz: string): SettingsRead {
  try {
    return readSettings(ss, tz);
  } catch (e) {
    if (e instanceof UserError && !ss.getSheetByName(TAB.settings) && !ss.getSheetByName(TAB.keyResults)) throw new UserError(NOT_SET_UP);
    throw e;
  }
}

function context(): Context {
  const ss = SpreadsheetApp.getActive();
  const tz = ss.getSpreadsheetTimeZone();
  const locale = ss.getSpreadsheetLocale();
  const s = settingsOf(ss, tz);
  const today = isoDate(new Date(), tz);
  // After the last day (check-ins still open for a week) it is the last week's, as checkin.ts writes it.
  return { ss, tz, locale, s, today, week: Math.min(weekNumber(today, s.settings.startDate), s.settings.weeks) };
}

function sidebarData(c: Context, who: Identity, owners: string[], krs: SidebarKr[], brief?: BriefKr[]): SidebarData {
  const { settings } = c.s;
  const { startDate: start, weeks } = settings;
  // Check-ins are refused outside the cycle (checkin.ts): the page says so before anything is typed.
  const end = cycleLastDay(start, weeks);
  const closed = checkinsOpen(c.today, start, weeks) ? undefined : { start, end };
  // The week after the last day: the form stays, with a line saying until when.
  const late = !closed && c.today > end ? { end, until: lateCheckinsUntil(start, weeks) } : undefined;
  return {
    ok: true,
    user: who,
    owners: pickable(owners),
    locale: c.locale,
    numberStyle: numberStyleFor(c.locale),
    cycle: { name: settings.cycleName, start, week: Math.min(Math.max(c.week, 1), weeks), weeks, asOf: c.today, ...(closed ? { closed } : {}), ...(late ? { late } : {}) },
    krs,
    ...(brief ? { brief } : {}),
    rules: { onTrackGap: settings.onTrackGap, atRiskGap: settings.atRiskGap },
  };
}

/**
 * The owners "who are you" offers: one per person (core/owners.ts ownersOf), so `anna@example.com` and
 * `Anna Lee <anna@example.com>` on two KRs are offered once, in the first spelling, and either finds both
 * KRs; the co-owners of one cell (`Anna; Bo`) are offered each on their own.
 */
function pickable(owners: string[]): string[] {
  const first = new Map<string, string>();
  for (const cell of owners) for (const o of ownersOf(cell)) if (!first.has(o.key)) first.set(o.key, o.text);
  return Array.from(first.values()).sort();
}

/** Everything the sidebar shows, for every KR the person may check in on: the whole KR table is read. */
function fullData(c: Context, who: Identity): SidebarData {
  const krT = readKrRows(c.ss, c.s);
  const all = keyResultsFrom(krT, c.tz);
  const mine = who.needsIdentity ? [] : all.filter((kr) => owns(who, kr, objectiveOwnerOf(krT, kr)));
  const tail = mine.length ? readLogTail(c.ss, c.s) : null;
  const krs = markPercentCells(c.ss, krT, mine).map((kr) => sidebarKr(krT, kr, tail, c.tz, c.s.settings, c.week));
  // With no email available, objectives' owners are offered too, to pick themselves and see their objectives'
  // KRs (a large tracker's page, from four columns, offers the KRs' owners only).
  const objectiveOwners = who.email ? [] : all.map((k) => String(objectiveOwnerOf(krT, k) ?? ""));
  const people = all.map((k) => k.owner).concat(objectiveOwners);
  return sidebarData(c, who, people, krs);
}

export function getSidebarData(raw: unknown): SidebarResult {
  return guarded((): SidebarResult => {
    const parsed = sidebarRequestSchema().safeParse(raw ?? {});
    if (!parsed.success) {
      return { ok: false, message: `The sidebar sent a request the add-on does not understand (${whatIsWrong(parsed.error.issues[0], raw)}). Reload it.` };
    }
    const c = context();
    return fullData(c, identify(c.s.settings, parsed.data.as));
  }) as SidebarResult;
}

/**
 * The data the menu item embeds in the sidebar page. On a tracker whose Key Results table holds more than
 * PAGE_FULL_TABLE_CELLS cells, it reads the first four columns of every KR row and the one row of the KR
 * the form starts on (the same rule as the page's, defaultKrId), and not the log: that KR comes with its
 * details but no recent check-ins in `krs`, the person's other KRs by name in `brief`, and the page asks
 * getSidebarData for the rest in the background while the form is already usable. The same service calls
 * as getSidebarData's for an owner (three reads). Smaller trackers get getSidebarData's data.
 */
export function sidebarPageData(): SidebarResult {
  return guarded((): SidebarResult => {
    const c = context();
    const who = identify(c.s.settings, undefined);
    const all = readKrBrief(c.ss, c.s, PAGE_FULL_TABLE_CELLS);
    if (!all) return fullData(c, who);
    const mine = who.needsIdentity ? [] : all.filter((kr) => owns(who, kr));
    // Asked once: inside find's callback it was asked again for every KR, n² owner matches for an admin owning none.
    const firstId = defaultKrId(mine, who);
    const first = mine.find((kr) => kr.id === firstId);
    const krs: SidebarKr[] = [];
    let people = all.map((k) => k.owner);
    if (!first && !who.isAdmin) {
      // No KR row to read: the Objectives tab's owners in its place (no call more), so an objective's owner who
      // owns no KR sees its KRs at once (until session 19 they were told they own none, and the page never
      // asked for more), and with no email available the objectives' owners are offered too, as fullData does.
      const objOwner = objectiveOwnersRead(c.ss, c.s);
      // Its ID or Owner moved out of A–C (or no header placed): the full data, whose Objective owner cells
      // follow the columns. Until session 20 the page listed no KR and asked for nothing more.
      if (!objOwner) return fullData(c, who);
      const ownerOf = (kr: BriefKr) => objOwner.get(objectiveKey(kr.objectiveId)) ?? "";
      if (who.needsIdentity) people = people.concat(all.map(ownerOf));
      else mine.push(...all.filter((kr) => isOwner(ownerOf(kr), who.actingAs)));
    }
    if (first) {
      const krT = readKrRow(c.ss, c.s, first.id, first.row);
      const kr = keyResultsFrom(krT, c.tz).find((k) => k.id === first.id);
      // Without the log's tail (one read fewer): its recent check-ins come with the full data.
      if (kr) krs.push(...markPercentCells(c.ss, krT, [kr]).map((k) => sidebarKr(krT, k, null, c.tz, c.s.settings, c.week)));
      // The row's Objective owner, read anyway: the person's own objective's other KRs are listed at once too (no
      // call more; until session 20 with the full data only). Other objectives they own come with the full data.
      if (kr && !who.isAdmin && isOwner(objectiveOwnerOf(krT, kr), who.actingAs)) {
        const listed = new Set(mine.map((k) => k.id));
        mine.push(...all.filter((b) => !listed.has(b.id) && objectiveKey(b.objectiveId) === objectiveKey(kr.objectiveId)));
        mine.sort((a, b) => a.row - b.row);
      }
    }
    const detailed = new Set(krs.map((k) => k.id));
    return sidebarData(c, who, people, krs, mine.filter((kr) => !detailed.has(kr.id)));
  }) as SidebarResult;
}

/**
 * Each objective's Owner by its ID, from the Objectives tab's first three columns below the header the
 * Settings computed cell places (setup's layout: ID, Objective, Owner) in one read; null when that cell is
 * missing, or those columns do not hold ID and Owner (the page is then the full data).
 */
function objectiveOwnersRead(ss: Spreadsheet, s: SettingsRead): Map<string, string> | null {
  const headerRow = computedObjectiveHeaderRow(s);
  if (!headerRow) return null;
  let values: unknown[][];
  try {
    values = ss.getRange(`${quoteSheet(TAB.objectives)}!A${headerRow}:C`).getValues();
  } catch (e) {
    return null; // no Objectives tab: the full data says what is wrong
  }
  const t = { headers: (values[0] || []).map((v) => str(v)) };
  const id = col(t, "ID");
  const owner = col(t, "Owner");
  if (id < 0 || owner < 0) return null;
  const out = new Map<string, string>();
  for (const r of values.slice(1)) {
    // As the KR row's Objective owner cell finds it (MATCH: any case, spaces as typed), which the full data reads.
    const key = objectiveKey(idAsTyped(r[id]));
    if (key && !out.has(key)) out.set(key, str(r[owner]));
  }
  return out;
}

/** A short, safe description of the first problem in a request (never echoing the value itself). */
function whatIsWrong(issue: { code?: string; path: PropertyKey[]; keys?: string[] }, raw: unknown): string {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "it is not an object";
  if (issue.code === "unrecognized_keys") return `unknown field${(issue.keys || []).length > 1 ? "s" : ""} ${(issue.keys || []).map(quotedName).join(", ")}`;
  const field = String(issue.path[0] ?? "");
  return field ? `"${field}" has the wrong type or length` : "its shape is wrong";
}
