// The mark closing a cycle leaves (a row of the Settings tab), and what a check-in or a summary made after it
// says. Check-ins stay open after a close (docs/lifecycle.md: closing again refreshes the Retrospective with
// them, keeping the learnings typed), so a check-in or a summary after the close is accepted, saying the
// cycle is closed: until session 13 they carried on without a word after an early close. A Settings row,
// not a document property: every check-in and summary reads Settings A1:C40 already, so knowing it costs
// them no call (a property read cost a check-in two, past its 3-second budget at 200 KRs).
import { isValidIsoDate } from "./dates";

/** The Settings row's label; its value is the day the Retrospective's scores are as of (text YYYY-MM-DD). */
export const CYCLE_CLOSED_LABEL = "Cycle closed as of (set by closing)";
export const CYCLE_CLOSED_NOTE =
  "Written by End cycle & retrospective: the day its final scores are as of. Check-ins and summaries after it say the cycle is closed. Rolling over clears this row; a date before the cycle's start (a cycle before's) is ignored.";

/**
 * The day the current cycle was closed as of, from the Settings row's value, or null: none, not a date, or
 * before this cycle's start (left by the cycle before; the roll over clears the row, server/closeMark.ts
 * clearClosedMark: a close as of a day past the cycle's last one is not before the next cycle's start).
 */
export function closedAsOf(value: unknown, settings: { startDate: string }): string | null {
  // Written literal ("'" + day, closeMark.ts): a Settings tab formatted as Plain text keeps the quote.
  const day = typeof value === "string" ? value.trim().replace(/^'/, "") : "";
  return isValidIsoDate(day) && day >= settings.startDate ? day : null;
}

/** What a check-in saved after the close says (the sidebar under its "Saved", the CLI on a line of its own). */
export function closedCheckinNotice(closedOn: string): string {
  return `The cycle was closed as of ${closedOn}: this check-in is saved, but the Retrospective keeps its scores as of ${closedOn} until you close the cycle again ("End cycle & retrospective"), which keeps the learnings and decisions typed.`;
}

/**
 * The line a close's answer adds when the close day could not be recorded in Settings (`why`; `fix`: what to
 * do about it, or ""): the close is done, but nothing after it will say so.
 */
export function closeNotRecorded(why: string, fix: string): string {
  return `The close day could not be recorded in Settings: ${why}, so check-ins and summaries after the close will not say the cycle is closed.${fix ? ` ${fix}` : ""}`;
}

/** How the Retrospective's date line begins (core/retroTab.ts writes it); retroClosedOn reads the day back. */
export const FINAL_SCORES_AS_OF = "Final scores as of ";

/** The day the Retrospective's scores are as of, from its date line ("Final scores as of D · …"), or null. */
export function retroClosedOn(values: unknown[][]): string | null {
  for (const row of values.slice(0, 3)) {
    const m = DATE_LINE.exec(String(row[0] ?? ""));
    if (m) return m[1];
  }
  return null;
}
const DATE_LINE = new RegExp(`^${FINAL_SCORES_AS_OF}(\\d{4}-\\d{2}-\\d{2}) `);

/** The summary subtitle's part after the close: " · cycle closed as of D". */
export function closedSuffix(closedOn: string | null | undefined): string {
  return closedOn ? ` · cycle closed as of ${closedOn}` : "";
}
