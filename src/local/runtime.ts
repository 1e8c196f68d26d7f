// Runs the built add-on (dist/Code.js) against a workbook loaded from an .xlsx file: what every
// okr-sheets command and the preview server stand on.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createServices, loadAddon, type AddonContext, type LocalServices, type WorkbookRegistry } from "./sheets";
import { emptySnapshot, type ScriptProject, type WorkbookSnapshot } from "./snapshot";
import { loadXlsxAndValues, saveXlsx } from "./xlsx";
import { dayIn, savedValuesSnapshot } from "./cachedValues";
import { msFromSerialTz } from "./sheets/time";
import { serialFromMs } from "./engine";
import { assertLockKept } from "./fileLock";
import { restoreSetAside, setAsideOversize, TabTooLarge } from "./oversize";
// Types only: the CLI runs the built dist/Code.js, never the server sources.
import type * as Addon from "../server/index";

/** The project root: the nearest folder above this module holding dist/Code.js (or package.json). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "dist", "Code.js"))) return dir;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
}

export function distDir(): string {
  return join(projectRoot(), "dist");
}

let cachedCode: string | null = null;
export function addonCode(): string {
  if (cachedCode === null) {
    const p = join(distDir(), "Code.js");
    if (!existsSync(p)) throw new Error("dist/Code.js is missing: run `npm run build` first.");
    cachedCode = readFileSync(p, "utf8");
  }
  return cachedCode;
}

/**
 * "Today" for a command: noon of the given day in the tracker's time zone, so that the add-on's clock and
 * TODAY() give that day wherever the tracker is. Noon UTC (what it was) is already the next day at UTC+12
 * and east of it: `--at 2026-01-11` checked in on 2026-01-12, week 2, in a Pacific/Auckland tracker.
 */
export function clockFor(at: string | undefined, timeZone = "Etc/UTC"): Date {
  if (!at) return new Date();
  // Noon's wall time to an instant, the zone's offset corrected once at the instant found (clocks change at night).
  return new Date(msFromSerialTz(serialFromMs(Date.parse(`${at}T12:00:00Z`)), timeZone));
}

export interface Workbook {
  file: string;
  /** How it was opened, so that it can be opened again the same way (serve reloads a changed file). */
  options: OpenOptions;
  /** Tabs too large for the offline engine: not opened, saved back as they were (oversize.ts). */
  setAside: string[];
  /** Opened readOnly with the formulas' saved results in place of the formulas (cachedValues.ts): never saved. */
  savedValues: boolean;
  services: LocalServices;
  addon: AddonContext;
  save(): Promise<void>;
}

export interface OpenOptions {
  at?: string;
  user?: string | null;
  /** Other workbooks the add-on may open by ID or URL (the portfolio roll-up's team trackers). */
  workbooks?: WorkbookRegistry;
  /** Enforce these manifest scopes on openById/openByUrl (tests of the minimal build). */
  scopes?: string[];
  /** The script project shared with other workbooks (their triggers and user properties; see snapshot.ts). */
  project?: ScriptProject;
  /** getSheetByName matches exact names only, the other reading of "to check" 27 (sheets/index.ts LocalOptions). */
  exactSheetNames?: boolean;
  /**
   * The command only reads (show): when the file holds okr-sheets' own formula results for this day and
   * nothing changed since, they are used instead of building the formula engine (cachedValues.ts).
   */
  readOnly?: boolean;
  /**
   * With readOnly: the one tab the command reads. When the saved results are used, no value depends on
   * another tab any more, so the others are opened empty (names and settings kept): the engine then holds
   * one tab, not a 55,000-row log it would never show.
   */
  onlyTab?: string;
}

export function workbookFromSnapshot(file: string, snapshot: WorkbookSnapshot, opts: OpenOptions, savedValues = false): Workbook {
  const openedTz = snapshot.timeZone;
  const aside = setAsideOversize(snapshot);
  const services = createServices(snapshot, {
    now: clockFor(opts.at, snapshot.timeZone),
    user: opts.user ?? null,
    htmlDir: distDir(),
    ...(opts.workbooks ? { workbooks: opts.workbooks } : {}),
    ...(opts.scopes ? { scopes: opts.scopes } : {}),
    ...(opts.project ? { project: opts.project } : {}),
    ...(opts.exactSheetNames ? { exactSheetNames: true } : {}),
  });
  // Loaded on first use: `show` and `edit` never call the add-on, and compiling it costs ~0.01 s (each call
  // then evaluates it afresh, as Apps Script starts every execution: loadAddon).
  let addon: AddonContext | undefined;
  return {
    file,
    options: opts,
    setAside: aside.map((a) => a.sheet.name),
    savedValues,
    services,
    get addon() {
      return (addon ??= loadAddon(addonCode(), services));
    },
    save: async () => {
      if (savedValues) throw new Error("a workbook opened with its saved formula results cannot be saved");
      assertLockKept(file);
      const snap = restoreSetAside(services.toSnapshot({ forSaving: true }), aside);
      // TODAY() was evaluated for the clock's day (clock.set recalculates it); a changed zone may have moved it.
      const valuesAsOf = snap.timeZone === openedTz ? dayIn(services.clock.now().getTime(), snap.timeZone) : undefined;
      await saveXlsx(file, snap, { valuesAsOf });
    },
  };
}

export async function openWorkbook(file: string, opts: OpenOptions = {}): Promise<Workbook> {
  const { snapshot, values } = await loadXlsxAndValues(file);
  try {
    const saved = opts.readOnly ? savedValuesSnapshot(snapshot, values, dayIn(clockFor(opts.at, snapshot.timeZone).getTime(), snapshot.timeZone)) : null;
    if (saved && opts.onlyTab) {
      const only = opts.onlyTab.toLowerCase();
      saved.sheets = saved.sheets.map((s) => (s.name.toLowerCase() === only ? s : { ...s, rows: [] }));
    }
    if (saved) return workbookFromSnapshot(file, saved, opts, true);
    return workbookFromSnapshot(file, snapshot, opts);
  } catch (e) {
    if (e instanceof TabTooLarge) throw new TabTooLarge(`${file}: ${e.message}`);
    throw e;
  }
}

/** A new, empty workbook; `place` gives its spreadsheet locale and time zone (else en_US and Etc/UTC). */
export function newWorkbook(file: string, name: string, opts: OpenOptions = {}, place: { locale?: string; timeZone?: string } = {}): Workbook {
  return workbookFromSnapshot(file, { ...emptySnapshot(name), ...(place.locale ? { locale: place.locale } : {}), ...(place.timeZone ? { timeZone: place.timeZone } : {}) }, opts);
}

/** The add-on's public entry points (src/server/index.ts): a renamed one is a compile error here. */
export type AddonEntry = keyof typeof Addon;

/**
 * Calls an entry point the way google.script.run does (JSON in, JSON out). The result is the JSON of the
 * entry point's return value, so it is left untyped.
 */
export function callAddon<K extends AddonEntry>(wb: Workbook, fn: K, ...args: Partial<Parameters<(typeof Addon)[K]>>): any {
  return wb.addon.call(fn, ...args);
}

/** callAddon with any JSON payload, as a browser or a hostile caller may send it; the name is still checked. */
export function callAddonRaw(wb: Workbook, fn: AddonEntry, ...args: unknown[]): any {
  return wb.addon.call(fn, ...args);
}
