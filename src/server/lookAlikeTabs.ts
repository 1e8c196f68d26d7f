// The search for tabs that look like tracker tabs: setup renames back a missing tracker tab a user renamed
// (findRenamed, renameBack), and the roll over refuses beforehand any tab its setup would take for one
// (lookAlikes). Only tabs not ours by name and not archives are looked through, each at its first rows.
import { CHECKIN_HEADERS, HISTORY_HEADERS, KR_HEADERS, OBJECTIVE_HEADERS, TAB } from "../core/tabs";
import { quotedList } from "../core/plural";
import { UserError } from "./env";
import { KR_WIDTH, LOG_WIDTH, OBJECTIVE_WIDTH } from "./read";
import type { SetupReport } from "./setupTypes";
import { noteWrite } from "./setupWrites";
import type { TabList } from "./sheetNamed";
import type { TabKey, TabState } from "./setupTabs";
import { findHeaderRow, norm, readHead } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A tab that is not ours by name, its first rows read: a candidate for a missing tracker tab a user renamed. */
export interface OtherTab {
  sheet: Sheet;
  name: string;
  head: unknown[][];
}

/** The columns of each tracker tab setup takes as its table: a tab renamed back is narrowed to them. */
const WIDTHS: Record<TabKey, number> = {
  settings: 3,
  objectives: OBJECTIVE_WIDTH,
  keyResults: KR_WIDTH,
  checkins: LOG_WIDTH,
  history: LOG_WIDTH,
};

/** Every header of the spec, so a user's own tab (an import source, say) is never mistaken for ours. */
const FULL_HEADERS: Record<Exclude<TabKey, "settings">, readonly string[]> = {
  objectives: OBJECTIVE_HEADERS,
  keyResults: KR_HEADERS,
  checkins: CHECKIN_HEADERS,
  history: HISTORY_HEADERS,
};

/** Whether a tab's first rows are one of ours (Settings by its labels, tables by all their headers). */
function looksLike(key: TabKey, values: unknown[][]): boolean {
  if (key === "settings") {
    const labels = new Set(values.map((r) => norm(r[0])));
    return ["Start date", "Length in weeks", "Check-in cadence"].every((l) => labels.has(norm(l)));
  }
  return findHeaderRow(values, FULL_HEADERS[key]) >= 0;
}

/** A tab and its name, read once. */
export interface NamedTab {
  sheet: Sheet;
  name: string;
}

/**
 * The tabs setup looks through for a missing tracker tab a user renamed: of `tabs` (every tab), those not
 * ours by name, not archives of an earlier cycle (" · " in the name), not report tabs, not `emptyTab`
 * (known empty, by name: Apps Script gives a new Sheet object each call). Ours whatever the case:
 * getSheetByName("History") finds a tab named "HISTORY", which is then History. Each is read only where a
 * header is looked for (its first rows, every column): a user's tab may hold 50,000 rows, and the roll
 * over looks through them twice inside the document lock (refuseLookAlikes, then its setup).
 */
function otherTabs(tabs: readonly NamedTab[], emptyTab: string | null): OtherTab[] {
  const ours = new Set<string>(Object.values(TAB).map((n) => n.toLowerCase()));
  return tabs
    .filter(({ name }) => name !== emptyTab && !ours.has(name.toLowerCase()) && name.indexOf(" · ") < 0)
    .map(({ sheet, name }) => ({ sheet, name, head: readHead(sheet) }));
}

/** Those of `others` whose first rows look like the tracker tab `key`. */
function lookingLike(key: TabKey, others: OtherTab[]): OtherTab[] {
  return others.filter((c) => looksLike(key, c.head));
}

/**
 * For each of `keys`, the tabs of `tabs` (every tab) that setup would take for that tracker tab were it
 * missing: one is renamed back, more are refused (findRenamed). The roll over asks it of the four table
 * tabs, which its archiving renames away before it runs setup. Only the keys with such a tab are listed.
 */
export function lookAlikes(tabs: readonly NamedTab[], keys: readonly TabKey[]): { key: TabKey; tabs: string[] }[] {
  const others = otherTabs(tabs, null);
  return keys.map((key) => ({ key, tabs: lookingLike(key, others).map((c) => c.name) })).filter((x) => x.tabs.length > 0);
}

/**
 * A tracker tab renamed by a user is renamed back, so its rows are kept (the add-on finds its tabs by
 * name; setup would otherwise create an empty tab beside the data). Only otherTabs are considered, and
 * only when exactly one of them looks like the missing tab; otherwise the user is asked to choose (and to
 * `again`). Returns the renames, made by renameBack.
 */
export function findRenamed(tabs: TabList, state: Record<TabKey, TabState>, emptyTab: string | null, again: string): [TabKey, OtherTab][] {
  const missing = (Object.keys(state) as TabKey[]).filter((k) => !state[k].sheet);
  if (!missing.length) return [];
  const contents = otherTabs(tabs.named(), emptyTab);
  const plan: [TabKey, OtherTab][] = [];
  for (const key of missing) {
    const matches = lookingLike(key, contents);
    if (matches.length > 1) {
      throw new UserError(
        `The "${state[key].name}" tab is missing, and ${quotedList(matches.map((m) => m.name))} all look like it. ` +
          `Rename the right one to "${state[key].name}" and ${again}. Nothing was changed.`,
      );
    }
    if (matches.length === 1) {
      const taken = plan.find(([, c]) => c === matches[0]);
      if (taken) continue; // one tab cannot be two of ours (e.g. an empty-looking copy)
      plan.push([key, matches[0]]);
    }
  }
  return plan;
}

/** Renames back the tabs findRenamed found, taking each as the tracker tab it was. */
export function renameBack(state: Record<TabKey, TabState>, plan: [TabKey, OtherTab][], report: SetupReport): void {
  for (const [key, c] of plan) {
    const name = state[key].name;
    noteWrite();
    c.sheet.setName(name);
    // Read whole now (only its first rows were, to find it): the tab's table is the same columns, narrowed to ours.
    state[key] = { name, sheet: c.sheet, values: c.sheet.getDataRange().getValues().map((r) => r.slice(0, WIDTHS[key])) };
    report.restored.push(`Tab "${c.name}" renamed back to "${name}" (its rows are kept)`);
  }
}
