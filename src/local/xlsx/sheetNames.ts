// Tab names Google Sheets takes and Excel refuses. Google allows up to 100 characters and any of
// : \ / ? * [ ], and an apostrophe at either end; Excel (and exceljs, which reads such a file only to fail on
// the name) allows 31 characters and none of those. Such a tab is written under a name Excel takes, unique
// in the file, and its own name is kept in the metadata sheet (SheetMeta.name), which gives it back on
// reading. So is a tab named as the metadata sheet in any case (Google takes "_okr_local"; "_OKR_LOCAL"
// made the file unreadable, exceljs refusing two tabs alike but for case). References to such a tab in
// formulas, rules, validations and named ranges use the name in the file, so that Excel and LibreOffice
// follow them.
import { quoteSheetName } from "./formulas";
import { METADATA_SHEET } from "./shared";

export const EXCEL_MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a tab name; control characters too, which XML 1.0 cannot hold in a name. */
const REFUSED = /[:\\/?*[\]\u0000-\u001f]/g;
/** A name Excel refuses for its characters: one of REFUSED, or an apostrophe at either end. */
const REFUSED_NAME = new RegExp(`${REFUSED.source}|^'|'$`);

/** Whether the file can name the tab `name` as it is: Excel takes it, and it is not the metadata sheet's. */
export function fileTakes(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= EXCEL_MAX_SHEET_NAME &&
    !REFUSED_NAME.test(name) &&
    name.toLowerCase() !== METADATA_SHEET.toLowerCase()
  );
}

/** The first `n` UTF-16 units of `s`, less one where the cut would split a surrogate pair. */
function cut(s: string, n: number): string {
  const code = s.charCodeAt(n - 1);
  return code >= 0xd800 && code <= 0xdbff ? s.slice(0, n - 1) : s.slice(0, n);
}

/** The k-th candidate for a refused name: refused characters as "_", "…" marking a cut, " (k)" from the second. */
function candidate(name: string, k: number): string {
  const base = name.replace(REFUSED, "_").replace(/^'|'$/g, "_");
  const suffix = k === 1 ? "" : ` (${k})`;
  if (base.length + suffix.length <= EXCEL_MAX_SHEET_NAME) return base + suffix;
  return `${cut(base, EXCEL_MAX_SHEET_NAME - suffix.length - 1)}…${suffix}`;
}

/**
 * The name each tab gets in the file: its own where Excel takes it, else one Excel takes that no other tab
 * has (whatever the case) and that is not the metadata sheet's. `names` are unique whatever their case.
 */
export function excelSheetNames(names: readonly string[]): string[] {
  const taken = new Set([METADATA_SHEET.toLowerCase(), ...names.filter(fileTakes).map((n) => n.toLowerCase())]);
  return names.map((name) => {
    if (fileTakes(name)) return name;
    let k = 1;
    while (taken.has(candidate(name, k).toLowerCase())) k++;
    const given = candidate(name, k);
    taken.add(given.toLowerCase());
    return given;
  });
}

/** A rename of sheets in references, by the old name in lower case (references ignore case). */
export type SheetRenames = ReadonlyMap<string, string>;

/** The renames from `from[i]` to `to[i]` where they differ; null when none does. */
export function sheetRenames(from: readonly string[], to: readonly string[]): SheetRenames | null {
  const map = new Map<string, string>();
  from.forEach((name, i) => {
    if (name !== to[i]) map.set(name.toLowerCase(), to[i]);
  });
  return map.size ? map : null;
}

// As the offline engine reads a formula's sheet references (sheets/a1.ts referencedSheets): a string
// literal is skipped whole, a sheet is 'quoted' or a bare name, each followed by "!".
const SHEET_REF = /("(?:[^"]|"")*")|'((?:[^']|'')*)'!|(?<![\w.'])([A-Za-z_][\w.]*)!/g;

/** `formula` with its references to renamed sheets naming the new name (quoted as needed). */
export function renameSheetRefs(formula: string, renames: SheetRenames | null): string {
  if (!renames || !formula.includes("!")) return formula;
  return formula.replace(SHEET_REF, (whole, str: string | undefined, quoted: string | undefined, bare: string | undefined) => {
    if (str !== undefined) return whole;
    const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;
    const to = renames.get(name.toLowerCase());
    return to === undefined ? whole : `${quoteSheetName(to)}!`;
  });
}

/** A conditional format's or validation's xlsx form (rules.ts) with renameSheetRefs applied to its formulae. */
export function renamedFormulae<T extends { formulae: string[] }>(n: T, renames: SheetRenames | null): T {
  return renames ? { ...n, formulae: n.formulae.map((f) => renameSheetRefs(f, renames)) } : n;
}
