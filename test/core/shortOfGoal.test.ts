// A KR that misses its goal is "short of its goal" in every report, in whichever direction its metric counts.
// Until session 21 the reports said "below its goal", which read backwards for a lower-is-better KR: "cycle
// time at 6 days (target 4 days) … ends below its goal", the value above its target. One phrase (shortOfGoal.ts)
// says it everywhere; this file keeps the old words from coming back in a string of their own.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "../support/expect";
import { atThisPaceLine, type WhyInput } from "../../src/core/forecastWords";
import { missingLine } from "../../src/core/messages";
import { shortOfGoal } from "../../src/core/shortOfGoal";

const kr = (id: string, metric: string, start: number, target: number, value: number): WhyInput & { id: string } => ({
  id,
  unit: "days",
  metric,
  start,
  target,
  goal: 1,
  forecast: { ok: true, value, slopePerWeek: 0, latest: value, weeksLeft: 4, endDay: "2026-04-05" },
});

describe("A miss in words that read right both ways", () => {
  it("a lower-is-better KR above its target falls short of its goal, forecast and ended", () => {
    const cycleTime = kr("O1.KR2", "decrease", 12, 4, 6);
    expect(atThisPaceLine([cycleTime], true)).toBe("At this pace 1 KR ends short of its goal by 2026-04-05: O1.KR2 at 6 days (target 4 days).");
    expect(atThisPaceLine([cycleTime], true, ".", 5, true)).toBe("1 KR ended short of its goal on 2026-04-05: O1.KR2 at 6 days (target 4 days).");
  });

  it("its or their by the count, for any count, in the summary's line and the menu's", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.boolean(), (n, ended) => {
        const below = Array.from({ length: n }, (_, i) => kr(`O1.KR${i + 1}`, i % 2 ? "increase" : "decrease", 10, 20, 12));
        const line = atThisPaceLine(below, true, ".", 5, ended);
        expect(line).toContain(` ${shortOfGoal(n)} ${ended ? "on" : "by"} 2026-04-05: `);
        expect(missingLine(n)).toMatch(new RegExp(`^At this pace ${n} key results? ends? ${shortOfGoal(n)}$`));
      }),
    );
    expect([shortOfGoal(), shortOfGoal(1), shortOfGoal(2), shortOfGoal(0)]).toEqual(["short of its goal", "short of its goal", "short of their goal", "short of their goal"]);
  });

  it("no source file words a miss as below (or above) a goal in a string of its own", () => {
    const root = join(import.meta.dirname, "../../src");
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const found = files(root).flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((l) => !/^\s*(\/\/|\*|\/\*\*)/.test(l))
        .filter((l) => /\b(below|above) (its|their|the) goal|(below|above) \$\{[^}]*"its"[^}]*\} goal/.test(l))
        .map((l) => `${f}: ${l.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
