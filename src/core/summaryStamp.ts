// When the Weekly Summary was generated, written into its subtitle ("… · generated 2026-11-15 10:02") so a
// reader (and the local preview, which marks a summary that check-ins have overtaken) can see it. And the
// note on scores that the summary's tab and its e-mail both end with.
import { decimalText, type NumberStyle } from "./numbers";

/** " · generated 2026-11-15 10:02", or "" when the time is not known. */
export function generatedSuffix(generatedAt: string | undefined): string {
  return generatedAt ? ` · generated ${generatedAt}` : "";
}

/** The "YYYY-MM-DD HH:mm" a summary subtitle says it was generated at, or null. */
export function generatedFrom(subtitle: string): string | null {
  const m = / · generated (\d{4}-\d{2}-\d{2} \d{2}:\d{2})\b/.exec(subtitle);
  return m ? m[1] : null;
}

/** The "as of" date of a summary subtitle, or null. */
export function asOfFrom(subtitle: string): string | null {
  const m = /\bas of (\d{4}-\d{2}-\d{2})\b/.exec(subtitle);
  return m ? m[1] : null;
}

/** "Scores run from 0.00 to 1.00", `then` (the tab's ". Expected", the e-mail's "; expected") and what expected is. */
export function scoresNote(sep: NumberStyle, then: string): string {
  return `Scores run from ${decimalText("0.00", sep)} to ${decimalText("1.00", sep)}${then} = share of the cycle elapsed (for a KR dated in Counts from, of its days from then) × goal`;
}
