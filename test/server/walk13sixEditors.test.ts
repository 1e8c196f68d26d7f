// Walk 13, story 1: six editors share one tracker on Google, through the BUILT add-on (`npm run build` first).
// The admin turns the weekly refresh on; a KR's owner and its objective's owner check in on it within the
// same minute; sidebars opened one day are used the next, after someone else changed what they show (a
// newer check-in, the target, the rows, the cycle itself). What
// each person sees is asserted, and that nothing is written to a row it was not meant for.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { requestId, rowsOf, setToday, ss } from "../support/tracker";
import { asUser, trackers } from "../support/rhythm";

const ADMIN = "ops.lead@example.com"; // admin, and owner of objective O1
const DISPATCH = "dispatch.lead@example.com"; // owns O1.KR1
const PLANNING = "planning.lead@example.com"; // owns O1.KR2 and O1.KR3

type Kr = { id: string; row: number; target: number; score: number; current: unknown; correctable: { requestId: string; value: unknown } | null };

/** What `who`'s sidebar lists when opened now. */
const sidebar = (wb: Workbook, who: string): Kr[] => asUser(wb, who, () => callAddon(wb, "getSidebarData", {})).krs;
const krOf = (krs: Kr[], id: string) => krs.find((k) => k.id === id)!;

/** A check-in as `who`'s sidebar sends it: the KR's row as that sidebar read it, a correction naming what it showed. */
function send(wb: Workbook, who: string, kr: Kr, value: string, extra: Record<string, unknown> = {}) {
  return asUser(wb, who, () => callAddon(wb, "submitCheckin", { requestId: requestId(), krId: kr.id, row: kr.row, value, confidence: 7, ...extra }));
}

/** The same with the cycle's start the sidebar showed, as the sidebar sends it since session 22. */
const sendIn = (wb: Workbook, who: string, start: string, kr: Kr, value: string) => send(wb, who, kr, value, { cycle: start });

const tab = (wb: Workbook, name: string) => JSON.stringify(ss(wb).getSheetByName(name)!.getDataRange().getValues());
const krRow = (wb: Workbook, id: string) => rowsOf(wb, "Key Results").find((r) => r["ID"] === id)!;

function tracker(): Workbook {
  const [wb] = trackers(1);
  setToday(wb, "2026-01-19");
  expect(asUser(wb, ADMIN, () => callAddon(wb, "setWeeklyRefresh", { on: true }))).toMatchObject({ ok: true, on: true, installedBy: ADMIN });
  return wb;
}

