// The sidebar page the "Check in" menu item builds on a large tracker (server/checkinSidebar.ts
// sidebarPageData): the KRs from the Key Results table's first four columns, the form's first KR with its
// details, the others by name, so the page needs no whole-table read. Through the built add-on.
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { lastSidebarHtml, sidebarDataIn } from "../support/sidebarPage";
import { callAddon, openTracker, requestId, ss } from "../support/tracker";
import { generateTracker } from "../../src/local/generate/tracker";
import { ADMIN, TODAY } from "../../src/local/generate/okrs";
import type { Workbook } from "../../src/local/runtime";
import type { BriefKr, SidebarData, SidebarKr } from "../../src/core/api";

// 560 KRs × 22 columns: past the page's 12,000-cell threshold (PAGE_FULL_TABLE_CELLS).
const KRS = 560;
const OWNER = "owner001@example.com"; // owns every 40th KR, from the first

let snapshot: ReturnType<typeof generateTracker>["snapshot"];
beforeAll(() => {
  const g = generateTracker({ name: "page", objectives: 140, krs: KRS, checkins: 600, owners: 40 }, { history: false, headroom: false });
  const wb = openTracker(g.snapshot, { at: TODAY, user: ADMIN });
  // Every objective the admin's: an owner's page then lists their own KRs only, in full data and in the page
  // alike (an objective's owner sees its KRs from the full data, which the page's four columns do not carry).
  ss(wb).getSheetByName("Objectives")!.getRange(2, 3, 140, 1).setValues(Array.from({ length: 140 }, () => [ADMIN]));
  const r = callAddon(wb, "setupTracker", {});
  if (!r.ok) throw new Error(r.message);
  snapshot = wb.services.toSnapshot();
});

function tracker(user: string | null): Workbook {
  return openTracker(structuredClone(snapshot), { at: TODAY, user });
}

// Opening 560 KRs takes seconds: the tests of one person share a workbook, in order (the later ones change it).
const shared: Record<string, Workbook> = {};
const trackerOf = (user: string): Workbook => (shared[user] ??= tracker(user));

/** The data in the page the menu item showed, and what building it cost. */
function page(wb: Workbook): { data: SidebarData; reads: number; cellsRead: number; calls: number } {
  const c = wb.services.counters;
  c.reset();
  callAddon(wb, "menuCheckIn");
  const s = c.snapshot();
  const calls = Object.values(s.byMethod as Record<string, number>).reduce((a, b) => a + b, 0);
  return { data: sidebarDataIn(lastSidebarHtml(wb))!, reads: s.byMethod["Range.getValues"] ?? 0, cellsRead: s.cellsRead, calls };
}

const named = (k: SidebarKr): BriefKr => ({ id: k.id, row: k.row!, objectiveId: k.objectiveId, name: k.name, owner: k.owner });

/** The calls of an owner's page on the tracker as set up (the sidebar's 12), which two tests compare with: counted
 * once, on a copy of its own (a copy of 560 KRs and its page: ~0.5-1 s of CPU). */
let ownerCalls: number | undefined;
const ownerPageCalls = (): number => (ownerCalls ??= page(tracker(OWNER)).calls);

describe("the sidebar page of a large tracker", () => {
  it("gives an owner their first KR with its details (no check-ins yet) and the others by name, in three reads", () => {
    const wb = trackerOf(OWNER);
    const full = callAddon(wb, "getSidebarData", {}) as SidebarData;
    expect(full.krs).toHaveLength(KRS / 40);
    const { data, reads, cellsRead } = page(wb);
    expect(data.krs).toEqual([{ ...full.krs[0], recent: [], correctable: null }]);
    expect(data.brief).toEqual(full.krs.slice(1).map(named));
    expect(data.owners).toEqual(full.owners);
    expect(data.user).toEqual(full.user);
    expect(reads).toBe(3); // Settings, the first four columns, the KR's row: as many as getSidebarData's
    expect(cellsRead).toBeLessThan(KRS * 4 + 400); // not the table's 560 × 22
  });

  it("gives an admin who owns none every KR by name, without reading any KR row whole", () => {
    const wb = trackerOf(ADMIN);
    const full = callAddon(wb, "getSidebarData", {}) as SidebarData;
    const { data, reads } = page(wb);
    expect(data.krs).toEqual([]);
    expect(data.brief).toEqual(full.krs.map(named));
    expect(data.user.isAdmin).toBe(true);
    expect(reads).toBe(2);
  });

  it("gives an admin their own KR with its details, the one the form starts on", () => {
    const wb = trackerOf(ADMIN);
    const krTab = ss(wb).getSheetByName("Key Results")!;
    krTab.getRange("D300").setValue(ADMIN);
    const id = String(krTab.getRange("A300").getValue());
    const { data } = page(wb);
    expect(data.krs.map((k) => [k.id, k.row, k.owner])).toEqual([[id, 300, ADMIN]]);
    expect(data.brief).toHaveLength(KRS - 1);
    expect(data.brief!.some((b) => b.id === id)).toBe(false);
  });

  it("a check-in sent with a KR's row from the page is saved on that KR", () => {
    const wb = trackerOf(OWNER);
    const b = page(wb).data.brief![2];
    const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: b.id, row: b.row, value: "1", confidence: 6, confirmed: true });
    expect(r.ok).toBe(true);
    expect(r.kr).toMatchObject({ id: b.id, row: b.row, current: 1, confidence: 6 });
  });

  it("carries getSidebarData's data when the IDs below the header are fewer than counted (a blank row between KRs)", () => {
    const wb = trackerOf(OWNER);
    ss(wb).getSheetByName("Key Results")!.insertRowsBefore(100, 1);
    const full = callAddon(wb, "getSidebarData", {});
    expect(page(wb).data).toEqual(full);
  });
});

