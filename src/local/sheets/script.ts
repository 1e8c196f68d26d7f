// ScriptApp: installable triggers (persisted in the snapshot), the enums add-on code reads, OAuth token.
import { randomUUID } from "node:crypto";
import type { SnapshotTrigger } from "../snapshot";
import { CountersImpl, pub, unpub } from "./counters";

// ---------------- ScriptApp ----------------

export const WeekDay = {
  MONDAY: "MONDAY", TUESDAY: "TUESDAY", WEDNESDAY: "WEDNESDAY", THURSDAY: "THURSDAY", FRIDAY: "FRIDAY", SATURDAY: "SATURDAY", SUNDAY: "SUNDAY",
} as const;
export const EventType = { CLOCK: "CLOCK", ON_OPEN: "ON_OPEN", ON_EDIT: "ON_EDIT", ON_FORM_SUBMIT: "ON_FORM_SUBMIT", ON_CHANGE: "ON_CHANGE", ON_EVENT_UPDATED: "ON_EVENT_UPDATED" } as const;
export const TriggerSource = { SPREADSHEETS: "SPREADSHEETS", CLOCK: "CLOCK", FORMS: "FORMS", DOCUMENTS: "DOCUMENTS", CALENDAR: "CALENDAR" } as const;
export const AuthMode = { NONE: "NONE", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", LIMITED: "LIMITED", FULL: "FULL" } as const;
export const AuthorizationStatus = { REQUIRED: "REQUIRED", NOT_REQUIRED: "NOT_REQUIRED" } as const;

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
  getTriggerSourceId() {
    return null;
  }
}

export class ClockTriggerBuilder {
  private t: SnapshotTrigger & { everyWeeks?: number; everyDays?: number; everyHours?: number };
  constructor(
    private readonly create_: (t: SnapshotTrigger) => LocalTrigger,
    handler: string,
  ) {
    this.t = { id: "", handler, type: "CLOCK" };
  }
  onWeekDay(d: string) {
    this.t.weekDay = String(d);
    return this;
  }
  atHour(h: number) {
    this.t.atHour = h;
    return this;
  }
  nearMinute() {
    return this;
  }
  everyWeeks(n: number) {
    this.t.everyWeeks = n;
    return this;
  }
  everyDays(n: number) {
    this.t.everyDays = n;
    return this;
  }
  everyHours(n: number) {
    this.t.everyHours = n;
    return this;
  }
  everyMinutes() {
    return this;
  }
  inTimezone() {
    return this;
  }
  at() {
    return this;
  }
  after() {
    return this;
  }
  create() {
    const rec: SnapshotTrigger = { id: "", handler: this.t.handler, type: "CLOCK" };
    if (this.t.weekDay !== undefined) rec.weekDay = this.t.weekDay;
    if (this.t.atHour !== undefined) rec.atHour = this.t.atHour;
    return pub(this.create_(rec));
  }
}


export class TriggerBuilder {
  constructor(
    private readonly create_: (t: SnapshotTrigger) => LocalTrigger,
    private readonly handler: string,
  ) {}
  timeBased() {
    return new ClockTriggerBuilder(this.create_, this.handler);
  }
  forSpreadsheet() {
    throw new Error("Only time-based triggers are supported by the local spreadsheet.");
  }
}

export class LocalScriptApp {
  readonly _kind = "ScriptApp";
  readonly WeekDay = WeekDay;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  constructor(
    readonly _counters: CountersImpl,
    private readonly triggers: SnapshotTrigger[],
  ) {}
  newTrigger(fn: string) {
    return new TriggerBuilder((t) => {
      t.id = randomUUID().replace(/-/g, "").slice(0, 20);
      this.triggers.push(t);
      return new LocalTrigger(this._counters, t);
    }, String(fn));
  }
  getProjectTriggers() {
    return this.triggers.map((t) => new LocalTrigger(this._counters, t));
  }
  getUserTriggers() {
    return this.getProjectTriggers();
  }
  deleteTrigger(trigger: LocalTrigger) {
    const id = unpub(trigger)._t.id;
    const at = this.triggers.findIndex((t) => t.id === id);
    if (at >= 0) this.triggers.splice(at, 1);
  }
  getScriptId() {
    return "local-script";
  }
  getAuthorizationInfo() {
    return { getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED, getAuthorizationUrl: () => null };
  }
  getOAuthToken() {
    return "local-token";
  }
}

