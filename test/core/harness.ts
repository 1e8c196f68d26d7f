// Builds a HyperFormula workbook (Settings, Objectives, Key Results) from a Tracker, with the formulas of
// src/core/formulas.ts, and reads back the computed columns.
import type { HyperFormula } from "hyperformula";
import { createEngine } from "../../src/local/engine";
import { colsFromHeaders, krFormulas, objectiveFormulas, settingsNamedRanges } from "../../src/core/formulas";
import { KR_HEADERS, KR_HELPER_HEADERS, KR_COUNTS_FROM_HEADERS, OBJECTIVE_HEADERS, SETTINGS_HEADERS, SETTINGS_ROWS, TAB } from "../../src/core/tabs";
import { dayNumber, serialFromIso } from "../../src/core/dates";
import type { KeyResult, Objective, Tracker } from "../../src/core/model";

export const KR_ALL = [...KR_HEADERS, ...KR_HELPER_HEADERS, ...KR_COUNTS_FROM_HEADERS];
export const KR_COLS = colsFromHeaders(KR_ALL);
export const OBJ_COLS = colsFromHeaders(OBJECTIVE_HEADERS);

/** Raw cell values a test wants in place of the model's (e.g. text in a number column). */
export type Overrides = Record<string, unknown>;

export interface Built {
  hf: HyperFormula;
  krRows: number[];
  objRows: number[];
}

function cellOf(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" && !isFinite(v)) return "not a number";
  return v;
}

export function buildWorkbook(
  t: Tracker,
  asOf: string,
  opts: { blankRows?: number; krRaw?: Map<KeyResult, Overrides>; objRaw?: Map<Objective, Overrides> } = {},
): Built {
  const blank = opts.blankRows ?? 2;
  const s = t.settings;
  const settingVals: Record<string, unknown> = {
    cycleName: s.cycleName,
    startDate: serialFromIso(s.startDate),
    weeks: s.weeks,
    cadence: s.cadence,
    weekday: s.weekday,
    onTrackGap: s.onTrackGap,
    atRiskGap: s.atRiskGap,
    aspirationalGoal: s.aspirationalGoal,
    leaders: s.leaders.join(", "),
    admins: s.admins.join(", "),
    emailDigest: s.emailDigest ? "on" : "off",
    ownerReminders: s.ownerReminders ? "on" : "off",
  };
  const settings: unknown[][] = [[...SETTINGS_HEADERS], ...SETTINGS_ROWS.map((r) => [r.label, settingVals[r.key], r.note])];

  const objectives: unknown[][] = [[...OBJECTIVE_HEADERS]];
  const objRows: number[] = [];
  const objList: (Objective | null)[] = [...t.objectives, ...Array.from({ length: blank }, () => null)];
  objList.forEach((o, i) => {
    const row = i + 2;
    const f = objectiveFormulas(row, OBJ_COLS, KR_COLS);
    const raw = o ? opts.objRaw?.get(o) ?? {} : {};
    const vals: Record<string, unknown> = o
      ? { ID: o.id, Objective: o.title, Owner: o.owner, Team: o.team, "Parent ID": o.parentId, Type: o.type, "P&L link": o.pnlLink }
      : {};
    objectives.push(
      OBJECTIVE_HEADERS.map((h) => {
        if (h === "Score" || h === "Expected" || h === "Status") return f[h];
        if (h in raw) return cellOf(raw[h]);
        return cellOf(vals[h]);
      }),
    );
    if (o) objRows.push(row);
  });

  const krs: unknown[][] = [[...KR_ALL]];
  const krRows: number[] = [];
  const krList: (KeyResult | null)[] = [...t.keyResults, ...Array.from({ length: blank }, () => null)];
  krList.forEach((k, i) => {
    const row = i + 2;
    const f = krFormulas(row, KR_COLS, OBJ_COLS) as unknown as Record<string, string>;
    const raw = k ? opts.krRaw?.get(k) ?? {} : {};
    const vals: Record<string, unknown> = k
      ? {
          ID: k.id,
          "Objective ID": k.objectiveId,
          "Key result": k.title,
          Owner: k.owner,
          Metric: k.metric,
          Unit: k.unit,
          Start: k.start,
          Target: k.target,
          Weight: k.weight,
          Current: k.current,
          Confidence: k.confidence,
          "Last check-in": k.lastCheckin ? dayNumber(k.lastCheckin) + 25569 : null,
          "Counts from": k.countsFrom ?? null,
        }
      : {};
    krs.push(
      KR_ALL.map((h) => {
        if (h in f) return f[h];
        if (h in raw) return cellOf(raw[h]);
        return cellOf(vals[h]);
      }),
    );
    if (k) krRows.push(row);
  });

  const ms = Date.UTC(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)) - 1, Number(asOf.slice(8, 10)));
  // The named ranges built in, as the offline spreadsheet does: added one by one, each re-evaluated the formulas naming it.
  const named = settingsNamedRanges().map((n) => ({ name: n.name, expression: n.formula }));
  const hf = createEngine({ [TAB.settings]: settings, [TAB.objectives]: objectives, [TAB.keyResults]: krs }, { now: () => ms }, named);
  return { hf, krRows, objRows };
}

export function cell(hf: HyperFormula, sheet: string, cols: Record<string, string>, header: string, row: number): unknown {
  const sheetId = hf.getSheetId(sheet);
  if (sheetId === undefined) throw new Error(`no sheet ${sheet}`);
  const letter = cols[header];
  let c = 0;
  for (const ch of letter) c = c * 26 + (ch.charCodeAt(0) - 64);
  const v = hf.getCellValue({ sheet: sheetId, col: c - 1, row: row - 1 });
  if (v !== null && typeof v === "object") return `#ERROR ${JSON.stringify(v)}`;
  return v;
}