describe("Walk 13: six editors on one tracker", () => {
  it("two people check in on one KR in the same minute: both are logged, the second is Current, and its reply lists the first", () => {
    const wb = tracker();
    wb.services.clock.set(new Date("2026-01-20T09:15:10Z"));
    const [mine, theirs] = [krOf(sidebar(wb, DISPATCH), "O1.KR1"), krOf(sidebar(wb, ADMIN), "O1.KR1")];
    expect(send(wb, DISPATCH, mine, "86")).toMatchObject({ ok: true, duplicate: false });
    wb.services.clock.set(new Date("2026-01-20T09:15:40Z"));
    const second = send(wb, ADMIN, theirs, "87");
    expect(second).toMatchObject({ ok: true, duplicate: false, kr: { id: "O1.KR1", current: 87 } });
    expect(second.kr.recent.map((c: { value: number }) => c.value)).toEqual([87, 86]);
    expect(rowsOf(wb, "Check-ins").map((r) => [r["Author"], r["Value"]])).toEqual([[DISPATCH, 86], [ADMIN, 87]]);
    expect(krRow(wb, "O1.KR1")["Current"]).toBe(87);
  });

  // Until session 22 a correction replaced whichever check-in was the week's latest: a sidebar opened on the
  // owner's own check-in, used after the objective's owner checked in, corrected theirs, and the summary then
  // counted the owner's corrected value in place of the newer figure, with no word to either.
  it("a correction from a sidebar opened before someone else checked in is refused, naming the newer check-in; nothing is written", () => {
    const wb = tracker();
    setToday(wb, "2026-01-20");
    const first = send(wb, DISPATCH, krOf(sidebar(wb, DISPATCH), "O1.KR1"), "86");
    const stale = krOf(sidebar(wb, DISPATCH), "O1.KR1"); // her sidebar, left open: "Correct last check-in" shows her 86
    expect(stale.correctable).toMatchObject({ requestId: first.kr.correctable.requestId, value: 86 });
    setToday(wb, "2026-01-21");
    expect(send(wb, ADMIN, krOf(sidebar(wb, ADMIN), "O1.KR1"), "88").ok).toBe(true);
    setToday(wb, "2026-01-22");
    const [log, krs] = [tab(wb, "Check-ins"), tab(wb, "Key Results")];
    const r = send(wb, DISPATCH, stale, "85", { correct: stale.correctable!.requestId, whatChanged: "typo" });
    expect(r).toMatchObject({
      ok: false,
      message: "O1.KR1 was checked in again (2026-01-21, value 88%) since you started this correction: reopen the sidebar. Nothing was saved.",
    });
    expect(tab(wb, "Check-ins")).toBe(log);
    expect(tab(wb, "Key Results")).toBe(krs);
    // Reopened, her sidebar offers the newer check-in to correct, and that correction is taken.
    const fresh = krOf(sidebar(wb, DISPATCH), "O1.KR1");
    expect(fresh.correctable).toMatchObject({ value: 88 });
    expect(send(wb, DISPATCH, fresh, "85", { correct: fresh.correctable!.requestId }).ok).toBe(true);
    expect(String(rowsOf(wb, "Check-ins")[2]["What changed"])).toBe(`Correction of check-in ${fresh.correctable!.requestId} (2026-01-21, value 88%).`);
    // The command line (and a sidebar from before) sends `correct: true`: the week's latest, as ever.
    expect(send(wb, ADMIN, fresh, "84", { correct: true }).ok).toBe(true);
  });

  it("a sidebar opened before the admin changed the KR's target: the check-in scores against the new target and the reply shows it", () => {
    const wb = tracker();
    const stale = krOf(sidebar(wb, PLANNING), "O1.KR2");
    expect(stale.target).toBe(6);
    setToday(wb, "2026-01-20");
    const sheet = ss(wb).getSheetByName("Key Results")!;
    const targetCol = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf("Target") + 1;
    asUser(wb, ADMIN, () => sheet.getRange(stale.row, targetCol).setValue(8));
    const r = send(wb, PLANNING, stale, "9");
    expect(r).toMatchObject({ ok: true, kr: { id: "O1.KR2", target: 8 } });
    expect(r.kr.score).toBeCloseTo(0.5 / 1.5, 10);
  });

  // Until session 22 the late figure was saved as the new cycle's week 1 (its start and target the carried
  // KR's), answered "Saved", while the closed cycle's Retrospective had graded the KR without it.
  it("a sidebar opened in the week after the cycle, used after the admin rolled over: refused, saying the cycle changed", () => {
    const wb = tracker();
    setToday(wb, "2026-04-06");
    const data = asUser(wb, DISPATCH, () => callAddon(wb, "getSidebarData", {}));
    expect(data.cycle).toMatchObject({ start: "2026-01-05", week: 13, late: { end: "2026-04-05", until: "2026-04-12" } });
    const kr = krOf(data.krs, "O1.KR1");
    expect(asUser(wb, ADMIN, () => callAddon(wb, "endCycle", { at: "2026-04-05" })).ok).toBe(true);
    expect(asUser(wb, ADMIN, () => callAddon(wb, "rollOverCycle", { start: "2026-04-06", name: "Cycle 2" })).ok).toBe(true);
    const log = tab(wb, "Check-ins");
    expect(sendIn(wb, DISPATCH, data.cycle.start, kr, "93")).toEqual({
      ok: false,
      message: "The cycle now starts on 2026-04-06, not 2026-01-05 as when the sidebar opened (rolled over?): reopen the sidebar. Nothing was saved.",
    });
    expect(tab(wb, "Check-ins")).toBe(log);
    // Reopened, the sidebar shows the new cycle, and a check-in there is its week 1.
    const fresh = asUser(wb, DISPATCH, () => callAddon(wb, "getSidebarData", {}));
    expect(fresh.cycle).toMatchObject({ name: "Cycle 2", start: "2026-04-06", week: 1 });
    expect(sendIn(wb, DISPATCH, fresh.cycle.start, krOf(fresh.krs, "O1.KR1"), "93").ok).toBe(true);
    expect(rowsOf(wb, "Check-ins").map((r) => [r["Week"], r["KR ID"], r["Value"]])).toEqual([[1, "O1.KR1", 93]]);
  });

  it("a sidebar opened before the row above was deleted: the check-in goes to its KR's new row, and a deleted KR's is refused in one line", () => {
    const wb = tracker();
    setToday(wb, "2026-01-20");
    const krs = sidebar(wb, PLANNING);
    const [kr2, kr3] = [krOf(krs, "O1.KR2"), krOf(krs, "O1.KR3")];
    ss(wb).getSheetByName("Key Results")!.deleteRow(kr2.row); // the admin drops O1.KR2 from the cycle
    const before = tab(wb, "Key Results");
    const gone = send(wb, PLANNING, kr2, "8");
    expect(gone).toMatchObject({
      ok: false,
      message: '"O1.KR2" is no longer in Key Results (deleted, or its ID changed, since the sidebar opened): reopen the sidebar. Nothing was saved.',
    });
    expect(tab(wb, "Key Results")).toBe(before);
    expect(send(wb, PLANNING, kr3, "115").ok).toBe(true); // sent with the row O1.KR2 was on
    expect(krRow(wb, "O1.KR3")["Current"]).toBe(115);
    expect(rowsOf(wb, "Key Results").filter((r) => r["Current"] === 115)).toHaveLength(1);
    expect(rowsOf(wb, "Check-ins").map((r) => r["KR ID"])).toEqual(["O1.KR3"]);
  });
});
