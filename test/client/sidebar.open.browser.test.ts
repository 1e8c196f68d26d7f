// What the sidebar does the moment it opens, before anything is typed: where the focus is, and what it says
// when check-ins are closed. Headless Chromium against the fake backend (sidebar-page.ts); every wait is on
// a state of the page, never on time.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { haveChromium } from "../support/browser";
import { useSidebarPage } from "./sidebar-page";

(!haveChromium ? describe.skip : describe)("sidebar: opening", () => {
  const t = useSidebarPage();

  const focused = () => {
    const f = t.page.frames().find((x) => x.url().endsWith("/sidebar"));
    if (!f) throw new Error("no sidebar frame");
    return f.evaluate(() => (document.activeElement ? document.activeElement.id : ""));
  };

  it("puts the focus on the key result for an owner of several", async () => {
    t.backend.embed = true; // as the menu item opens it
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await poll(focused).toBe("kr");
  });

  it("puts the focus on New value for an owner of one key result", async () => {
    t.backend.email = "bob@example.com"; // owns O2.KR1 only
    const sb = await t.open();
    await poll(() => sb.locator("#kr-single").textContent()).toBe("Ship the new intake form");
    await poll(focused).toBe("value");
  });

  it("after the cycle's last day says check-ins are closed and what happens next, with no form to fill", async () => {
    t.backend.embed = true;
    t.backend.closed = { start: "2023-10-09", end: "2024-01-07" };
    const sb = await t.open();
    const closed = sb.locator("#closed");
    await poll(() => closed.isVisible()).toBe(true);
    expect(await closed.textContent()).toBe(
      "Check-ins are closed: this cycle ended on 2024-01-07. They open when an admin starts the next one (End cycle & retrospective, then Roll over to the next cycle).",
    );
    expect(await sb.locator("#cycle").textContent()).toBe("Q1 pilot · 2023-10-09 to 2024-01-07 · 2024-01-22");
    expect(await sb.locator("#checkin").isVisible()).toBe(false);
    expect(await focused()).toBe("closed");
    // The key results and their recent check-ins are still there to read.
    expect(await sb.locator("#krs li").count()).toBe(2);
  });

  it("in the week after the cycle's last day keeps the form, saying until when its last week's figures are taken", async () => {
    t.backend.late = { end: "2024-01-21", until: "2024-01-28" };
    // Where the KR landed (the cells' forecast as of the last day), the cycle's last day a day past.
    t.backend.krs[0].forecast = { ok: true, value: 6.5, score: 0.7, endDay: "2024-01-21", goal: { value: 5, word: "target" } };
    const sb = await t.open();
    await poll(() => sb.locator("#closed").textContent()).toBe(
      "This cycle ended on 2024-01-21: check-ins stay open until 2024-01-28 for its last week's figures, unless an admin starts the next cycle first.",
    );
    expect(await sb.locator("#checkin").isVisible()).toBe(true);
    expect(await sb.locator("#cycle").textContent()).toBe("Q1 pilot · week 3 of 13 · 2024-01-22");
    // What happened, not a forecast "by" a day gone (until session 19: "At this pace: 6.5 days by 2024-01-21 …").
    expect(await sb.locator('#krs li[data-kr-id="O1.KR1"] .kr-forecast').textContent()).toBe("Ended at 6.5 days on 2024-01-21 (target 5 days) — score 0.70");
  });

  it("before the cycle's first day says when check-ins open", async () => {
    t.backend.closed = { start: "2024-02-05", end: "2024-05-05" };
    const sb = await t.open();
    await poll(() => sb.locator("#closed").textContent()).toBe("Check-ins open on 2024-02-05, when this cycle starts.");
    expect(await sb.locator("#checkin").isVisible()).toBe(false);
  });

  it('shows a % KR whose cells hold fractions (typed "82%") as the sheet does: 82% → 95%, not 0.82% → 0.95%', async () => {
    Object.assign(t.backend.krs[0], { unit: "%", start: 0.82, target: 0.95, current: 0.85, percentCells: true });
    t.backend.krs[0].recent = [{ date: "2024-01-15", value: 0.85, confidence: 7, whatChanged: "", author: "ann@example.com" }];
    // The forecast comes as the cells show it (server/forecastCells.ts): × 100 already, the target too.
    t.backend.krs[0].forecast = { ok: true, value: 92.5, score: 0.81, endDay: "2024-03-31", goal: { value: 95, word: "target" } };
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await sb.getByLabel("Key result").selectOption("O1.KR1");
    expect(await sb.locator("#value-hint").textContent()).toBe("In %, as a fraction (0.85 for 85%). 82% → 95%. Now 85%.");
    const item = sb.locator('#krs li[data-kr-id="O1.KR1"]');
    expect(await item.textContent()).toContain("Now 85%");
    expect(await item.textContent()).toContain("Target 95%");
    expect(await sb.locator("#recent li").first().textContent()).toContain("· 85%");
    // Until session 11 the page multiplied the forecast by 100 itself: "9250%" once the server sends 92.5.
    expect(await item.locator(".kr-forecast").textContent()).toBe("At this pace: 92.5% by 2024-03-31 (target 95%) — score 0.81");
    // Saved as the fraction it asks for: the reply (which never reads the cells' formats) keeps the display.
    await sb.getByLabel("New value").fill("0.88");
    await sb.getByLabel("Confidence").selectOption("7");
    await sb.getByRole("button", { name: "Submit check-in" }).click();
    await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved/);
    expect(await sb.locator("#value-hint").textContent()).toBe("In %, as a fraction (0.85 for 85%). 82% → 95%. Now 88%.");
  });

  it("shows a KR's tiny values at its decimals, not in exponent form, and a correction's value as the field reads it", async () => {
    Object.assign(t.backend.krs[0], { unit: "mm", start: 0.00002, target: 0.00001, current: 1.2e-7 });
    t.backend.krs[0].recent = [{ date: "2024-01-22", value: 3e-7, confidence: 7, whatChanged: "", author: "ann@example.com" }];
    t.backend.krs[0].correctable = { requestId: "earlier-0001", date: "2024-01-22", value: 3e-7, confidence: 7, whatChanged: "typo", blockers: "", nextStep: "" };
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await sb.getByLabel("Key result").selectOption("O1.KR1");
    // Until session 14: "Now 1.2e-7 mm", and the correction put "3e-7" in New value, which the check-in refused.
    expect(await sb.locator("#value-hint").textContent()).toBe("In mm. 0.00002 mm → 0.00001 mm. Now 0.0000001 mm.");
    const item = sb.locator('#krs li[data-kr-id="O1.KR1"]');
    expect(await item.textContent()).toContain("Now 0.0000001 mm");
    expect(await sb.locator("#recent li").first().textContent()).toContain("· 0.0000003 mm");
    await sb.getByRole("button", { name: "Correct last check-in" }).click();
    expect(await sb.getByLabel("New value").inputValue()).toBe("0.0000003");
    expect(await sb.getByRole("status").textContent()).toMatch(/^Correcting your check-in of 2024-01-22 \(0\.0000003 mm\)/);
    await sb.getByRole("button", { name: "Save correction" }).click();
    await poll(() => sb.getByRole("status").textContent()).toMatch(/^Saved/);
    expect(t.backend.recorded).toMatchObject([{ krId: "O1.KR1", value: 3e-7 }]);
  });
});
