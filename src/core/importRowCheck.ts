// The OKR import's checks of one row on its own (importRows.ts planImport): its required cells, IDs,
// metric and numbers, type and pnl_link, and counts_from against the cycle. What needs other rows or the tracker (kr_id repeated or taken, a
// key result imported before, objectives that disagree) is planImport's.
import { MAX_TEXT } from "./api";
import { cycleLastDay, dateRefusal, unambiguousDate } from "./dates";
import { formulaError, ID_RE, IMPORT_COLUMNS, isHeaderWord, parseNumberCell, quote, type ImportColumn, type NumResult } from "./importCells";
import { METRICS, OBJECTIVE_TYPES, PNL_LINKS, type Metric } from "./tabs";

export interface RowCells {
  objectiveText: string;
  objectiveId: string;
  krId: string;
  title: string;
  owner: string;
  /** null when blank or unknown (an error was reported). */
  metric: Metric | null;
  start: NumResult;
  target: NumResult;
  weight: NumResult;
  /** type and pnl_link, lower-cased. */
  type: string;
  pnl: string;
  /** The KR's Counts from day (YYYY-MM-DD) as the row gives it; null when blank (the import dates it: importTab.ts). */
  countsFrom: string | null;
}

/** The tracker's cycle, which a counts_from day must not be after; absent when Settings do not parse (Repair says so). */
export interface ImportCycle {
  start: string;
  weeks: number;
}

/**
 * A counts_from cell: blank, or a day read as every date the CLI reads (unambiguousDate: 2026-02-16,
 * 16.02.2026, 2026/02/16; a tab's date cell arrives as YYYY-MM-DD) on or before the cycle's last day. Past it,
 * or not a date, the sheet would show a setup error (docs/scoring.md#a-kr-added-mid-cycle): refused here instead.
 */
function countsFromCell(s: string, cycle: ImportCycle | undefined, err: (reason: string) => void): string | null {
  if (s === "") return null;
  const day = unambiguousDate(s);
  if (!day) {
    err(`counts_from ${quote(s)} is not a date okr-sheets can read: ${dateRefusal(s)}.`);
    return null;
  }
  const last = cycle ? cycleLastDay(cycle.start, cycle.weeks) : "";
  if (last && day > last) {
    err(`counts_from ${day} is after the cycle's last day (${last}): use a day of the cycle, or leave it blank.`);
    return null;
  }
  return day;
}

/**
 * The row's cells as the plan uses them; each problem goes to `err` (a row with any is not planned).
 * get: a column's text (trimmed; "" when the column is absent); raw: its cell as it came.
 */
export function checkRowCells(get: (c: ImportColumn) => string, raw: (c: ImportColumn) => unknown, err: (reason: string) => void, locale = "en_US", cycle?: ImportCycle): RowCells {
  for (const c of IMPORT_COLUMNS) {
    if (get(c).length > MAX_TEXT) err(`${c} is longer than ${MAX_TEXT} characters.`);
    // The numbers' parse says it of theirs.
    const e = /^(start|target|weight)$/.test(c) ? null : formulaError(c, get(c));
    if (e) err(e);
  }

  const objectiveText = get("objective");
  const objectiveId = get("objective_id");
  const krId = get("kr_id");
  const title = get("key_result");
  const owner = get("owner");
  if (objectiveText === "" && objectiveId === "") err("objective is blank.");
  if (title === "") err("key_result is blank.");
  if (owner === "") err("owner is blank.");
  for (const [c, v] of [["objective_id", objectiveId], ["kr_id", krId], ["parent_objective_id", get("parent_objective_id")]] as const) {
    if (v !== "" && !ID_RE.test(v)) {
      err(`${c} ${quote(v)} is not a valid ID (start with a letter; use letters, digits, spaces, . _ - / only; at most 64 characters).`);
    } else if (isHeaderWord(v)) {
      err(`${c} ${quote(v)} is a column header of the tracker, so lookups would find the header row: choose another ID.`);
    }
  }

  // Metric, start, target, weight.
  const metricText = get("metric");
  const metricKey = metricText.toLowerCase().replace(/[\s-]+/g, "_");
  const metric = (METRICS as readonly string[]).indexOf(metricKey) >= 0 ? (metricKey as Metric) : null;
  if (metricText === "") err(`metric is blank (use one of: ${METRICS.join(", ")}).`);
  else if (metric === null) err(`Unknown metric ${quote(metricText)} (use one of: ${METRICS.join(", ")}).`);
  // A milestone is the fraction done: "0%" and "100%" are 0 and 1, as its check-in reads "33%" (session 21).
  const start = parseNumberCell(raw("start"), "start", get("unit"), locale, metric === "milestone");
  const target = parseNumberCell(raw("target"), "target", get("unit"), locale, metric === "milestone");
  const weight = parseNumberCell(raw("weight"), "weight", "", locale, true);
  if (!start.ok) err(start.reason);
  if (!target.ok) err(target.reason);
  if (!weight.ok) err(weight.reason);
  else if (weight.value !== null && weight.value < 0) err(`weight must be 0 or more (it is ${weight.value}).`);
  if (metric && start.ok && target.ok) {
    // "an increase key result", "a decrease key result": the article follows the metric's first letter.
    const a = /^[aeiou]/.test(metric) ? "an" : "a";
    const noTarget = `target is blank; ${a} ${metric} key result needs a numeric target.`;
    if (metric === "increase" || metric === "decrease") {
      if (start.value === null) err(`start is blank; ${a} ${metric} key result needs a numeric start.`);
      if (target.value === null) err(noTarget);
      if (start.value !== null && start.value === target.value) {
        err(`start equals target (${start.value}); ${a} ${metric} key result needs them to differ.`);
      }
    } else if ((metric === "stay_above" || metric === "stay_below") && target.value === null) {
      err(noTarget);
    }
  }

  // Objective-level values.
  const type = get("type").toLowerCase();
  if (type !== "" && (OBJECTIVE_TYPES as readonly string[]).indexOf(type) < 0) {
    err(`type ${quote(get("type"))} must be committed or aspirational.`);
  }
  const pnl = get("pnl_link").toLowerCase();
  if (pnl !== "" && (PNL_LINKS as readonly string[]).indexOf(pnl) < 0) {
    err(`pnl_link ${quote(get("pnl_link"))} must be one of: ${PNL_LINKS.join(", ")}.`);
  }

  const countsFrom = countsFromCell(get("counts_from"), cycle, err);

  return { objectiveText, objectiveId, krId, title, owner, metric, start, target, weight, type, pnl, countsFrom };
}
