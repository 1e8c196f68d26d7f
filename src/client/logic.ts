// Pure pieces of the sidebar (no DOM), so they can be unit-tested in Node.
// Only type imports from ../core/api (it loads zod); shared values come from the zod-free ../core/limits.
import type { BriefKr, CheckinField, Failure, RecentCheckin, SidebarKr } from "../core/api";
import { MAX_TEXT } from "../core/limits";
import { evaluateKr } from "../core/evaluate";
import type { KeyResult } from "../core/model";
import { krValueText, type LineForecast } from "../core/forecast";
import { forecastLine } from "../core/forecastWords";
import { decimalOf, decimalText, exactText, fixedText, parseKrValue, type NumberStyle } from "../core/numbers";
import { implausible } from "../core/plausible";
import { valueWithUnit } from "../core/valueDigits";

export { MAX_TEXT };

export type { NumberStyle };

/** A random request ID: crypto.randomUUID where available, else 32 random hex digits. */
export function newRequestId(cryptoLike: Partial<Crypto> | undefined = globalThis.crypto): string {
  if (cryptoLike && typeof cryptoLike.randomUUID === "function") return cryptoLike.randomUUID();
  const bytes = new Uint8Array(16);
  if (cryptoLike && typeof cryptoLike.getRandomValues === "function") {
    cryptoLike.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  let hex = "";
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
  return hex;
}

/**
 * Holds the request ID of the check-in being attempted. The same ID is reused for every resend
 * (a retry after "busy", a lost response, a double click) until the server confirms a success, so the
 * server can recognise the repeat and write nothing new.
 */
export class RequestIdKeeper {
  private id: string | null = null;
  constructor(private readonly make: () => string = () => newRequestId()) {}
  /** The ID for this attempt, created on first use. */
  current(): string {
    if (this.id === null) this.id = this.make();
    return this.id;
  }
  /** The server confirmed this attempt: the next check-in gets a fresh ID. */
  succeeded(): void {
    this.id = null;
  }
}

/** A score for display: two decimals, in the spreadsheet's decimal separator; "—" when there is none. */
export function formatScore(score: number | null | undefined, sep: NumberStyle = "."): string {
  if (typeof score !== "number" || !isFinite(score)) return "—";
  return fixedText(score, 2, sep);
}

/**
 * A number as held, for display or for the value field (a correction's check-in, a confidence): without
 * float noise, never in exponent form (String() writes 1e-7, which the value field then refused), in the
 * locale's separator; text as is. A KR's value is shown at its decimals instead (krValue).
 */
export function formatValue(value: number | string | null | undefined, sep: NumberStyle = "."): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return exactText(value, sep);
  return String(value);
}

/**
 * A KR's number as the sheet shows it (× 100 where its cells hold fractions shown as percentages:
 * SidebarKr.percentCells) at the KR's decimals (core/valueDigits.ts valueDigits), as the Weekly Summary and the
 * CLI's check-in line write it: until session 14 it was formatValue's, "1e-7" in Now and the hint for a value
 * under 1e-6, and 85.125 where the summary says 85.13.
 */
export function krValue(kr: Pick<SidebarKr, "percentCells" | "start" | "target">, v: number | string | null | undefined, sep: NumberStyle = "."): string {
  if (typeof v !== "number" || !isFinite(v)) return formatValue(v, sep);
  const num = (x: unknown) => (typeof x === "number" && isFinite(x) ? x : null);
  return krValueText({ start: num(kr.start), target: num(kr.target), percentCells: !!kr.percentCells }, v, sep);
}

/**
 * A value with its unit, as the summary writes it (core/valueDigits.ts valueWithUnit): "%" sticks to the
 * number, other units follow with a space, a dollar or pound sign comes first with a decimal point ("$39.90");
 * money with two decimals at least ("14.20 €", not "14.2 €").
 */
export function withUnit(value: string, unit: string, sep: NumberStyle = "."): string {
  return valueWithUnit(value, unit, sep);
}

