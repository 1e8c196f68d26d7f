// A de_DE and an fr_FR team's cycle through the BUILT add-on (run `npm run build` first), money typed as each
// locale's Google shows it (1.234,50 € / 1 234,50 € with a narrow no-break space): every money amount the add-on
// then writes (Weekly Summary, Weekly Trend, Mid-cycle Review, Retrospective, the leaders' digest, the sidebar's
// hint) is grouped as the money cells show it, and typed back into a check-in is the same number (session 21).
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { emptySnapshot } from "../../src/local/snapshot";
import { numberStyleFor, parseKrValue } from "../../src/core/numbers";
import { valueHint } from "../../src/client/logic";
import { callAddon, newTracker, requestId, rowsOf, setSetting, setToday, ss } from "../support/tracker";
import { fireTrigger, refreshTriggersOf } from "../support/rhythm";

const NNBSP = "\u202f";
const NBSP = "\u00a0";
const ADMIN = "ops.lead@example.com";
const COST = "clara@example.com";
const DAYS = "bernd@example.com";

interface Team {
  locale: string;
  timeZone: string;
  /** The cost per unit's start and target, as a person pastes them from a Google sheet in the locale. */
  start: string;
  target: string;
  /** Four weeks of its check-ins, typed as people of the locale type money. */
  costs: string[];
  days: string;
  /** Money over 999 as Google's "#,##0.00" shows it in the locale, and as it must never be written again. */
  grouped: RegExp;
  ungrouped: RegExp;
}

const TEAMS: Team[] = [
  {
    locale: "de_DE",
    timeZone: "Europe/Berlin",
    start: "1.234,50",
    target: "1.100,00",
    costs: ["1.225,50 €", "1.216,5", "1.207,50", "1198,5 €"],
    days: "Tage",
    grouped: /\d{1,3}(?:\.\d{3})+,\d{2,} €/,
    ungrouped: /\d{4},\d{2,} €/,
  },
  {
    locale: "fr_FR",
    timeZone: "Europe/Paris",
    start: `1${NNBSP}234,50`,
    target: `1${NBSP}100,00`,
    costs: [`1${NNBSP}225,50 €`, "1 216,5", `1${NBSP}207,50`, "1198,5 €"],
    days: "jours",
    grouped: new RegExp(`\\d{1,3}(?:${NNBSP}\\d{3})+,\\d{2,} €`),
    ungrouped: /\d{4},\d{2,} €|\d{1,3}[ .\u00a0]\d{3},\d{2,} €/,
  },
];

function cycle(team: Team): Workbook {
  const snapshot = Object.assign(emptySnapshot("Sheet1"), { locale: team.locale, timeZone: team.timeZone });
  const wb = newTracker({ template: "blank", start: "2026-01-05", snapshot, user: ADMIN });
  setSetting(wb, "Leaders' emails", "boss@example.com");
  setSetting(wb, "Email digest to leaders", "on");
  const tab = ss(wb).insertSheet("Import");
  tab.getRange("A1:G3").setNumberFormat("@");
  tab.getRange("A1:G3").setValues([
    ["objective", "key_result", "owner", "metric", "unit", "start", "target"],
    ["Costs", "Cost per unit", COST, "decrease", "€", team.start, team.target],
    ["Speed", "Cycle time", DAYS, "decrease", team.days, "12,5", "9"],
  ]);
  expect(callAddon(wb, "importOkrsFromTab", { tab: "Import" })).toMatchObject({ ok: true });
  expect(rowsOf(wb, "Key Results").map((r) => [r.Start, r.Target])).toEqual([[1234.5, 1100], [12.5, 9]]);
  expect(callAddon(wb, "setWeeklyRefresh", { on: true })).toMatchObject({ ok: true });
  team.costs.forEach((cost, w) => {
    const day = new Date(Date.parse("2026-01-07") + w * 7 * 864e5).toISOString().slice(0, 10);
    for (const [who, id, value] of [[COST, "O1.KR1", cost], [DAYS, "O2.KR1", `${11 - w},5`]]) {
      setToday(wb, day);
      wb.services.session.setUser(who);
      const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: id, value, confidence: 7, confirmed: true });
      expect(r.ok, `${id} ${value}: ${r.message}`).toBe(true);
    }
    wb.services.session.setUser(ADMIN);
    wb.services.clock.set(new Date(Date.parse("2026-01-12T07:00:00Z") + w * 7 * 864e5));
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0])).toMatchObject({ ok: true });
  });
  setToday(wb, "2026-02-02");
  expect(callAddon(wb, "createMidCycleReview", {})).toMatchObject({ ok: true });
  expect(callAddon(wb, "endCycle", { at: "2026-02-02" })).toMatchObject({ ok: true });
  return wb;
}

