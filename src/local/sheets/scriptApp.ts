// ScriptApp as Google documents it for installable triggers, not more kindly:
// - a trigger belongs to the user who created it; getProjectTriggers() returns only the *current user's*
//   triggers of the project, and only they can delete them (another admin cannot even see them);
// - a time-driven trigger's atHour() is in the *script's* time zone (the manifest's, Etc/UTC here) unless
//   inTimezone() says otherwise, and the trigger records the zone;
// - a trigger runs as its owner;
// - the triggers belong to the user and the *script*, not the document: getProjectTriggers() lists the
//   user's triggers from every document the add-on runs in, and "Triggers: 20 / user / script"
//   (https://developers.google.com/apps-script/guides/services/quotas) counts them all: the 21st create()
//   throws TOO_MANY_TRIGGERS (the words Apps Script uses; the quotas page gives only the number);
// - "Each add-on can only have one trigger of each type, per user, per document"
//   (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions): a second
//   time-driven trigger of the same user in the same spreadsheet is refused (ONE_PER_DOCUMENT: Google does
//   not document the words; the emulator uses those users quote from live runs, see
//   docs/apps-script-fidelity.md "To check" 12);
// - a time-driven trigger's getTriggerSourceId() is null ("For clock events this returns null");
// - getUserTriggers(spreadsheet) gives "all installable triggers owned by this user in the given
//   spreadsheet, for this script or add-on only": whether that takes in an add-on's time-driven triggers
//   made in the spreadsheet (their source is the clock, not the spreadsheet) is not documented, so by
//   default they are left out, the reading under which code relying on it breaks; a project with
//   `userTriggersListClock` models the other reading ("To check" 13).
// - a clock trigger needs a frequency: "Frequency is required if you are using atHour() or nearMinute()"
//   (ref/script/clock-trigger-builder, atHour's example); onWeekDay alone is one (its example creates a
//   trigger with nothing else). create() without onWeekDay or everyWeeks throws (NO_FREQUENCY: the words are
//   not documented, "To check" 46);
// - a recurring trigger fires at a minute Google picks within its hour ("If nearMinute() is not called, a
//   random minute value is used"; "if you create a recurring 9 a.m. trigger, Apps Script chooses a time
//   between 9 a.m. and 10 a.m.", guides/triggers/installable): the emulator picks one per trigger when it is
//   made (pickMinute: deterministic, so a failing test fails every time), and nextClockRun fires there, so
//   code that takes the run to be at the hour's start fails a test.
// Triggers saved before owners were recorded (no owner) are visible to everyone.
import { randomUUID } from "node:crypto";
import type { ScriptProject, SnapshotTrigger } from "../snapshot";
import { pub, unpub, type CountersImpl } from "./counters";
import { appsEnum, enumName, signatureError } from "./enums";
import { tzOffsetMinutes } from "./time";

// Enum objects, as on Google (enums.ts): onWeekDay("MONDAY") fits no overload, and getEventType() is no string.
const WEEKDAY = "ScriptApp.WeekDay";
export const WeekDay = appsEnum(WEEKDAY, ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const);
export const EventType = appsEnum("ScriptApp.EventType", ["CLOCK", "ON_OPEN", "ON_EDIT", "ON_FORM_SUBMIT", "ON_CHANGE", "ON_EVENT_UPDATED"] as const);
export const TriggerSource = appsEnum("ScriptApp.TriggerSource", ["SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR"] as const);
export const AuthMode = appsEnum("ScriptApp.AuthMode", ["NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"] as const);

export const TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS = "This script has too many triggers. Triggers must be deleted from the script before more can be added.";
export const ONE_PER_DOCUMENT = "This add-on has created too many time-based triggers in this document for this Google user account.";
/** A clock trigger made with no frequency (no onWeekDay, no everyWeeks): Google's words are not documented ("To check" 46). */
export const NO_FREQUENCY = "Clock trigger has no frequency: call everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay or onMonthDay before create().";

/** The time zone a script runs in: appsscript.json's "timeZone". */
export const SCRIPT_TIME_ZONE = "Etc/UTC";

export class LocalTrigger {
  readonly _kind = "Trigger";
  constructor(
    readonly _counters: CountersImpl,
    readonly _t: SnapshotTrigger,
  ) {}
  getHandlerFunction() {
    return this._t.handler;
  }
  getUniqueId() {
    return this._t.id;
  }
  getEventType() {
    return EventType.CLOCK;
  }
  getTriggerSource() {
    return TriggerSource.CLOCK;
  }
  getTriggerSourceId(): string | null {
    return null; // "For clock events this returns null"
  }
}

type Create = (t: SnapshotTrigger) => LocalTrigger;

