// The Mid-cycle Review tab's rows (docs/lifecycle.md#mid-cycle-review): frozen scores, the forecast, and a
// keep / adjust / drop decision and notes per OKR.
import type { TrackerEvaluation } from "./evaluate";
import type { SummaryCell } from "./summary";
import { FMT, percent } from "./summary";
import { fixedText, type NumberStyle } from "./numbers";
import { grouped, lifecycleTab, n, REVIEW_DECISIONS, REVIEW_HEADERS, REVIEW_TITLE, t, TYPE_KR, TYPE_OBJECTIVE, weekText, type LifecycleTab } from "./lifecycleTab";
import type { Tracker } from "./model";

/** The Mid-cycle Review tab: frozen scores with a keep / adjust / drop decision and notes per OKR. */
/** `forecasts`: KR ID → its Forecast cell (reviewForecast.ts: the Weekly Summary's forecast as of the day). */
export function buildReview(tracker: Tracker, evaluation: TrackerEvaluation, asOf: string, signals: SummaryCell[][] = [], sep: NumberStyle = ".", forecasts: Map<string, string> = new Map()): LifecycleTab {
  const krEv = new Map(evaluation.krs.map((k) => [k.id, k] as [string, (typeof evaluation.krs)[number]]));
  const objEv = new Map(evaluation.objectives.map((o) => [o.id, o] as [string, (typeof evaluation.objectives)[number]]));
  const rows: SummaryCell[][] = [];
  rows.push([{ v: `${REVIEW_TITLE} — ${tracker.settings.cycleName}`, fmt: FMT.text, style: "title" }]);
  const ov = evaluation.overall;
  rows.push([
    {
      v:
        `Scores frozen as of ${asOf} · ${weekText(tracker, asOf)} · ${percent(evaluation.elapsed)} of the cycle elapsed` +
        (ov.score === null ? "" : ` · overall ${fixedText(ov.score, 2, sep)} vs ${fixedText(ov.expected, 2, sep)} expected (${ov.status})`),
      style: "subtitle",
    },
  ]);
  rows.push([{ v: "For each objective and key result, choose keep, adjust or drop, and note why.", style: "note" }]);
  rows.push([]);
  // Signals (reportSignals.ts) sit above the table, whose rows the decisions are read back from.
  if (signals.length) rows.push(...signals.map((r) => r.slice()), []);
  const headerRow = rows.length + 1;
  rows.push(REVIEW_HEADERS.map((h) => ({ v: h, style: "header" as const })));
  // An objective's row, then its KRs': frozen score, expected and status, then the two columns the team fills in.
  type Scored = { score: number | null; expected: number; status: string } | undefined;
  const row = (type: SummaryCell, x: { id: string; title: string; owner: string }, e: Scored, forecast = ""): SummaryCell[] => [
    type,
    t(x.id),
    t(x.title),
    t(x.owner),
    n(e ? e.score : null, FMT.score),
    n(e ? e.expected : null, FMT.score),
    { v: e ? e.status : "", style: "status" },
    t(forecast),
    { v: "" },
    { v: "" },
  ];
  for (const g of grouped(tracker)) {
    if (g.objective) rows.push(row({ v: TYPE_OBJECTIVE, style: "label" }, g.objective, objEv.get(g.objective.id)));
    for (const k of g.krs) rows.push(row({ v: TYPE_KR }, k, krEv.get(k.id), forecasts.get(k.id)));
  }
  return lifecycleTab(rows, headerRow, REVIEW_HEADERS, REVIEW_DECISIONS);
}
