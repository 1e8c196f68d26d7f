// ScriptApp as Google documents it for installable triggers, not more kindly:
// - a trigger belongs to the user who created it; getProjectTriggers() returns only the *current user's*
//   triggers of the project, and only they can delete them (another admin cannot even see them);
// - a time-driven trigger's atHour() is in the *script's* time zone (the manifest's, Etc/UTC here) unless
//   inTimezone() says otherwise, and the trigger records the zone;
// - a trigger runs as its owner.
// Triggers saved before owners were recorded (no owner) are visible to everyone.
import { randomUUID } from "node:crypto";
import type { SnapshotTrigger } from "../snapshot";
import { pub, unpub, type CountersImpl } from "./counters";
import { tzOffsetMinutes } from "./time";

export const WeekDay = {
  MONDAY: "MONDAY", TUESDAY: "TUESDAY", WEDNESDAY: "WEDNESDAY", THURSDAY: "THURSDAY", FRIDAY: "FRIDAY", SATURDAY: "SATURDAY", SUNDAY: "SUNDAY",
} as const;
export const EventType = { CLOCK: "CLOCK", ON_OPEN: "ON_OPEN", ON_EDIT: "ON_EDIT", ON_FORM_SUBMIT: "ON_FORM_SUBMIT", ON_CHANGE: "ON_CHANGE", ON_EVENT_UPDATED: "ON_EVENT_UPDATED" } as const;
export const TriggerSource = { SPREADSHEETS: "SPREADSHEETS", CLOCK: "CLOCK", FORMS: "FORMS", DOCUMENTS: "DOCUMENTS", CALENDAR: "CALENDAR" } as const;
export const AuthMode = { NONE: "NONE", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", LIMITED: "LIMITED", FULL: "FULL" } as const;

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
}

type Create = (t: SnapshotTrigger) => LocalTrigger;

export class ClockTriggerBuilder {
  private t: SnapshotTrigger;
  constructor(
    private readonly create_: Create,
    handler: string,
  ) {
    this.t = { id: "", handler, type: "CLOCK" };
  }
  onWeekDay(d: string) {
    this.t.weekDay = String(d);
    return this;
  }
  atHour(h: number) {
    if (!Number.isInteger(h) || h < 0 || h > 23) throw new Error(`Invalid argument: hour (${h})`);
    this.t.atHour = h;
    return this;
  }
  everyWeeks() {
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
    private readonly triggers: SnapshotTrigger[],
    /** The user running the script now (a trigger's owner when it runs). */
    private readonly user: () => string,
  ) {}
  private mine(t: SnapshotTrigger): boolean {
    return t.owner === undefined || t.owner === this.user();
  }
  newTrigger(fn: string) {
    return new TriggerBuilder((t) => {
      t.id = randomUUID().replace(/-/g, "").slice(0, 20);
      t.owner = this.user();
      if (t.timeZone === undefined) t.timeZone = SCRIPT_TIME_ZONE;
      this.triggers.push(t);
      return new LocalTrigger(this._counters, t);
    }, String(fn));
  }
  getProjectTriggers() {
    return this.triggers.filter((t) => this.mine(t)).map((t) => new LocalTrigger(this._counters, t));
  }
  deleteTrigger(trigger: LocalTrigger) {
    const id = unpub(trigger)._t.id;
    const at = this.triggers.findIndex((t) => t.id === id && this.mine(t));
    if (at >= 0) this.triggers.splice(at, 1);
  }
}

const DAY_INDEX: Record<string, number> = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 };

/**
 * The first instant after `afterMs` at which a weekly clock trigger runs: its weekday at atHour:00 in the
 * trigger's time zone (Google picks a minute within that hour; the start of the hour stands for it).
 */
export function nextClockRun(t: SnapshotTrigger, afterMs: number): number {
  const tz = t.timeZone ?? SCRIPT_TIME_ZONE;
  const day = t.weekDay === undefined ? null : DAY_INDEX[String(t.weekDay).toUpperCase()];
  const hour = t.atHour ?? 0;
  const local = (ms: number) => new Date(ms + tzOffsetMinutes(ms, tz) * 60_000);
  const start = local(afterMs);
  for (let i = 0; i <= 8; i++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + i, hour));
    if (day !== null && d.getUTCDay() !== day) continue;
    // Wall time → instant: the offset at the guess, corrected once (daylight saving).
    let ms = d.getTime() - tzOffsetMinutes(d.getTime(), tz) * 60_000;
    ms = d.getTime() - tzOffsetMinutes(ms, tz) * 60_000;
    if (ms > afterMs) return ms;
  }
  throw new Error("no run within a week");
}