describe("an objective's owner on the sidebar page of a large tracker", () => {
  const LEAD = "objective.lead@example.com"; // owns no KR
  /** The 7th objective (Objectives row 8) owned by LEAD, written as a mail program writes it. */
  function leading(user: string | null): Workbook {
    const wb = tracker(user);
    ss(wb).getSheetByName("Objectives")!.getRange("C8").setValue(`Lee, Objective <${LEAD}>`);
    return wb;
  }

  it("who owns no KR is listed the objective's KRs by name at once, reading the Objectives tab where an owner's KR row is read", () => {
    // Until session 19 the page said they own no KR, and never asked for the full data that lists them.
    const wb = leading(LEAD);
    const full = callAddon(wb, "getSidebarData", {}) as SidebarData;
    expect(full.krs.length).toBeGreaterThan(0);
    const { data, reads, calls } = page(wb);
    expect(data.krs).toEqual([]);
    expect(data.brief).toEqual(full.krs.map(named));
    expect(reads).toBe(3); // Settings, the first four columns, the Objectives tab's first three
    expect(calls).toBe(ownerPageCalls()); // no call more than an owner's page (the sidebar's 12)
  });

  it("is listed by the page the KRs the full data lists, an objective ID typed with a space or in another case included", () => {
    // Until session 20 the page matched the IDs trimmed, the full data (the row's Objective owner, MATCH) as
    // typed: a KR typed "O7 " was listed at once and gone when the full data came.
    const wb = leading(LEAD);
    const before = (callAddon(wb, "getSidebarData", {}) as SidebarData).krs;
    expect(before.length).toBeGreaterThan(1);
    const krs = ss(wb).getSheetByName("Key Results")!;
    krs.getRange(before[0].row!, 2).setValue(`${before[0].objectiveId} `);
    krs.getRange(before[1].row!, 2).setValue(before[1].objectiveId.toLowerCase());
    const full = callAddon(wb, "getSidebarData", {}) as SidebarData;
    expect(full.krs.map((k) => k.id)).toEqual(before.slice(1).map((k) => k.id));
    expect(page(wb).data.brief).toEqual(full.krs.map(named));
  });

  it("who owns KRs too is listed at once the other KRs of the objective their first KR is in, at no call more", () => {
    // Until session 20 those came with the full data only.
    const wb = tracker(OWNER);
    const own = (callAddon(wb, "getSidebarData", {}) as SidebarData).krs;
    const objectives = ss(wb).getSheetByName("Objectives")!;
    const row = objectives.getRange("A1:A200").getValues().findIndex((r) => r[0] === own[0].objectiveId) + 1;
    objectives.getRange(row, 3).setValue(`Owner One <${OWNER}>`);
    const full = callAddon(wb, "getSidebarData", {}) as SidebarData;
    expect(full.krs.length).toBeGreaterThan(own.length);
    const { data, calls } = page(wb);
    expect(data.krs.map((k) => k.id)).toEqual([own[0].id]);
    expect(data.brief).toEqual(full.krs.slice(1).map(named));
    expect(calls).toBe(ownerPageCalls());
  });

  it("who owns no KR, the Objectives' Owner moved past column C, gets the full data (until session 20: an empty page, and nothing more)", () => {
    const wb = leading(LEAD);
    ss(wb).getSheetByName("Objectives")!.insertColumnsAfter(1, 1); // ID in A, Owner now in D
    const full = callAddon(wb, "getSidebarData", {}) as SidebarData;
    expect(full.krs.length).toBeGreaterThan(0);
    expect(page(wb).data).toEqual(full);
  });

  it("with no email available, offers the objectives' owners too, as the full data does", () => {
    const wb = leading(null);
    const full = callAddon(wb, "getSidebarData", {}) as SidebarData;
    expect(full.owners).toContain(`Lee, Objective <${LEAD}>`);
    const { data } = page(wb);
    expect(data.user.needsIdentity).toBe(true);
    expect(data.owners).toEqual(full.owners);
  });
});
