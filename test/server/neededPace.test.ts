// What it takes, through the BUILT add-on (run `npm run build` first): a KR forecast to miss is told the
// change per week it needs from its latest value to reach its goal by the cycle's last day, beside the pace
// its line has so far, in the check-in's reply (the sidebar's line), in Needs attention and in the digest
// (docs/forecast.md, "What it takes").
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { formatValue } from "../../src/core/forecast";
import { forecastLine } from "../../src/core/forecastWords";
import type { Workbook } from "../../src/local/runtime";
import { callAddon, newTracker, requestId, setSetting, setToday, ss } from "../support/tracker";
import { byId, section, summarize, summaryTab } from "../support/summaryTab";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";

const START = "2026-01-05"; // 13 weeks: the cycle's last day is 2026-04-05; week 4 ends 2026-02-01, 9 weeks before it
const ADMIN = "ops.lead@example.com";

function checkIn(wb: Workbook, day: string, owner: string, krId: string, value: number) {
  setToday(wb, day);
  wb.services.session.setUser(owner);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: String(value), confidence: 8 });
  wb.services.session.setUser(ADMIN);
  if (!r.ok) throw new Error(`${krId} ${day}: ${r.message}`);
  return r.kr;
}

/** Thursdays of weeks 1–4: on-time delivery (82% → 95%) rising 0.4 points a week; the rework rate (6.5% → 3%) getting worse. */
function weekFour() {
  const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
  const replies: Record<string, { forecast: unknown; unit: string }> = {};
  for (const [day, onTime, rework] of [["2026-01-08", 83.5, 6.6], ["2026-01-15", 84, 6.9], ["2026-01-22", 84.4, 7.1], ["2026-01-29", 84.7, 7.3]] as const) {
    replies["O1.KR1"] = checkIn(wb, day, "dispatch.lead@example.com", "O1.KR1", onTime);
    replies["O2.KR1"] = checkIn(wb, day, "quality.lead@example.com", "O2.KR1", rework);
  }
  return { wb, replies };
}

describe("what it takes", () => {
  it("the check-in's reply tells the owner the pace the goal needs from here, beside the pace so far, in both directions", () => {
    const { wb, replies } = weekFour();
    const line = (id: string) => forecastLine(replies[id].forecast as Parameters<typeof forecastLine>[0], replies[id].unit);
    // (95 − 84.7) ÷ 9 weeks; (3 − 7.3) ÷ 9 weeks. So far: the median pairwise pace, 0.4 and (0.2 + 0.7 ÷ 3) ÷ 2.
    const up = formatValue((95 - 84.7) / 9);
    const down = formatValue((7.3 - 3) / 9);
    expect(line("O1.KR1")).toMatch(new RegExp(`^At this pace: [\\d.]+% by 2026-04-05 \\(target 95%\\) — score [\\d.]+; needs to rise ${up} points a week \\(so far rising 0\\.4 points a week\\)$`));
    expect(line("O2.KR1")).toMatch(new RegExp(`\\(target 3%\\) — score 0\\.00; needs to fall ${down} points a week \\(so far rising 0\\.22 points a week\\)$`));

    // The summary as of the same day says the same in Needs attention, and its Why the same paces.
    summarize(wb, "2026-02-01");
    const tab = summaryTab(wb);
    const att = byId(section(tab, "Needs attention").rows);
    const why = byId(section(tab, "Forecast").rows);
    for (const id of ["O1.KR1", "O2.KR1"]) {
      const said = line(id).split("; ")[1];
      expect(String(att.get(id)!.Forecast)).toBe(`Forecast to miss: ${String(why.get(id)!.Forecast)} (target ${id === "O1.KR1" ? "95" : "3"}%); ${said}`);
      const [so, far] = /^needs (.+) \(so far (.+)\)$/.exec(said)!.slice(1);
      expect(String(why.get(id)!.Why).toLowerCase()).toBe(`${far}; reaching ${id === "O1.KR1" ? "95" : "3"}% by 2026-04-05 needs ${so}.`);
    }
  });

  it("a KR on course is told nothing more, nor is the sidebar opened without a check-in (its cells hold no pace)", () => {
    const wb = newTracker({ template: "operations", start: START, at: START, user: ADMIN });
    let reply: { forecast: { ok: boolean; need?: unknown } } = { forecast: { ok: false } };
    for (const [day, v] of [["2026-01-08", 84], ["2026-01-15", 86.5], ["2026-01-22", 89], ["2026-01-29", 91]] as const) reply = checkIn(wb, day, "dispatch.lead@example.com", "O1.KR1", v);
    expect(reply.forecast.ok).toBe(true);
    expect(reply.forecast.need).toBeUndefined();
    const { wb: behind } = weekFour();
    behind.services.session.setUser("dispatch.lead@example.com");
    const opened = callAddon(behind, "getSidebarData", {}).krs.find((k: { id: string }) => k.id === "O1.KR1");
    expect(opened.forecast).toMatchObject({ ok: true });
    expect(opened.forecast.need).toBeUndefined();
  });

  it("a decimal-comma locale, and the digest's Needs attention", () => {
    const { wb } = weekFour();
    ss(wb).setSpreadsheetLocale("de_DE");
    setSetting(wb, "Leaders' emails", "ceo@example.com");
    setSetting(wb, "Email digest to leaders", "on");
    callAddon(wb, "setWeeklyRefresh", { on: true });
    setToday(wb, "2026-02-02"); // Monday: the refresh reports the week just ended, as of 2026-02-01
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0]).ok).toBe(true);
    const cell = String(byId(section(summaryTab(wb), "Needs attention").rows).get("O1.KR1")!.Forecast);
    expect(cell).toMatch(new RegExp(`; needs to rise ${formatValue((95 - 84.7) / 9, ",")} points a week \\(so far rising 0,4 points a week\\)$`));
    const digest = wb.services.mail.sent.find((m) => m.to === "ceo@example.com")!;
    expect(String(digest.body).split("\n").map((l) => l.trim())).toContain(cell);
  });
});
