// Which of this user's triggers is which tracker's weekly refresh.
//
// A time-driven trigger has no active spreadsheet and its getTriggerSourceId() is null ("For clock events
// this returns null", ref/script/trigger), so the trigger → spreadsheet record is kept by the add-on: in the
// user's properties (what a time-driven run can always read) and, as a second copy, in the document's
// properties, which travel with the spreadsheet: a copy of the file, or the local tracker saved and
// reopened, still knows its trigger, so turning the refresh on again replaces it (never two) and the
// handler still finds its spreadsheet.
//
// When both records are lost (properties cleared), the trigger still exists and an add-on may hold one
// time-driven trigger per user per document, so a new one is refused. Two ways find it again: Google's
// getUserTriggers(spreadsheet), if it lists time-driven triggers (undocumented; both readings are tested,
// docs/apps-script-fidelity.md "To check" 13), and, after that refusal, elimination (`unplaced`).
import { docProps } from "./weeklyState";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export const REFRESH_HANDLER = "weeklyRefresh";
const PROP_PREFIX = "okr.weekly.";

/** This user's properties: where a time-driven run reads which tracker its trigger serves. */
const userProps = () => PropertiesService.getUserProperties();

/**
 * The spreadsheet a trigger serves, as recorded, and the day its run could not open it (`unopened`, kept in
 * the user's record after "ID day" until a run opens it again: rhythm.ts openServed); null when no record is
 * readable from here.
 */
export function servedRecord(uid: string): { id: string; unopened: string } | null {
  const key = PROP_PREFIX + uid;
  let raw = userProps().getProperty(key);
  if (!raw) {
    const doc = docProps();
    raw = doc ? doc.getProperty(key) : null;
  }
  if (!raw) return null;
  const [id, unopened = ""] = raw.split(" ");
  return { id, unopened };
}

function servedBy(uid: string): string | null {
  const r = servedRecord(uid);
  return r ? r.id : null;
}

/** Notes in the user's record that the trigger's run could not open its spreadsheet on `day`. */
export function recordUnopened(uid: string, id: string, day: string): void {
  userProps().setProperty(PROP_PREFIX + uid, `${id} ${day}`);
}

/**
 * Whether this run knows that no record places the trigger: none in the user's properties, and the
 * document's properties readable and holding none. A time-driven run may be given no document properties
 * (null: docs/apps-script-fidelity.md "To check" 3); then a record kept only in the tracker's document
 * (the user's properties cleared) cannot be ruled out, and the answer is false.
 */
export function knownUnplaced(uid: string): boolean {
  const key = PROP_PREFIX + uid;
  if (userProps().getProperty(key)) return false;
  const doc = docProps();
  return !!doc && !doc.getProperty(key);
}

export function recordTrigger(uid: string, ssId: string): void {
  userProps().setProperty(PROP_PREFIX + uid, ssId);
  const doc = docProps();
  if (doc) doc.setProperty(PROP_PREFIX + uid, ssId);
}

/** This user's refresh triggers, each with the spreadsheet it serves (getProjectTriggers lists only the caller's own). */
export function refreshTriggers(): { trigger: Trigger; ssId: string | null }[] {
  return ScriptApp.getProjectTriggers()
    .filter((t) => t.getHandlerFunction() === REFRESH_HANDLER)
    .map((trigger) => ({ trigger, ssId: servedBy(trigger.getUniqueId()) }));
}

/**
 * This user's refresh triggers for the spreadsheet: those recorded as serving it, and those Google lists as
 * this user's in it (getUserTriggers: "for this script or add-on only"), recorded or not.
 */
export function triggersFor(ss: Spreadsheet): Trigger[] {
  const out = refreshTriggers()
    .filter((r) => r.ssId === ss.getId())
    .map((r) => r.trigger);
  for (const t of ScriptApp.getUserTriggers(ss)) {
    if (t.getHandlerFunction() === REFRESH_HANDLER && !out.some((o) => o.getUniqueId() === t.getUniqueId())) out.push(t);
  }
  return out;
}

/**
 * After Google refused a time-driven trigger here because this user already has one in this document:
 * this user's time-driven triggers that no record places in another spreadsheet. The refused one is among
 * them (records only ever name the spreadsheet a trigger was made in), so when there is exactly one, it is
 * this tracker's; with more, nothing documented tells which.
 */
export function unplaced(ss: Spreadsheet): Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => {
    if (t.getEventType() !== ScriptApp.EventType.CLOCK) return false;
    const at = servedBy(t.getUniqueId());
    return !at || at === ss.getId();
  });
}

/** Google's refusal of a second time-driven trigger of one user in one document (wording: "To check" 12). */
export const isOnePerDocument = (message: string): boolean => /\bthis document\b/i.test(message);

export function deleteTrigger(t: Trigger): void {
  userProps().deleteProperty(PROP_PREFIX + t.getUniqueId());
  const doc = docProps();
  if (doc) doc.deleteProperty(PROP_PREFIX + t.getUniqueId());
  ScriptApp.deleteTrigger(t);
}