/** The CSS modifier for a status label; the label text itself is always shown too. */
export function statusClass(status: string): string {
  switch ((status || "").trim().toLowerCase()) {
    case "on track":
      return "on-track";
    case "at risk":
      return "at-risk";
    case "off track":
      return "off-track";
    case "not started":
      return "not-started";
    case "setup error":
      return "setup-error";
    default:
      return "other";
  }
}

/** The message shown after a successful check-in. */
export function successMessage(kr: Pick<SidebarKr, "score" | "status">, duplicate: boolean, sep: NumberStyle = "."): string {
  const head = duplicate ? "Already saved" : "Saved";
  const status = kr.status || "";
  if (typeof kr.score === "number" && isFinite(kr.score)) {
    return `${head}: score ${formatScore(kr.score, sep)}${status ? " — " + status : ""}`;
  }
  return status ? `${head} — ${status}` : head;
}

export const BUSY_MESSAGE = "The tracker is busy — try again";
export const GENERIC_FAILURE =
  "Something went wrong and the check-in may not have been saved. Please try again — sending it again never records it twice.";
export const LOAD_FAILURE = "Could not load your key results. Please try again.";

/** The form fields that show errors next to them, in the order they appear (first one gets focus). */
export const FORM_FIELDS = ["krId", "value", "confidence", "whatChanged", "blockers", "nextStep"] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface MappedFailure {
  /** The message for the status region. */
  message: string;
  /** Errors to show next to form fields, in form order. */
  fields: { field: FormField; message: string }[];
}

/** Splits a server failure into the status message and per-field errors (unknown fields go to the message). */
export function mapFailure(f: Pick<Failure, "message" | "fieldErrors" | "busy">): MappedFailure {
  if (f.busy) return { message: BUSY_MESSAGE, fields: [] };
  const errors: Partial<Record<CheckinField, string>> = f.fieldErrors || {};
  const fields: MappedFailure["fields"] = [];
  for (const field of FORM_FIELDS) {
    const m = errors[field];
    if (typeof m === "string" && m) fields.push({ field, message: m });
  }
  const extra: string[] = [];
  for (const key of Object.keys(errors)) {
    if ((FORM_FIELDS as readonly string[]).indexOf(key) < 0) {
      const m = (errors as Record<string, unknown>)[key];
      if (typeof m === "string" && m) extra.push(m);
    }
  }
  let message = typeof f.message === "string" && f.message ? f.message : "The check-in was not saved.";
  if (extra.length) message += " " + extra.join(" ");
  return { message, fields };
}

export interface FormValues {
  krId: string;
  value: string;
  confidence: string;
  whatChanged: string;
  blockers: string;
  nextStep: string;
}

/**
 * Instant feedback only (the server decides): a key result is chosen, a value is given, confidence is
 * a whole number 1–10, texts fit MAX_TEXT. Returns field → message.
 */
export function validateForm(v: FormValues): Partial<Record<FormField, string>> {
  const e: Partial<Record<FormField, string>> = {};
  if (!v.krId.trim()) e.krId = "Choose a key result.";
  if (!v.value.trim()) e.value = "Enter the new value.";
  const c = v.confidence.trim();
  if (!/^(10|[1-9])$/.test(c)) e.confidence = "Confidence must be a whole number from 1 to 10.";
  const labels: [FormField, string][] = [
    ["whatChanged", "What changed"],
    ["blockers", "Blockers"],
    ["nextStep", "Next step"],
  ];
  for (const [f, label] of labels) {
    if (v[f].length > MAX_TEXT) e[f] = `${label} is longer than ${MAX_TEXT} characters.`;
  }
  return e;
}

/** The placeholder for the value field in the locale ("3,5" or "3.5"). */
export function valuePlaceholder(sep: NumberStyle): string {
  return decimalOf(sep) === "," ? "e.g. 3,5" : "e.g. 3.5";
}

