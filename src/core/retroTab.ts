// The Retrospective tab's rows (docs/lifecycle.md#closing-the-cycle-retrospective): final scores, the grade
// spread, the final values, learnings and a retain / remove / change decision per OKR.
//
// Decisions:
// - Grade bands compare the UNROUNDED score: < 0.4 → "0.0–0.39", < 0.7 → "0.4–0.69", else "0.7–1.0".
//   So 0.395 (shown as 0.40) grades "0.0–0.39", and 0.7 exactly grades "0.7–1.0". No score → no grade; a KR
//   nobody checked in on → "No check-ins" (retroGrades.ts).
// - Numbers inside text (the overall line, the grade bands) take the spreadsheet locale's decimal separator.
import type { TrackerEvaluation } from "./evaluate";
import type { Tracker } from "./model";
import type { SummaryCell } from "./summary";
import { FMT, percent } from "./summary";
import { fixedText, type NumberStyle } from "./numbers";
import { FINAL_SCORES_AS_OF } from "./cycleClosed";
import { finalValueText } from "./retroValue";
import { isNum } from "./scoring";
import { GRADE_BANDS, gradeBandText, gradeOf, gradeSpread, NO_CHECKINS, NO_SCORE } from "./retroGrades";
import { grouped, lifecycleTab, n, RETRO_DECISIONS, RETRO_HEADERS, RETRO_TITLE, t, TYPE_KR, TYPE_OBJECTIVE, weekText, type LifecycleTab } from "./lifecycleTab";

/** The Retrospective tab: final scores, grade spread, learnings and a retain / remove / change decision. */
export function buildRetrospective(tracker: Tracker, evaluation: TrackerEvaluation, asOf: string, signals: SummaryCell[][] = [], sep: NumberStyle = "."): LifecycleTab {
  const krEv = new Map(evaluation.krs.map((k) => [k.id, k] as [string, (typeof evaluation.krs)[number]]));
  const objEv = new Map(evaluation.objectives.map((o) => [o.id, o] as [string, (typeof evaluation.objectives)[number]]));
  const rows: SummaryCell[][] = [];
  rows.push([{ v: `${RETRO_TITLE} — ${tracker.settings.cycleName}`, fmt: FMT.text, style: "title" }]);
  const ov = evaluation.overall;
  rows.push([
    {
      v:
        `${FINAL_SCORES_AS_OF}${asOf} · ${weekText(tracker, asOf)} · ${percent(evaluation.elapsed)} of the cycle elapsed` +
        (ov.score === null ? "" : ` · overall ${fixedText(ov.score, 2, sep)}`),
      style: "subtitle",
    },
  ]);
  rows.push([
    {
      v:
        `Grades (re:Work): ${gradeBandText(GRADE_BANDS[2], sep)} delivered, ${gradeBandText(GRADE_BANDS[1], sep)} progress, ${gradeBandText(GRADE_BANDS[0], sep)} missed. ` +
        "Decide per OKR: retain, remove or change; roll over copies retained and changed OKRs.",
      style: "note",
    },
  ]);
  rows.push([]);
  rows.push([{ v: "Grade spread", style: "heading" }]);
  rows.push(["Grade", "Objectives", "Key results"].map((h) => ({ v: h, style: "header" as const })));
  const spread = gradeSpread(evaluation);
  for (const g of spread) rows.push([{ v: gradeBandText(g.band, sep), style: "label" }, { v: g.objectives }, { v: g.keyResults }]);
  // Said under the spread when it applies: a stay KR's 1.00 from its start is no delivery (retroGrades.ts).
  if (spread.some((g) => g.band === NO_CHECKINS)) {
    rows.push([{ v: `${NO_CHECKINS}: nobody checked in on it this cycle, so its score is its start's, not a result (a stay KR's ${fixedText(1, 2, sep)} included).`, style: "note" }]);
  }
  rows.push([]);
  if (signals.length) rows.push(...signals.map((r) => r.slice()), []);
  const headerRow = rows.length + 1;
  rows.push(RETRO_HEADERS.map((h) => ({ v: h, style: "header" as const })));
  const grade = (e: Parameters<typeof gradeOf>[0]): SummaryCell => {
    const g = gradeOf(e);
    return g === NO_SCORE ? { v: "" } : { v: gradeBandText(g, sep) };
  };
  for (const g of grouped(tracker)) {
    if (g.objective) {
      const o = g.objective;
      const e = objEv.get(o.id);
      rows.push([{ v: TYPE_OBJECTIVE, style: "label" }, t(o.id), t(o.title), t(o.owner), n(e ? e.score : null, FMT.score), grade(e), { v: "" }, { v: "" }, { v: "retain" }]);
    }
    for (const k of g.krs) {
      const e = krEv.get(k.id);
      // Where the KR ended against its target, in its unit (retroValue.ts), beside the learnings written on it.
      const value = t(finalValueText(k, e ? e.started : isNum(k.current), sep));
      rows.push([{ v: TYPE_KR }, t(k.id), t(k.title), t(k.owner), n(e ? e.score : null, FMT.score), grade(e), value, { v: "" }, { v: "retain" }]);
    }
  }
  return lifecycleTab(rows, headerRow, RETRO_HEADERS, RETRO_DECISIONS);
}
