// What the sidebar shows the moment Submit is pressed (client/logic projectCheckin) must be what the
// server then confirms, and the page the menu item builds must carry the same data getSidebarData returns.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { menuPageData } from "../support/sidebarPage";
import { projectCheckin } from "../../src/client/logic";
import { embedSidebarData, SIDEBAR_DATA_SLOT } from "../../src/core/sidebarPage";
import type { SidebarData } from "../../src/core/api";
import { callAddon, newTracker, requestId, setToday, ss } from "../support/tracker";

const ADMIN = "ops.lead@example.com"; // the operations template's admin

describe("the check-in shown ahead of the server's reply", () => {
  it.each([
    ["2026-01-20", "0"],
    ["2026-01-20", "50"],
    ["2026-01-20", "91.5"],
    ["2026-02-24", "3,5"],
    ["2026-02-24", "120"],
    ["2026-03-30", "1"],
  ])("on %s, value %s: the projected score and status are the server's, for every KR", (...[day, value]) => {
    const wb = newTracker({ user: ADMIN, at: "2026-01-05", start: "2026-01-05" });
    setToday(wb, day);
    const d = callAddon(wb, "getSidebarData", {}) as SidebarData;
    expect(d.ok).toBe(true);
    expect(d.rules).toBeDefined();
    for (const kr of d.krs) {
      const p = projectCheckin(kr, value, 7, d.locale, d.cycle.asOf, d.rules);
      const r = callAddon(wb, "submitCheckin", { requestId: requestId(), krId: kr.id, value, confidence: 7 });
      if (!r.ok) {
        expect(p === null || r.fieldErrors?.value !== undefined, `${kr.id}: refused (${r.message}) but projected`).toBe(true);
        continue;
      }
      expect(p, `${kr.id} could not be projected`).not.toBeNull();
      expect({ score: p!.score, status: p!.status, current: p!.current }, kr.id).toEqual({ score: r.kr.score, status: r.kr.status, current: r.kr.current });
    }
  });
});

describe("the sidebar page built by the menu item", () => {
  it("carries the sidebar's data, in one execution", () => {
    const wb = newTracker({ user: ADMIN, at: "2026-01-05", start: "2026-01-05" });
    setToday(wb, "2026-01-20");
    const data = callAddon(wb, "getSidebarData", {});
    expect(menuPageData(wb)).toEqual(data);
  });

  it("carries text with dollar signs as typed (no replacement patterns: $$, $&, $`, $')", () => {
    // String.replace reads "$&", "$$", "$`" and "$'" in its replacement text: a KR named "Cut spend $$ and $&
    // more" came out "$ and ></script> more", ending the data's element early (the page then showed the rest
    // as text and asked the server again).
    const wb = newTracker({ user: ADMIN, at: "2026-01-05", start: "2026-01-05" });
    setToday(wb, "2026-01-20");
    const kr = ss(wb).getSheetByName("Key Results")!;
    const headers = kr.getRange(1, 1, 1, kr.getLastColumn()).getValues()[0].map(String);
    const title = "Cut spend $$ and $& more, $` before and $' after";
    kr.getRange(2, headers.indexOf("Key result") + 1).setValue(title);
    const data = callAddon(wb, "getSidebarData", {}) as SidebarData;
    expect(data.krs.some((k) => k.name === title)).toBe(true);
    expect(menuPageData(wb)).toEqual(data);
  });

  it("cannot be broken out of by text in the data", () => {
    const page = `<body>${SIDEBAR_DATA_SLOT}<script>run()</script></body>`;
    const nasty = { name: "</script><script>alert(1)</script><!-- \u2028\u2029 &amp;" };
    const out = embedSidebarData(page, nasty);
    const inside = out.slice(out.indexOf('id="sidebar-data">') + 'id="sidebar-data">'.length, out.indexOf("</script>"));
    expect(inside).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(inside)).toEqual(nasty);
    expect(out.match(/<\/script>/g)).toHaveLength(2);
  });
});