/** The hint under New value: unit, start → target, and the current value. */
export function valueHint(kr: Pick<SidebarKr, "unit" | "start" | "target" | "current" | "metric" | "percentCells">, sep: NumberStyle): string {
  const f = (x: number | string) => withUnit(krValue(kr, x, sep), kr.unit, sep);
  const parts: string[] = [];
  if (kr.metric === "milestone") parts.push("Fraction done, 0 to 1 (1 = done).");
  // Its cells hold fractions: the value typed is one too (the add-on asks about 85 on 0.82 → 0.95).
  else if (kr.percentCells) parts.push(`In %, as a fraction (${formatValue(0.85, sep)} for 85%).`);
  else if (kr.unit) parts.push(`In ${kr.unit}.`);
  const start = formatValue(kr.start, sep);
  const target = formatValue(kr.target, sep);
  if (start !== "" || target !== "") parts.push(`${f(kr.start) || "?"} → ${f(kr.target) || "?"}.`);
  const current = formatValue(kr.current, sep);
  parts.push(current !== "" ? `Now ${f(kr.current)}.` : "No value yet.");
  return parts.join(" ");
}

/** The last few check-ins, newest first (by date; entries with the same date keep their order). */
export function recentForDisplay(recent: RecentCheckin[] | undefined, limit = 5): RecentCheckin[] {
  const list = (recent || []).map((r, i) => ({ r, i }));
  list.sort((a, b) => (a.r.date < b.r.date ? 1 : a.r.date > b.r.date ? -1 : a.i - b.i));
  return list.slice(0, limit).map((x) => x.r);
}

/** Replaces the KR with the same ID (or appends it), returning a new array. */
export function replaceKr(krs: SidebarKr[], kr: SidebarKr): SidebarKr[] {
  let found = false;
  const out = krs.map((k) => {
    if (k.id === kr.id) {
      found = true;
      // A check-in's reply does not read the cells' formats (a check-in does not change them).
      return k.percentCells && !kr.percentCells ? { ...kr, percentCells: k.percentCells } : kr;
    }
    return k;
  });
  if (!found) out.push(kr);
  return out;
}

/** Confidence as a select value: "1"…"10", or "" when the sheet holds something else. */
export function confidenceOption(c: number | string | null | undefined): string {
  const s = String(c === null || c === undefined ? "" : c).trim();
  return /^(10|[1-9])$/.test(s) ? s : "";
}

// The same rule picks the KR whose details a large tracker's page carries (server/checkinSidebar.ts).
export { defaultKrId } from "../core/sidebarPage";

/**
 * What the page says instead of the form when today is outside the cycle (SidebarData.cycle.closed): the
 * server would refuse the check-in, so nothing is offered to type. `today` is the server's (cycle.asOf).
 */
export function closedMessage(c: { start: string; end: string }, today: string): string {
  if (today < c.start) return `Check-ins open on ${c.start}, when this cycle starts.`;
  return `Check-ins are closed: this cycle ended on ${c.end}. They open when an admin starts the next one (End cycle & retrospective, then Roll over to the next cycle).`;
}

/** Above the form in the week after the cycle's last day (SidebarData.cycle.late), when check-ins are still taken. */
export function lateMessage(l: { end: string; until: string }): string {
  return `This cycle ended on ${l.end}: check-ins stay open until ${l.until} for its last week's figures, unless an admin starts the next cycle first.`;
}

/**
 * A KR's forecast line in the list. Once the server's today (`today`: SidebarData.cycle.asOf) is past the
 * cycle's last day (the week after it, when check-ins are still taken, or once they are closed) its forecast
 * is where the KR landed, so the line says what happened: "Ended at 88% on 2026-04-05 (target 95%) — score
 * 0.25", as the summary after the end does (docs/checkins.md). Until session 19 it said "At this pace: … by
 * 2026-04-05", a date past.
 */
export function krForecastLine(f: LineForecast, unit: string, sep: NumberStyle, today: string): string {
  return forecastLine(f, unit, sep, f.ok && today !== "" && today > f.endDay);
}

