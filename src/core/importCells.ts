// How the OKR import reads one cell (importRows.ts): as text, as a number, as a key that matches
// another cell's regardless of case and spacing, as an ID; and how it quotes a cell in a message.
import { parseKrValue, parseUserNumber } from "./numbers";
import { CHECKIN_HEADERS, HISTORY_HEADERS, KR_HEADERS, KR_HELPER_HEADERS, OBJECTIVE_HEADERS, SETTINGS_HEADERS } from "./tabs";

/** The import's columns, as headerKey names them. */
export const IMPORT_REQUIRED = ["objective", "key_result", "owner", "metric", "start", "target"] as const;
export const IMPORT_OPTIONAL = [
  "objective_id",
  "kr_id",
  "objective_owner",
  "type",
  "unit",
  "weight",
  "team",
  "parent_objective_id",
  "pnl_link",
  "counts_from",
] as const;
export type ImportColumn = (typeof IMPORT_REQUIRED)[number] | (typeof IMPORT_OPTIONAL)[number];
export const IMPORT_COLUMNS: readonly ImportColumn[] = [...IMPORT_REQUIRED, ...IMPORT_OPTIONAL];

/** True when `key` (a header cell as headerKey names it) is one of the import's columns. */
export function isImportColumn(key: string): key is ImportColumn {
  return (IMPORT_COLUMNS as readonly string[]).indexOf(key) >= 0;
}

/** Header words of the tracker's tabs: an ID equal to one would match a header row in lookups. */
const HEADER_WORDS = new Set(
  [...OBJECTIVE_HEADERS, ...KR_HEADERS, ...KR_HELPER_HEADERS, ...CHECKIN_HEADERS, ...HISTORY_HEADERS, ...SETTINGS_HEADERS].map((h) => h.trim().toLowerCase()),
);

export function isHeaderWord(id: string): boolean {
  return HEADER_WORDS.has(id.trim().toLowerCase());
}

export const ID_RE = /^[A-Za-z][A-Za-z0-9._\-/ ]{0,63}$/;

/** A cell value as quoted in a message: at most 60 characters, control characters escaped. */
export function quote(s: string): string {
  const chars = Array.from(s);
  return JSON.stringify(chars.length > 60 ? chars.slice(0, 57).join("") + "…" : s);
}

export function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v).trim();
}

/** A header cell as the import names its columns ("Key result" is key_result). */
export function headerKey(v: unknown): string {
  return text(v).replace(/^\ufeff/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");
}

export function lowerKey(s: string): string {
  return s.toLowerCase();
}

export function textKey(s: string): string {
  return s.replace(/\s+/g, " ").trim().toLowerCase();
}

// A formula's error as Sheets gives it (a tab's cell: VLOOKUP's #N/A) and Excel writes it into a CSV.
const FORMULA_ERROR = /^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|ERROR!)$/;

/** Why a cell holding a formula's error is refused, or null: imported, "#N/A" became an owner or a title. */
export function formulaError(column: string, s: string): string | null {
  return FORMULA_ERROR.test(s) ? `${column} is ${quote(s)}, a formula's error: fix the formula, then import again.` : null;
}

export type NumResult = { ok: true; value: number | null } | { ok: false; reason: string };

/**
 * The check-in's number parser ("6,0", "8.5 days" on a days KR, "85%" on a % KR), with the row's unit, in the
 * spreadsheet's locale. `fraction`: a "%" divides by 100, as for a weight, which has no unit ("50%" is half, as a
 * tab's 50% cell, 0.5, is; until session 17 refused as "measured in plain numbers, not %").
 */
export function parseNumberCell(v: unknown, column: string, unit: string | null, locale = "en_US", fraction = false): NumResult {
  if (typeof v === "number") {
    if (!isFinite(v)) return { ok: false, reason: `${column} is not a number.` };
    if (Math.abs(v) > 1e15) return { ok: false, reason: `${column} is too large.` };
    return { ok: true, value: v === 0 ? 0 : v };
  }
  const s = text(v);
  if (s === "") return { ok: true, value: null };
  const e = formulaError(column, s);
  if (e) return { ok: false, reason: e };
  const r = fraction && /%$/.test(s) ? parseUserNumber(s, locale) : parseKrValue(s, locale, unit);
  if (r.ok) return { ok: true, value: r.value };
  if (/too large/.test(r.message)) return { ok: false, reason: `${column} ${quote(s)} is too large.` };
  return { ok: false, reason: `${column} ${quote(s)} is not a number: ${lowerFirst(r.message)}` };
}

function lowerFirst(m: string): string {
  return /^[A-Z][a-z]/.test(m) ? m[0].toLowerCase() + m.slice(1) : m;
}