export class ClockTriggerBuilder {
  private t: SnapshotTrigger;
  private weeks = 0;
  constructor(
    private readonly create_: Create,
    handler: string,
  ) {
    this.t = { id: "", handler, type: "CLOCK" };
  }
  onWeekDay(d: unknown) {
    const day = enumName(d, WEEKDAY);
    if (!day) throw signatureError("ScriptApp.ClockTriggerBuilder.onWeekDay", [d]);
    this.t.weekDay = day;
    return this;
  }
  atHour(h: number) {
    if (!Number.isInteger(h) || h < 0 || h > 23) throw new Error(`Invalid argument: hour (${h})`);
    this.t.atHour = h;
    return this;
  }
  everyWeeks(n: number) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: n (${n})`);
    this.weeks = n;
    return this;
  }
  inTimezone(tz: string) {
    const zone = String(tz);
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
    } catch {
      throw new Error(`Invalid argument: timezone (${zone})`);
    }
    this.t.timeZone = zone;
    return this;
  }
  create() {
    if (this.t.weekDay === undefined && !this.weeks) throw new Error(NO_FREQUENCY);
    const rec: SnapshotTrigger = { id: "", handler: this.t.handler, type: "CLOCK" };
    if (this.t.weekDay !== undefined) rec.weekDay = this.t.weekDay;
    if (this.t.atHour !== undefined) rec.atHour = this.t.atHour;
    if (this.t.timeZone !== undefined) rec.timeZone = this.t.timeZone;
    return pub(this.create_(rec));
  }
}

export class TriggerBuilder {
  constructor(
    private readonly create_: Create,
    private readonly handler: string,
  ) {}
  timeBased() {
    return new ClockTriggerBuilder(this.create_, this.handler);
  }
}

export class LocalScriptApp {
  readonly _kind = "ScriptApp";
  readonly WeekDay = WeekDay;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  constructor(
    readonly _counters: CountersImpl,
    /** The script's triggers across documents (this one's included, under `docId`). */
    private readonly project: ScriptProject,
    private readonly docId: string,
    /** The user running the script now (a trigger's owner when it runs). */
    private readonly user: () => string,
  ) {}
  private mine(t: SnapshotTrigger): boolean {
    return t.owner === undefined || t.owner === this.user();
  }
  private here(): SnapshotTrigger[] {
    let list = this.project.triggers.get(this.docId);
    if (!list) this.project.triggers.set(this.docId, (list = []));
    return list;
  }
  /** The current user's triggers of this script, every document's. */
  private allMine(): SnapshotTrigger[] {
    const out: SnapshotTrigger[] = [];
    for (const list of this.project.triggers.values()) for (const t of list) if (this.mine(t)) out.push(t);
    return out;
  }
  newTrigger(fn: string) {
    return new TriggerBuilder((t) => {
      if (this.allMine().length >= TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
      if (this.here().some((o) => o.type === t.type && this.mine(o))) throw new Error(ONE_PER_DOCUMENT);
      t.id = randomUUID().replace(/-/g, "").slice(0, 20);
      t.owner = this.user();
      if (t.timeZone === undefined) t.timeZone = SCRIPT_TIME_ZONE;
      t.minute = pickMinute(`${this.docId}|${t.owner}|${t.handler}|${this.allMine().length}`);
      this.here().push(t);
      return new LocalTrigger(this._counters, t);
    }, String(fn));
  }
  getProjectTriggers() {
    return this.allMine().map((t) => new LocalTrigger(this._counters, t));
  }
  /** The current user's triggers made in `spreadsheet`; time-driven ones only under the project's chosen reading. */
  getUserTriggers(spreadsheet: { getId(): string }) {
    if (!spreadsheet || typeof spreadsheet.getId !== "function") throw new Error("Invalid argument: spreadsheet");
    const list = this.project.triggers.get(String(spreadsheet.getId())) ?? [];
    return list
      .filter((t) => this.mine(t) && (t.type !== "CLOCK" || this.project.userTriggersListClock === true))
      .map((t) => new LocalTrigger(this._counters, t));
  }
  /**
   * A trigger already deleted (by this execution or another: a run deleting itself while an admin turns the
   * refresh off) is refused in the emulator's words: Google does not say what it does ("to check" 63), and
   * code that deletes a trigger it holds must not count on it still being there. It did nothing.
   */
  deleteTrigger(trigger: LocalTrigger) {
    const id = unpub(trigger)?._t?.id;
    if (id === undefined) throw signatureError("ScriptApp.deleteTrigger", [trigger]);
    let found = false;
    for (const list of this.project.triggers.values()) {
      const at = list.findIndex((t) => t.id === id);
      if (at >= 0 && this.mine(list[at])) list.splice(at, 1);
      found ||= at >= 0;
    }
    if (!found) throw new Error(`Offline spreadsheet: the trigger ${id} was already deleted.`);
  }
}

/**
 * The minute of its hour a new trigger fires at: a hash of what the trigger is (its document, owner, handler
 * and how many triggers the owner had), not of its random ID, so a test sees the same minute on every run.
 */
export function pickMinute(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return (h >>> 0) % 60;
}

const DAY_INDEX: Record<string, number> = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 };

/**
 * The first instant after `afterMs` at which a weekly clock trigger runs: its weekday at atHour and its
 * minute (the one Google picked: SnapshotTrigger.minute) in the trigger's time zone.
 */
export function nextClockRun(t: SnapshotTrigger, afterMs: number): number {
  const tz = t.timeZone ?? SCRIPT_TIME_ZONE;
  const day = t.weekDay === undefined ? null : DAY_INDEX[String(t.weekDay).toUpperCase()];
  const hour = t.atHour ?? 0;
  const minute = t.minute ?? 0;
  const local = (ms: number) => new Date(ms + tzOffsetMinutes(ms, tz) * 60_000);
  const start = local(afterMs);
  for (let i = 0; i <= 8; i++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + i, hour, minute));
    if (day !== null && d.getUTCDay() !== day) continue;
    // Wall time → instant: the offset at the guess, corrected once (daylight saving).
    let ms = d.getTime() - tzOffsetMinutes(d.getTime(), tz) * 60_000;
    ms = d.getTime() - tzOffsetMinutes(ms, tz) * 60_000;
    if (ms > afterMs) return ms;
  }
  throw new Error("no run within a week");
}
