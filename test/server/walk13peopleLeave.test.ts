// Walk 13, story 2: people leave mid-cycle, through the BUILT add-on (`npm run build` first). The admin who
// turned the weekly refresh on loses access to the file; another admin takes the refresh over (a trigger is
// one person's, one per person per spreadsheet); a KR is handed to a new owner while the old owner's sidebar
// is still open. What each person sees is asserted.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { requestId, rowsOf, setSetting, setToday, ss } from "../support/tracker";
import { asUser, fireTrigger, openFails, refreshTriggersOf, trackers } from "../support/rhythm";

const ANNA = "ops.lead@example.com"; // admin, installed the refresh, leaves
const BEN = "quality.lead@example.com"; // admin after her
const DISPATCH = "dispatch.lead@example.com"; // owned O1.KR1
const NEW_OWNER = "new.dispatch@example.com";

const status = (wb: Workbook, who: string) => asUser(wb, who, () => callAddon(wb, "setWeeklyRefresh", {}));
const turn = (wb: Workbook, who: string, on: boolean) => asUser(wb, who, () => callAddon(wb, "setWeeklyRefresh", { on }));
const at = (wb: Workbook, iso: string) => wb.services.clock.set(new Date(iso));
const mine = (wb: Workbook, who: string) => refreshTriggersOf(wb).find((t) => t.owner === who)!;

describe("Walk 13: people leave", () => {
  it("the installer loses access: the others are told it stopped, another admin takes it over, and hers removes itself", () => {
    const [wb] = trackers(1);
    setToday(wb, "2026-01-06");
    expect(turn(wb, ANNA, true)).toMatchObject({ ok: true, on: true });
    at(wb, "2026-01-12T07:20:00Z");
    expect(fireTrigger(wb, mine(wb, ANNA))).toMatchObject({ ok: true });
    // 2026-01-14: Anna leaves; the file is no longer shared with her, and Ben is the admin.
    setToday(wb, "2026-01-14");
    setSetting(wb, "Admins' emails", BEN);
    openFails(wb, () => wb.services.session.user() === ANNA);
    at(wb, "2026-01-19T07:20:00Z");
    expect(() => fireTrigger(wb, mine(wb, ANNA))).toThrow("The weekly refresh cannot open its tracker");
    expect(wb.services.mail.sent.at(-1)!.to).toBe(ANNA); // only she can be told: the tracker records nothing

    setToday(wb, "2026-01-21");
    const seen = String(status(wb, BEN).status);
    expect(seen).toContain(`On, installed by ${ANNA} on 2026-01-06`);
    expect(seen).toContain("It has not run since 2026-01-12:");
    expect(seen).toContain("Turn it off and on again to run it as you.");
    // "On" is hers to change, so Ben's on is refused saying how to take it over; off, then on, does.
    expect(turn(wb, BEN, true)).toMatchObject({ ok: false, message: expect.stringContaining("turn it off first (then on again, to run it as you)") });
    expect(turn(wb, BEN, false)).toMatchObject({ ok: true, on: false, status: expect.stringContaining(`the trigger ${ANNA} installed removes itself when it next runs`) });
    expect(turn(wb, BEN, true)).toMatchObject({ ok: true, on: true, installedBy: BEN });
    expect(refreshTriggersOf(wb).map((t) => t.owner).sort()).toEqual([BEN, ANNA].sort()); // one each: hers cannot be seen from here

    at(wb, "2026-01-26T07:20:00Z");
    expect(fireTrigger(wb, mine(wb, BEN))).toMatchObject({ ok: true, outcome: { week: 3 } });
    expect(() => fireTrigger(wb, mine(wb, ANNA))).toThrow("It has turned itself off and sends nothing more about it.");
    expect(refreshTriggersOf(wb).map((t) => t.owner)).toEqual([BEN]);
    expect(String(status(wb, BEN).status)).toMatch(new RegExp(`^On, installed by ${BEN} on 2026-01-21: .* Last weekly refresh: 2026-01-26 07:20 \\(Etc/UTC\\), OK\\.$`));
  });

  it("a KR handed to a new owner while the old owner's sidebar is open: the old owner's check-in is refused naming the new one, nothing is written", () => {
    const [wb] = trackers(1);
    setToday(wb, "2026-01-20");
    const kr = asUser(wb, DISPATCH, () => callAddon(wb, "getSidebarData", {})).krs.find((k: { id: string }) => k.id === "O1.KR1");
    const sheet = ss(wb).getSheetByName("Key Results")!;
    const ownerCol = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf("Owner") + 1;
    sheet.getRange(kr.row, ownerCol).setValue(NEW_OWNER);
    const r = asUser(wb, DISPATCH, () => callAddon(wb, "submitCheckin", { requestId: requestId(), krId: "O1.KR1", row: kr.row, value: "86", confidence: 7 }));
    expect(r).toMatchObject({ ok: false, message: `O1.KR1 belongs to ${NEW_OWNER}; only its owner, its objective's owner or an admin can check in.` });
    expect(rowsOf(wb, "Check-ins")).toEqual([]);
    // The new owner sees it at once, with its history (check-ins are by KR, not by owner).
    const theirs = asUser(wb, NEW_OWNER, () => callAddon(wb, "getSidebarData", {}));
    expect(theirs.krs.map((k: { id: string }) => k.id)).toEqual(["O1.KR1"]);
  });
});
