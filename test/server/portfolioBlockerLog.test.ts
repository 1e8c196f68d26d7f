// The roll-up's blockers read of a team's log (session 20), through the BUILT add-on (run `npm run build` first):
// the log's rows are in the order they were appended, not by their day, so a check-in backdated (`checkin --at`) or
// older check-ins imported after this week's sit below this week's rows; until session 20 the read stopped at the
// first row dated before the period it met from the end, and the week's blockers above were missed. And the log is
// placed where its computed header row says (rows inserted above it), as a check-in's tail read places it, where
// until then any header row but 1 had the whole log read.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { requestId, rowsOf, setToday, ss } from "../support/tracker";
import { trackers } from "../support/rhythm";
import { refreshedAt } from "../support/portfolioCompany";

const AT = "2026-02-16"; // a Monday; the teams' period is 2026-02-10 to 2026-02-16

function checkIn(wb: Workbook, day: string, krId: string, blockers = "") {
  setToday(wb, day);
  const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId, value: "1", confidence: 5, blockers, confirmed: true });
  if (!r.ok) throw new Error(`${krId} ${day}: ${r.message}`);
}

function blockers(base: Workbook, team: Workbook) {
  const { company } = refreshedAt(base, { Team: team }, AT);
  const values = ss(company).getSheetByName("Portfolio Roll-up")!.getDataRange().getDisplayValues();
  const h = values.findIndex((row) => row[0] === "Team" && row[6] === "Blockers");
  const listed: string[] = [];
  for (let i = h + 1; h >= 0 && i < values.length && values[i][0] !== ""; i++) listed.push(values[i][6]);
  const c = company.services.counters.snapshot();
  return { listed, calls: c.serviceCalls, cellsRead: c.cellsRead };
}

describe("The roll-up's read of a team's log for this week's blockers", () => {
  it("finds the week's blocker above older check-ins appended after it (backdated, or imported)", () => {
    const [base, team] = trackers(2);
    const ids = rowsOf(team, "Key Results").map((k) => String(k.ID));
    checkIn(team, "2026-02-11", ids[0], "Waiting for IT access");
    // Last week's figures, filed late: 30 rows dated before the period, appended below this week's.
    for (let i = 0; i < 30; i++) checkIn(team, "2026-02-05", ids[1 + (i % (ids.length - 1))]);
    expect(blockers(base, team).listed).toEqual(["Waiting for IT access"]);
  });

  it("reads the log's last rows where its header is, rows inserted above it, not the whole log", () => {
    const [base, moved, plain] = trackers(3);
    for (const wb of [moved, plain]) {
      const ids = rowsOf(wb, "Key Results").map((k) => String(k.ID));
      // An older log: 150 rows of earlier weeks, then this week's blocker.
      for (let i = 0; i < 150; i++) checkIn(wb, "2026-02-02", ids[i % ids.length]);
      checkIn(wb, "2026-02-12", ids[0], "Supplier contract unsigned");
    }
    ss(moved).getSheetByName("Check-ins")!.insertRowsBefore(1, 2);
    const a = blockers(base, moved);
    const b = blockers(base, plain);
    expect(a.listed).toEqual(["Supplier contract unsigned"]);
    expect(b.listed).toEqual(["Supplier contract unsigned"]);
    // The same bounded read as with the header in row 1: the older rows are not read.
    expect(a.cellsRead).toBe(b.cellsRead);
    expect(a.calls).toBe(b.calls);
  });
});
