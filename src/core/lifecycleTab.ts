// What the Mid-cycle Review and the Retrospective share (docs/lifecycle.md): their titles, headers and
// decisions, the title block and frozen rows, the objective-then-KRs grouping and the cell helpers. Each
// tab's rows: reviewTab.ts, retroTab.ts.
//
// Decisions:
// - Review/Retrospective list each objective followed by its KRs (tracker order; KR objective IDs match
//   case-insensitively as in the sheet), then KRs whose objective does not exist. Values are frozen
//   numbers and text, not formulas.
// - Frozen rows: down to the main table's header when it is at row MAX_FROZEN_ROWS or above, else only the
//   title block (title, subtitle, instruction). The Signals block above the table has a row per signal
//   (header at row 49 on the benchmark's medium tracker, 237 on the large one), and Sheets cannot scroll
//   past a frozen block taller than the window: the decisions table, the part to fill in, was unreachable.
import { weekNumber } from "./dates";
import type { KeyResult, Objective, Tracker } from "./model";
import type { SummaryCell } from "./summary";
import { FMT } from "./summary";
import { groupKey, isBlank } from "./lifecycleIds";

/** The review's title, "Mid-cycle review — <cycle>" in A1: how the review and a roll over tell the tab is ours (server/reportTabs.ts). */
export const REVIEW_TITLE = "Mid-cycle review";
/** The Retrospective's title, "Retrospective — <cycle>" in A1: how closing again tells the tab is ours (server/reportTabs.ts). */
export const RETRO_TITLE = "Retrospective";
export const REVIEW_HEADERS = ["Type", "ID", "Title", "Owner", "Score", "Expected", "Status", "Forecast", "Decision", "Notes"] as const;
export const REVIEW_DECISIONS = ["keep", "adjust", "drop"] as const;
export const RETRO_HEADERS = ["Type", "ID", "Title", "Owner", "Final score", "Grade", "Final value", "Learnings", "Decision"] as const;
/**
 * The Retrospective's header row as closing wrote it before session 19 (no Final value): a tab of that time
 * whose title was deleted is still ours (server/reportTabs.ts), and closing again rewrites it with the column.
 */
export const RETRO_HEADERS_BEFORE_VALUE = RETRO_HEADERS.filter((h) => h !== "Final value");
export const RETRO_DECISIONS = ["retain", "remove", "change"] as const;
export type RetroDecision = (typeof RETRO_DECISIONS)[number];

/**
 * The most rows a lifecycle tab freezes down to its table's header. Ten rows (the title at 16 pt and nine at
 * 21 px, ~220 px) are about half the grid a 768-px-high laptop screen shows in Sheets (~450 px under the
 * menus, toolbar and formula bar): the other half still scrolls through ~10 table rows. The Review's header
 * is at row 9 with no or one signal; the Retrospective's, below its grade spread, is at row 15 or lower, so
 * it always freezes its title block only.
 */
export const MAX_FROZEN_ROWS = 10;
/** The title block every lifecycle tab starts with: title, subtitle, instruction (then a blank row). */
const TITLE_ROWS = 3;

export const TYPE_OBJECTIVE = "Objective";
export const TYPE_KR = "Key result";

/** A tab laid out as rows written from A1: a title block, then one main table. */
export interface LifecycleTab {
  width: number;
  /** Every row has exactly `width` cells. */
  rows: SummaryCell[][];
  /** 1-based sheet row of the main table's header. */
  headerRow: number;
  /** 1-based sheet row of the first data row (headerRow + 1). */
  firstDataRow: number;
  /** Number of data rows under the header. */
  dataRows: number;
  /** Rows to freeze: to the header when that is within MAX_FROZEN_ROWS, else the title block. */
  frozenRows: number;
  headers: readonly string[];
  /** 1-based column of Decision (the server adds a dropdown of decisionOptions over the data rows). */
  decisionColumn: number;
  decisionOptions: readonly string[];
}

/** Objectives, each followed by its KRs, then KRs of no existing objective. */
export function grouped(tracker: Tracker): { objective: Objective | null; krs: KeyResult[] }[] {
  const objectives = tracker.objectives.filter((o) => !isBlank(o.id));
  const krs = tracker.keyResults.filter((k) => !isBlank(k.id));
  const seen = new Set<string>();
  const out: { objective: Objective | null; krs: KeyResult[] }[] = [];
  for (const o of objectives) {
    const key = groupKey(o.id);
    if (seen.has(key)) {
      out.push({ objective: o, krs: [] });
      continue;
    }
    seen.add(key);
    out.push({ objective: o, krs: krs.filter((k) => groupKey(k.objectiveId) === key) });
  }
  const orphans = krs.filter((k) => !seen.has(groupKey(k.objectiveId)));
  if (orphans.length > 0) out.push({ objective: null, krs: orphans });
  return out;
}

export function t(v: string): SummaryCell {
  return { v, fmt: FMT.text };
}
export function n(v: number | null | undefined, fmt: string): SummaryCell {
  return v === null || v === undefined || !isFinite(v) ? { v: null } : { v, fmt };
}

function pad(rows: SummaryCell[][], width: number): SummaryCell[][] {
  for (const r of rows) while (r.length < width) r.push({ v: null });
  return rows;
}

export function weekText(tracker: Tracker, asOf: string): string {
  const weeks = Math.max(1, Math.floor(tracker.settings.weeks) || 1);
  const w = Math.max(1, Math.min(weeks, weekNumber(asOf, tracker.settings.startDate)));
  return `week ${w} of ${weeks}`;
}

/** A review or retrospective block: its rows padded to the table's width, and where the table is. */
export function lifecycleTab(rows: SummaryCell[][], headerRow: number, headers: readonly string[], decisions: readonly string[]): LifecycleTab {
  const width = headers.length;
  return {
    width,
    rows: pad(rows, width),
    headerRow,
    firstDataRow: headerRow + 1,
    dataRows: rows.length - headerRow,
    frozenRows: headerRow <= MAX_FROZEN_ROWS ? headerRow : TITLE_ROWS,
    headers,
    decisionColumn: headers.indexOf("Decision") + 1,
    decisionOptions: decisions,
  };
}
