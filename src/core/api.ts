// The contract between the sidebar (src/client) and the server entry points (src/server).
// Everything crossing google.script.run is plain JSON: dates travel as ISO strings.
import * as z from "zod/mini";

import type { LineForecast } from "./forecast";
import type { NumberStyle } from "./numbers";
import { MAX_TEXT } from "./limits";
import { onFirstUse } from "./onFirstUse";
export { MAX_TEXT, SHEETS_CELL_LIMIT } from "./limits";

const BAD_ROW = "The check-in names a row that cannot be one: reload the sidebar.";

/** A check-in's free text, blank when left out, at most MAX_TEXT characters. */
const textField = (label: string) => z._default(z.string().check(z.maxLength(MAX_TEXT, `${label} is longer than ${MAX_TEXT} characters.`)), "");

export const checkinRequestSchema = onFirstUse(() =>
  z.strictObject({
    requestId: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/, "Request ID must be 8–64 letters, digits or dashes.")),
    krId: z.string().check(z.trim(), z.minLength(1, "Choose a key result."), z.maxLength(64, "Key result ID is too long.")),
    /** As typed: "3,5" is accepted where the spreadsheet locale uses a decimal comma. */
    value: z.union([z.string().check(z.maxLength(64, "New value is too long.")), z.number()]),
    confidence: z.union([z.string().check(z.maxLength(8, "Confidence must be a whole number from 1 to 10.")), z.number()]),
    whatChanged: textField("What changed"),
    blockers: textField("Blockers"),
    nextStep: textField("Next step"),
    /** Who the user said they are, where the platform gives no email. */
    as: z.optional(z.string().check(z.maxLength(254))),
    /** The person confirmed a value the add-on found implausible (it asked with `confirm: true`). */
    confirmed: z.optional(z.boolean()),
    /**
     * This check-in corrects the KR's latest check-in of the current week (both stay in the log). The sidebar
     * sends the request ID of the check-in it shows as corrected, refused once another is the latest (true:
     * whichever is, as the command line and sidebars before session 22 send).
     */
    correct: z.optional(z.union([z.boolean(), z.string().check(z.maxLength(64))])),
    /**
     * The start of the cycle the sidebar showed: refused once Settings say another (a roll over since the
     * sidebar opened would have taken the last week's late figure as the new cycle's first).
     */
    cycle: z.optional(z.string().check(z.maxLength(10))),
    /** The sheet row the sidebar showed the KR on (SidebarKr.row): read first, used only if it still holds the KR. */
    row: z.optional(z.int({ error: BAD_ROW }).check(z.gte(2, BAD_ROW), z.lte(10000000, BAD_ROW))),
  }),
);
export type CheckinRequest = z.input<ReturnType<typeof checkinRequestSchema>>;

export const CHECKIN_FIELDS = ["krId", "value", "confidence", "whatChanged", "blockers", "nextStep", "as"] as const;
export type CheckinField = (typeof CHECKIN_FIELDS)[number];

export const sidebarRequestSchema = onFirstUse(() => z.strictObject({ as: z.optional(z.string().check(z.maxLength(254))) }));
export type SidebarRequest = z.input<ReturnType<typeof sidebarRequestSchema>>;

export interface RecentCheckin {
  date: string; // YYYY-MM-DD
  value: number | string;
  confidence: number | string;
  whatChanged: string;
  author: string;
}

export interface SidebarKr {
  id: string;
  /** The KR's sheet row when the sidebar was built; sent back with a check-in so the server reads that row. */
  row?: number;
  objectiveId: string;
  objective: string;
  name: string;
  owner: string;
  metric: string;
  unit: string;
  start: number | string;
  target: number | string;
  current: number | string;
  confidence: number | string;
  lastCheckin: string; // YYYY-MM-DD or ""
  score: number | null;
  status: string;
  recent: RecentCheckin[];
  /** The KR's forecast as its cells show it, which the sidebar words "At this pace: 9.6% by 2026-04-05 (target
   * 3%) — score 0.00" in its decimal separator (core/forecastWords forecastLine; after the cycle's last day
   * "Ended at … on 2026-04-05": client/logic krForecastLine), or why there is none; null without forecast columns. */
  forecast: LineForecast | null;
  /** Expected progress now (the sheet's Expected: pace × the objective type's goal), so the sidebar can
   * show a check-in's score and status before the server confirms them; null when the cell holds none. */
  expected?: number | null;
  /** The KR's latest check-in of the current week, which "Correct last check-in" replaces; null if none. */
  correctable?: CorrectableCheckin | null;
  /** A % KR whose Start and Target cells hold fractions shown as percentages (typed 82%, they hold 0.82):
   * the sidebar shows its values × 100, as the sheet does (its forecast comes × 100 already). Only when true;
   * a check-in's reply has it when the check-in read the formats (server/percentCells.ts). */
  percentCells?: true;
  /** Set by the sidebar on a KR it knows only from SidebarData.brief: the other fields are placeholders. */
  brief?: boolean;
}

/** A KR as a large tracker's page first lists it (SidebarData.brief): enough to name and choose it. */
export interface BriefKr {
  id: string;
  row: number;
  objectiveId: string;
  name: string;
  owner: string;
}

export interface CorrectableCheckin {
  requestId: string;
  date: string; // YYYY-MM-DD
  value: number | string;
  confidence: number | string;
  whatChanged: string;
  blockers: string;
  nextStep: string;
}

export interface SidebarData {
  ok: true;
  user: {
    /** The signed-in email, or null where the platform gives none. */
    email: string | null;
    /** The identity used: email, or the name chosen in the picker. */
    actingAs: string | null;
    isAdmin: boolean;
    /** True when no email is available and nobody has been picked yet. */
    needsIdentity: boolean;
  };
  /** Owners to pick from when the platform gives no email. */
  owners: string[];
  locale: string;
  /** The locale's NumberStyle (numbers.ts numberStyleFor): its decimal separator, then its thousands separator (",." in de_DE). */
  numberStyle: NumberStyle;
  /**
   * `closed` only when the server refuses check-ins (before the start, or more than a week after the last
   * day): the cycle's first and last day. `late` in the week after the last day, when they are still taken
   * for the last week's figures: the last day and the last day they are taken.
   */
  /** `start`: the cycle's first day, which a check-in sends back (CheckinRequest.cycle). */
  cycle: { name: string; start: string; week: number; weeks: number; asOf: string; closed?: { start: string; end: string }; late?: { end: string; until: string } };
  krs: SidebarKr[];
  /**
   * The page of a large tracker (the menu item's, see server/sidebarOpen.ts) lists the person's other KRs
   * here, by name only, and asks for the full data in the background; absent from getSidebarData's reply.
   */
  brief?: BriefKr[];
  /** The RAG thresholds (Settings), for the same projection. */
  rules?: { onTrackGap: number; atRiskGap: number };
}

export interface Failure {
  ok: false;
  message: string;
  fieldErrors?: Partial<Record<CheckinField, string>>;
  /** The document lock could not be had: nothing was written, try again. */
  busy?: boolean;
  /** The value looks like a mistake: nothing was written; send again with `confirmed: true` to save it. */
  confirm?: boolean;
}

export interface CheckinSuccess {
  ok: true;
  duplicate: boolean;
  kr: SidebarKr;
  /** Said after the saved check-in: the cycle has been closed (core/cycleClosed.ts). */
  notice?: string;
}

export type CheckinResult = CheckinSuccess | Failure;
export type SidebarResult = SidebarData | Failure;
