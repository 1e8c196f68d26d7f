// Counts read as English wherever they are shown: "1 objective", "1 of 1 team tracker".
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { okrRows, ofTotal, plural, unitAfter } from "../../src/core/plural";
import { newTracker, ss } from "../support/tracker";
import { callAddon } from "../../src/local/runtime";

describe("plural", () => {
  it.each([
    [0, "0 objectives"],
    [1, "1 objective"],
    [2, "2 objectives"],
  ])("%d → %s", (...[n, text]) => expect(plural(n as number, "objective")).toBe(text));

  it("is singular exactly for 1, for every count and total", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        expect(plural(a, "key result").endsWith("key results")).toBe(a !== 1);
        expect(ofTotal(a, b, "team tracker").endsWith("trackers")).toBe(b !== 1);
        expect(okrRows(a)).toBe(a === 1 ? "1 objective or key result" : `${a} objectives and key results`);
      }),
    );
  });
});

describe("the add-on's menu messages with one of each", () => {
  it('"Imported 1 objective and 1 key result."', () => {
    const wb = newTracker({ template: "blank", start: "2026-01-05", at: "2026-01-05" });
    ss(wb).insertSheet("New OKRs").getRange("A1:F2").setValues([
      ["objective", "key_result", "owner", "metric", "start", "target"],
      ["Ship faster", "Cut lead time", "a@example.com", "decrease", "10", "5"],
    ]);
    wb.services.ui.respond("New OKRs");
    callAddon(wb, "menuImport");
    const alert = wb.services.ui.alerts[wb.services.ui.alerts.length - 1];
    expect(alert.prompt.split("\n")[0]).toBe("Imported 1 objective and 1 key result.");
  });
});

describe("a unit of time typed in the team's language (session 21)", () => {
  it("is singular after 1 where that language's singular is certain: 1 Tag, 1 Woche, 1 giorno, 1 dag, 1 jour", () => {
    expect(["Tage", "Wochen", "Stunden", "giorni", "ore", "dagen", "uren", "jours", "días", "horas"].map((u) => unitAfter("1", u))).toEqual([
      "Tag", "Woche", "Stunde", "giorno", "ora", "dag", "uur", "jour", "día", "hora",
    ]);
    expect(unitAfter("2", "Tage")).toBe("Tage");
  });
  it("a plural whose singular depends on the language stays as typed, never the English rule's guess", () => {
    // Before: "1 mese" (Spanish mes, Portuguese mês); Minuten is German Minute and Dutch minuut.
    expect([unitAfter("1", "meses"), unitAfter("1", "Minuten")]).toEqual(["meses", "Minuten"]);
  });
});
