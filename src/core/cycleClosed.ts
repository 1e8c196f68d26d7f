// The record closing a cycle leaves (a document property), and what a check-in or a summary made after it says.
// Check-ins stay open after a close (docs/lifecycle.md: closing again refreshes the Retrospective with them,
// keeping the learnings typed), so a check-in or a summary after the close is accepted, saying the cycle is
// closed: until session 13 they carried on without a word after an early close.

/** The document property closing writes: "<cycle name>|<start date>|<as of>". */
export const CYCLE_CLOSED_KEY = "okrSheets.cycleClosed";

/** The record's text for the cycle closed as of `asOf`. */
export function cycleClosedRecord(settings: { cycleName: string; startDate: string }, asOf: string): string {
  return `${settings.cycleName}|${settings.startDate}|${asOf}`;
}

/** The day the current cycle was closed as of, or null (no record, or one of a cycle before: another name or start). */
export function closedAsOf(record: string | null | undefined, settings: { cycleName: string; startDate: string }): string | null {
  if (!record) return null;
  const prefix = `${settings.cycleName}|${settings.startDate}|`;
  if (!record.startsWith(prefix)) return null;
  const day = record.slice(prefix.length);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** What a check-in saved after the close says (the sidebar under its "Saved", the CLI on a line of its own). */
export function closedCheckinNotice(closedOn: string): string {
  return `The cycle was closed as of ${closedOn}: this check-in is saved, but the Retrospective keeps its scores as of ${closedOn} until you close the cycle again ("End cycle & retrospective"), which keeps the learnings and decisions typed.`;
}

/** The summary subtitle's part after the close: " · cycle closed as of D". */
export function closedSuffix(closedOn: string | null | undefined): string {
  return closedOn ? ` · cycle closed as of ${closedOn}` : "";
}
