// The contract between the sidebar (src/client) and the server entry points (src/server).
// Everything crossing google.script.run is plain JSON: dates travel as ISO strings.
import * as z from "zod";

/** Longest text a user may type into a free-text field; longer is refused, never cut. */
export const MAX_TEXT = 2000;
/** Google Sheets refuses cells over 50,000 characters; our limit above stays far below it. */
export const SHEETS_CELL_LIMIT = 50000;

export const CheckinRequestSchema = z
  .object({
    requestId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "Request ID must be 8–64 letters, digits or dashes."),
    krId: z.string().trim().min(1, "Choose a key result.").max(64, "Key result ID is too long."),
    /** As typed: "3,5" is accepted where the spreadsheet locale uses a decimal comma. */
    value: z.union([z.string().max(64, "New value is too long."), z.number()]),
    confidence: z.union([z.string().max(8, "Confidence must be a whole number from 1 to 10."), z.number()]),
    whatChanged: z.string().max(MAX_TEXT, `What changed is longer than ${MAX_TEXT} characters.`).default(""),
    blockers: z.string().max(MAX_TEXT, `Blockers is longer than ${MAX_TEXT} characters.`).default(""),
    nextStep: z.string().max(MAX_TEXT, `Next step is longer than ${MAX_TEXT} characters.`).default(""),
    /** Who the user said they are, where the platform gives no email. */
    as: z.string().max(254).optional(),
  })
  .strict();
export type CheckinRequest = z.input<typeof CheckinRequestSchema>;

export const CHECKIN_FIELDS = ["krId", "value", "confidence", "whatChanged", "blockers", "nextStep", "as"] as const;
export type CheckinField = (typeof CHECKIN_FIELDS)[number];

export const SidebarRequestSchema = z
  .object({
    as: z.string().max(254).optional(),
  })
  .strict();
export type SidebarRequest = z.input<typeof SidebarRequestSchema>;

export interface RecentCheckin {
  date: string; // YYYY-MM-DD
  value: number | string;
  confidence: number | string;
  whatChanged: string;
  author: string;
}

export interface SidebarKr {
  id: string;
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
  decimalSeparator: "." | ",";
  cycle: { name: string; week: number; weeks: number; asOf: string };
  krs: SidebarKr[];
}

export interface Failure {
  ok: false;
  message: string;
  fieldErrors?: Partial<Record<CheckinField, string>>;
  /** The document lock could not be had: nothing was written, try again. */
  busy?: boolean;
}

export interface CheckinSuccess {
  ok: true;
  duplicate: boolean;
  kr: SidebarKr;
}

export type CheckinResult = CheckinSuccess | Failure;
export type SidebarResult = SidebarData | Failure;
