// Changes to the forecast's rule tried on the backtest (bench/forecastBacktest.ts), kept so their figures in
// docs/forecast.md can be measured again:   npx tsx bench/forecastCandidates.ts
import { pathToFileURL } from "node:url";
import { forecastKr, type ForecastPoint } from "../src/core/forecast";
import { forecastMisses, forecastPoints, weekValuesFromCheckins } from "../src/core/summaryForecast";
import { dayOf, markdown, paceRule, productRule, runBacktest, weekEnd, type Rule } from "./forecastBacktest";
import { START, WEEKS } from "./forecastPaths";

const CYCLE = { startDate: START, weeks: WEEKS };

function points(seen: { date: string; value: number; row: number }[], asOf: string): { pts: ForecastPoint[]; latest: string | null } {
  const latest = seen.length ? seen[seen.length - 1].date : null;
  return { pts: forecastPoints(weekValuesFromCheckins(seen, START, asOf), START, asOf, latest), latest };
}

/** The KR's Start as one more point, on the cycle's first day (the forecast still needs 3 weeks of check-ins). */
export const startPointRule: Rule = (k, seen, asOf) => {
  const { pts, latest } = points(seen, asOf);
  if (pts.length < 3) return { score: null, flag: false };
  const f = forecastKr(k.kr, [{ day: START, value: k.kr.start }, ...pts], CYCLE, latest);
  return f.ok ? { score: f.score, flag: forecastMisses(f.score, 1, 0.1) } : { score: null, flag: false };
};

/** Listed only when the forecast also missed as of the week before (two reports in a row). */
export const twiceRule =
  (base: Rule): Rule =>
  (k, seen, asOf) => {
    const now = base(k, seen, asOf);
    if (!now.flag) return now;
    const before = weekEnd((dayOf(asOf) + 1) / 7 - 1);
    const prev = base(
      k,
      seen.filter((c) => c.date <= before),
      before,
    );
    return { score: now.score, flag: prev.flag };
  };

/** The mean of the forecast's score and the naive pace's (two estimates whose errors differ: the line's slope, the Start's anchor). */
export const blendRule: Rule = (k, seen, asOf) => {
  const a = productRule(k, seen, asOf);
  const b = paceRule(k, seen, asOf);
  if (a.score === null || b.score === null) return a;
  const score = (a.score + b.score) / 2;
  return { score, flag: forecastMisses(score, 1, 0.1) };
};

export const CANDIDATES: Record<string, Rule> = {
  "forecast (now)": productRule,
  "+ Start as a point at day 0": startPointRule,
  "listed two weeks running": twiceRule(productRule),
  "Start point, two weeks running": twiceRule(startPointRule),
  "mean of forecast and naive pace": blendRule,
  "naive pace": paceRule,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(markdown(runBacktest(undefined, CANDIDATES)));
}