/** The status line while correcting: which check-in is being replaced. */
export function correctingMessage(c: { date: string; value: number | string }, kr: Pick<SidebarKr, "unit" | "percentCells" | "start" | "target">, sep: NumberStyle = "."): string {
  return `Correcting your check-in of ${c.date} (${withUnit(krValue(kr, c.value, sep), kr.unit, sep)}): change what was wrong and save. Both stay in the log.`;
}

/**
 * The KR as it will read once the check-in is saved, computed in the browser by the server's own rules
 * (core/evaluate, as checkin.ts's standingAfter does), so the new score and status show the moment Submit
 * is pressed. null when it cannot be known here (no Expected, a setup error, a value the server will
 * refuse, or a KR already checked in at a later date): the sidebar then just waits for the server.
 */
export function projectCheckin(
  kr: SidebarKr,
  valueText: string,
  confidence: number,
  locale: string,
  today: string,
  rules: { onTrackGap: number; atRiskGap: number } | undefined,
): SidebarKr | null {
  if (!rules || typeof kr.expected !== "number" || !isFinite(kr.expected)) return null;
  if ((kr.status || "").trim().toLowerCase() === "setup error") return null;
  if (kr.lastCheckin && kr.lastCheckin > today) return null;
  const v = parseKrValue(valueText, locale, kr.unit, kr.metric === "milestone");
  // A value the server will ask about is not shown as saved.
  if (!v.ok || implausible(v.value, { metric: kr.metric, unit: kr.unit, start: numberOrNull(kr.start), target: numberOrNull(kr.target) })) return null;
  const model: KeyResult = {
    row: 0, id: kr.id, objectiveId: kr.objectiveId, title: kr.name, owner: kr.owner, metric: kr.metric as KeyResult["metric"],
    unit: kr.unit, start: numberOrNull(kr.start), target: numberOrNull(kr.target), weight: null,
    current: v.value, confidence, lastCheckin: today,
  };
  const ev = evaluateKr(model, "committed", kr.expected, { ...rules, aspirationalGoal: 1 });
  return { ...kr, current: v.value, confidence, lastCheckin: today, score: ev.score, status: ev.status };
}

function numberOrNull(v: unknown): number | null {
  return typeof v === "number" && isFinite(v) ? v : null;
}

/**
 * The KRs a large tracker's page carries (SidebarData.krs with details, SidebarData.brief by name only), in
 * sheet order; a brief one gets empty facts and `brief: true` until the full data replaces it.
 */
export function withBrief(krs: SidebarKr[], brief: BriefKr[] | undefined): SidebarKr[] {
  if (!brief || !brief.length) return krs;
  const named: SidebarKr[] = brief.map((b) => ({
    id: b.id, row: b.row, objectiveId: b.objectiveId, objective: "", name: b.name, owner: b.owner,
    metric: "", unit: "", start: "", target: "", current: "", confidence: "", lastCheckin: "",
    score: null, status: "", recent: [], forecast: null, expected: null, correctable: null, brief: true,
  }));
  return krs.concat(named).sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/**
 * The list once the full data has come: each KR takes its full entry, except those `keep` says are newer
 * here (a check-in's reply, or one being saved, which the full data may have been read before). The full
 * data's KRs the page did not list join it in sheet order: the KRs of an objective the person owns, which a
 * large tracker's page, from four columns, cannot tell (until session 19 they never joined). The person's
 * choice stays as it is.
 */
export function mergeDetails(current: SidebarKr[], full: SidebarKr[], keep: (id: string) => boolean): SidebarKr[] {
  const byId: Record<string, SidebarKr> = {};
  for (const k of full) byId[k.id] = k;
  const listed: Record<string, true> = {};
  for (const k of current) listed[k.id] = true;
  const merged = current.map((k) => (byId[k.id] && !keep(k.id) ? byId[k.id] : k));
  const joining = full.filter((k) => !listed[k.id]);
  return joining.length ? merged.concat(joining).sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) : merged;
}