/** Every text the add-on wrote for people: its report tabs as shown, and the last digest. */
function texts(wb: Workbook): string[] {
  const tabs = ["Weekly Summary", "Weekly Trend", "Mid-cycle Review", "Retrospective"].map((n) => ss(wb).getSheetByName(n));
  expect(tabs.every(Boolean)).toBe(true);
  const cells = tabs.flatMap((t) => t!.getDataRange().getDisplayValues().flat());
  const mail = wb.services.mail.sent.filter((m) => m.to === "boss@example.com");
  expect(mail.length).toBeGreaterThan(0);
  return [...cells, ...mail.flatMap((m) => [m.subject, m.body])].filter((t): t is string => typeof t === "string" && t !== "");
}

for (const team of TEAMS) {
  describe(`${team.locale}: money written as the locale's Google shows it, and read back as written`, () => {
    let wb: Workbook;
    let all: string[];
    beforeAll(() => {
      wb = cycle(team);
      all = texts(wb);
    });

    it("the check-ins typed with the locale's grouping are the numbers meant", () => {
      const log = rowsOf(wb, "Check-ins").filter((r) => r["KR ID"] === "O1.KR1").map((r) => r.Value);
      expect(log).toEqual([1225.5, 1216.5, 1207.5, 1198.5]);
    });

    it("every money amount over 999 in the texts is grouped, as the Current cell shows it", () => {
      const money = all.flatMap((t) => t.match(new RegExp(team.grouped.source, "g")) ?? []);
      expect(money.length).toBeGreaterThan(10);
      for (const t of all) expect(t, t).not.toMatch(team.ungrouped);
      const current = ss(wb).getSheetByName("Key Results")!.getRange(2, 1, 1, 20).getDisplayValues()[0];
      expect(current).toContain(`1${team.locale === "fr_FR" ? NNBSP : "."}198,50 €`);
      expect(all.some((t) => t.includes(`1${team.locale === "fr_FR" ? NNBSP : "."}198,50 €`))).toBe(true);
    });

    it("each of them, typed back into the sidebar's check-in, is the number it says", () => {
      const money = [...new Set(all.flatMap((t) => t.match(new RegExp(team.grouped.source, "g")) ?? []))];
      for (const m of money) {
        const r = parseKrValue(m, team.locale, "€");
        expect(r.ok, `${m}: ${JSON.stringify(r)}`).toBe(true);
        const digits = m.replace(/[^\d,]/g, "").replace(",", ".");
        expect(r.ok && r.value, m).toBe(Number(digits));
      }
      // Through the built add-on: the Retrospective's words for the last value, typed as a check-in.
      const last = money.find((m) => m.startsWith("1") && m.includes("198,50"))!;
      setToday(wb, "2026-02-03");
      wb.services.session.setUser(COST);
      expect(callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", value: last, confidence: 7, confirmed: true })).toMatchObject({
        ok: true,
        kr: { current: 1198.5 },
      });
    });

    it("the sidebar gets the locale's style and writes the KR's money as the cells do; days stay a plain number", () => {
      wb.services.session.setUser(COST);
      const data = callAddon(wb, "getSidebarData", {});
      expect(data.numberStyle).toBe(numberStyleFor(team.locale));
      const k = data.krs.find((x: { id: string }) => x.id === "O1.KR1");
      const sep = team.locale === "fr_FR" ? NNBSP : ".";
      expect(valueHint(k, data.numberStyle)).toContain(`1${sep}234,50 € → 1${sep}100,00 €`);
      expect(all.some((t) => /\b\d{1,2},\d+ (Tage|jours)\b/.test(t) && !/\d[ .\u202f]\d{3}/.test(t.match(/\d[\d .\u202f,]* (Tage|jours)/)![0]))).toBe(true);
    });
  });
}
