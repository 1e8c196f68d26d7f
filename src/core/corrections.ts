// Corrected check-ins: the log keeps both rows (docs/checkins.md, "Correcting a check-in"); the correction's
// What changed names the request ID of the row it replaces. Reports read the log without the replaced rows,
// so they agree with Current, which follows the correction.
import type { CheckinEntry } from "./model";
import { exactText, percentShown, type NumberStyle } from "./numbers";
import { valueWithUnit } from "./valueDigits";

const CORRECTION = /^Correction of check-in (.+?) \(/;

/** The request ID a correction's What changed names, or null when the text is not a correction's. */
export function replacedRequestId(whatChanged: string): string | null {
  const m = CORRECTION.exec(String(whatChanged ?? ""));
  return m ? m[1] : null;
}

/**
 * The log without the rows a later correction of the same KR replaces. Only a later row can replace an
 * earlier one (a correction is appended), so a note naming an unrelated or later row removes nothing.
 */
export function withoutReplaced(checkins: CheckinEntry[]): CheckinEntry[] {
  // KR and request ID → the row of the last correction naming it.
  const fixedBy = new Map<string, number>();
  const key = (krId: string, requestId: string) => `${krId}\n${requestId}`;
  for (const c of checkins) {
    const id = replacedRequestId(c.whatChanged);
    if (id === null) continue;
    const k = key(c.krId, id);
    fixedBy.set(k, Math.max(fixedBy.get(k) ?? -Infinity, c.row));
  }
  if (fixedBy.size === 0) return checkins;
  return checkins.filter((c) => !(c.row < (fixedBy.get(key(c.krId, c.requestId)) ?? -Infinity)));
}

const NOTE = /^Correction of check-in .+? \(([^,()]+), value ([^()]*)\)\.\s*([\s\S]*)$/;

/**
 * A check-in's What changed as the summary's leaders read it (Needs attention, Low confidence, the digest):
 * a correction's note names the replaced row by its request ID for the log and the reports' matching, a
 * 36-character UUID a leader cannot use ("Correction of check-in 6d4adef1-… (2026-01-23, value 1.15). typo"),
 * so it reads "Corrected from 1.15: typo" there (session 18's review). Any other text, and the log and History,
 * keep the note as written.
 */
export function commentShown(whatChanged: unknown): string {
  const text = String(whatChanged ?? "");
  const m = NOTE.exec(text);
  if (!m) return text;
  const rest = m[3].trim();
  return `Corrected from ${m[2].trim()}${rest ? `: ${rest}` : "."}`;
}

/**
 * A correction's What changed: names the check-in it replaces by request ID (for the log and the reports'
 * matching, replacedRequestId) and its value in the KR's unit as every other place writes it ("value $1.15",
 * "value 11.5 days", "value 79%"; until session 18 "value 1.15", which the review read as unitless), in the
 * locale's separator; a fraction-% KR's value × 100, as its cells show it. A unit with brackets is left out,
 * so that NOTE (and commentShown) read the note as they read every note written before.
 */
export function correctionNote(replaced: Logged, text: string, kr: Shown, sep: NumberStyle): string {
  const note = `Correction of check-in ${replaced.requestId} ${checkinNamed(replaced, kr, sep)}.`;
  return text.trim() ? `${note} ${text}` : note;
}

type Logged = { requestId: string; date: string; value: unknown };
type Shown = { unit?: unknown; percentCells?: boolean };

/** "(2026-01-20, value 8.5%)": a logged check-in as a correction's note names it (and the refusal of a stale one). */
export function checkinNamed(replaced: Logged, kr: Shown, sep: NumberStyle): string {
  const raw = replaced.value;
  let value = typeof raw === "number" ? exactText(kr.percentCells ? percentShown(raw) : raw, sep) : String(raw ?? "");
  if (typeof raw === "number") {
    const withUnit = valueWithUnit(value, kr.percentCells ? "%" : kr.unit, sep);
    if (!/[()]/.test(withUnit)) value = withUnit;
  }
  return `(${replaced.date}, value ${value})`;
}
