// The one reader of the Settings tab's computed cells (core/tabs.ts SETTINGS_COMPUTED): where a tab's header
// row is (`=ROW('Key Results'!A1)`), what it says (its cells joined by "|"), how many rows the log holds.
// Every operation reads them from the Settings read it makes anyway (no call more), through here, so none takes
// a header another refuses: until session 21 the check-in, the sidebar, the summary, the roll-up and Repair each
// split the joined text themselves, and differed in which of it they took (docs/workbook.md#settings).
import { computedLabel, SETTINGS_COMPUTED } from "./tabs";
import { finiteOrNull } from "./scoring";
import { trimmedKey as label } from "./objectiveKey";

export type ComputedName = (typeof SETTINGS_COMPUTED)[number]["name"];

/** A computed cell's value as read, by its name; undefined when Settings has no row of that label. */
export type ComputedCells = (name: ComputedName) => unknown;


/** The cells from a Settings read's labels (lower case, trimmed) → values: server/read.ts SettingsRead.raw. */
export function cellsOfLabels(raw: ReadonlyMap<string, unknown>): ComputedCells {
  return (name) => raw.get(label(computedLabel(name)));
}

/** The cells from Settings rows as read (label in A, value in B), each label's first row: as cellsOfLabels takes them. */
export function cellsOfRows(rows: readonly (readonly unknown[])[]): ComputedCells {
  return (name) => {
    const want = label(computedLabel(name));
    const r = rows.find((row) => label(row[0]) === want);
    return r ? r[1] : undefined;
  };
}

/**
 * A computed header row cell's value as a 1-based row: a whole number from 1 up (what its =ROW() gives),
 * else 0. Text ("41") is not taken: the formula was typed over, so it no longer follows the header.
 */
export function computedRow(v: unknown): number {
  return typeof v === "number" && Number.isInteger(v) && v >= 1 ? v : 0;
}

/** A computed count (the log's rows, the KR IDs): a finite number, or null when the cell is missing or not one. */
export { finiteOrNull as computedCount };

/** The tabs whose header a computed cell joins, with the cells holding the text and the row. */
const JOINED = {
  checkins: { text: "CheckinHeader", row: "CheckinHeaderRow" },
  keyResults: { text: "KrHeader", row: "KrHeaderRow" },
} as const;

export type JoinedTab = keyof typeof JOINED;

/** How many cells the formula joins (A–P for the log, A–Z for Key Results): its text splits into as many. */
export function joinedWidth(tab: JoinedTab): number {
  const f = SETTINGS_COMPUTED.find((c) => c.name === JOINED[tab].text);
  return f ? f.formula.split('&"|"&').length : 0;
}

export interface ComputedHeader {
  /** 1-based row of the header, as its computed row cell places it. */
  row: number;
  /** The header's cells as the sheet holds them (the join keeps their spaces): what a read of that row gives. */
  cells: string[];
  /** The same trimmed, as server/table.ts reads a header (Table.headers). */
  headers: string[];
}

/**
 * A tab's header as the computed cells give it, or null when they do not give one exactly:
 * - its row cell is not a whole number (missing, or typed over): the join's references follow the header,
 *   but only the row cell says where it is, and a guess (row 1) reads the wrong rows once rows were inserted
 *   above it (the check-in took row 1 so until session 21, missing its latest check-ins);
 * - the text is not text (missing, an error) or splits into other than the formula's cells: a header cell
 *   holding "|" shifts every column after it;
 * - a `required` header is not among the cells (in any case, spaces around ignored).
 */
export function computedHeader(cells: ComputedCells, tab: JoinedTab, required: readonly string[]): ComputedHeader | null {
  const row = computedRow(cells(JOINED[tab].row));
  const text = cells(JOINED[tab].text);
  if (!row || typeof text !== "string") return null;
  const parts = text.split("|");
  if (parts.length !== joinedWidth(tab)) return null;
  const have = new Set(parts.map(label));
  if (!required.every((h) => have.has(label(h)))) return null;
  return { row, cells: parts, headers: parts.map((h) => h.trim()) };
}

/**
 * Whether the joined text holds more "|" than the formula puts between the cells: a header cell of the tab
 * holds one, so the text cannot say where the columns are, though the header may be whole (read it instead).
 */
export function joinedHeaderHoldsBar(cells: ComputedCells, tab: JoinedTab): boolean {
  const text = cells(JOINED[tab].text);
  return typeof text === "string" && text.split("|").length > joinedWidth(tab);
}
