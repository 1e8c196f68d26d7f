// Repair's read of Key Results, through the BUILT add-on (run `npm run build` first). Repair read the tab's
// whole data range (A–Y: the formula, check-in and forecast columns too, which its formula, format and
// dropdown checks read again over their own cells) where it uses only the columns a KR is typed into (A–I);
// at 1,200 KRs 19,536 cells of its 73,199 (README, Performance). Now it reads those below the header, the
// header coming from the Settings read; the roll over and the import, which use the rows setup returns,
// read the tab whole as before (setupKrRead.ts).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { Workbook } from "../../src/local/runtime";
import { repairWrites } from "../support/writes";
import { rangeReads, type Rect } from "../support/rangeReads";
import { tab, trackerInUse } from "../support/inUse";
import { callAddon, rowsOf, setSetting, ss } from "../support/tracker";

/** The rectangles of Key Results `run` read values of (getValues). */
const keyResultsReads = (run: () => void) => rangeReads("getValues", "Key Results", run);

const repair = (wb: Workbook) => () => expect(callAddon(wb, "repairTracker").ok).toBe(true);
/** Reads below the header (the data rows). */
const rowReads = (reads: Rect[]) => reads.filter((r) => r.r2 > 1);

describe("Repair reads Key Results' rows in the columns a KR is typed into", () => {
  it("A–I below the header (ID to Weight), every KR row, and the tracker stays healthy", () => {
    const wb = trackerInUse();
    const krs = rowsOf(wb, "Key Results").filter((r) => r.ID !== "").length;
    const reads = rowReads(keyResultsReads(repair(wb)));
    expect(reads.length).toBe(1);
    expect(reads[0]).toMatchObject({ r1: 1, c1: 1, c2: 9 });
    expect(reads[0].r2).toBeGreaterThanOrEqual(krs + 1);
    expect(repairWrites(wb)).toEqual({});
  });

  it("Set up over an existing tracker (no template) reads the same", () => {
    const wb = trackerInUse();
    const reads = rowReads(keyResultsReads(() => expect(callAddon(wb, "setupTracker", {}).ok).toBe(true)));
    expect(reads.map((r) => r.c2)).toEqual([9]);
  });

  it("its focus checks still see every KR: a KR typed by hand without an owner, on the row below the others", () => {
    const wb = trackerInUse();
    const sheet = tab(wb, "Key Results");
    const row = rowsOf(wb, "Key Results").filter((r) => r.ID !== "").length + 2;
    sheet.getRange(row, 1, 1, 9).setValues([["O1.KR9", "O1", "Typed by hand", "", "increase", "", 1, 5, ""]]);
    const r = callAddon(wb, "repairTracker");
    expect(r.ok).toBe(true);
    expect(r.warnings).toContain(
      "Key result O1.KR9 has no owner: only admins and the owner of its objective see it in the sidebar, and only its objective's owner is reminded of it. Type the email of its owner in its Owner cell.",
    );
    // Its formulas were there already (the spare rows below the KRs): its Score shows.
    expect(rowsOf(wb, "Key Results").find((k) => k.ID === "O1.KR9")!.Score).not.toBe("");
  });

  it("a note in a column of the user's own below the table is not taken for a KR row: nothing is written for it", () => {
    const wb = trackerInUse();
    const sheet = tab(wb, "Key Results");
    sheet.getRange(1, 26).setValue("Notes");
    // The 7 KRs' formula rows end at row 51 (50 at least): a note further down made Repair write formulas,
    // dropdowns, colours and protection down to 20 rows below it.
    sheet.getRange(80, 26).setValue("Revenue KRs move to finance next cycle");
    expect(repairWrites(wb)).toEqual({});
  });
});

describe("Key Results read whole, as before", () => {
  it("when the Settings computed header was typed over: the cells read disagree, the tab is read whole and the cell restored", () => {
    const wb = trackerInUse();
    const header = tab(wb, "Key Results").getRange(1, 1, 1, 26).getValues()[0].map(String);
    // Owner and Unit swapped: a header text of ours, but not the tab's.
    const typed = header.map((h) => (h === "Owner" ? "Unit" : h === "Unit" ? "Owner" : h)).join("|");
    setSetting(wb, "Key result header (computed)", typed);
    let reply: { ok: boolean; restored?: string[] } = { ok: false };
    const reads = rowReads(keyResultsReads(() => (reply = callAddon(wb, "repairTracker"))));
    expect(reply.ok).toBe(true);
    expect(reads.map((r) => [r.c1, r.c2])).toEqual([[1, 9], [1, 25]]);
    expect(reply.restored!.join("; ")).toMatch(/Key result header \(computed\)/);
    expect(repairWrites(wb)).toEqual({});
  });

  it("when a column of the user's own is past Z (its header is not in the Settings text)", () => {
    const wb = trackerInUse();
    const sheet = tab(wb, "Key Results");
    sheet.insertColumnsAfter(26, 1);
    sheet.getRange(1, 27).setValue("Notes");
    const reads = rowReads(keyResultsReads(repair(wb)));
    expect(reads.map((r) => [r.c1, r.c2])).toEqual([[1, 27]]);
  });

  it("by the import's Repair, which uses the rows it returns", () => {
    const wb = trackerInUse();
    const paste = ss(wb).insertSheet("Paste");
    const header = ["objective", "key_result", "owner", "metric", "unit", "start", "target"];
    paste.getRange(1, 1, 2, header.length).setValues([header, ["Grow", "Reach 10 pilots", "ana@example.com", "increase", "pilots", 0, 10]]);
    const reads = rowReads(keyResultsReads(() => expect(callAddon(wb, "importOkrsFromTab", { tab: "Paste" }).ok).toBe(true)));
    // Its own read of the table (A:Z), then its check and its Repair's (the data range, A–Y).
    expect(reads.map((r) => [r.c1, r.c2])).toEqual([[1, 26], [1, 25], [1, 25]]);
  });
});
