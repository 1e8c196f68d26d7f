// A large tracker's sidebar page (server/checkinSidebar.ts sidebarPageData): the form's first KR comes
// with its details, the person's other KRs by name only, and the sidebar asks for the rest in the
// background while the form is already usable. Headless Chromium against the fake backend, whose replies
// are held until the test releases them (no timing). The preview runs one call at a time, so a check-in
// cannot overtake held details here: that a reply is kept over older details is logic.test.ts's.
import { beforeEach, describe, it } from "@jest/globals";
import { type FrameLocator } from "playwright-core";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { haveChromium } from "../support/browser";
import { useSidebarPage } from "./sidebar-page";

(!haveChromium ? describe.skip : describe)("sidebar: a large tracker's page, details in the background", () => {
  const t = useSidebarPage();
  // After useSidebarPage's own beforeEach, which makes this test's backend.
  beforeEach(() => {
    t.backend.embedBrief = true;
  });

  const item = (sb: FrameLocator, id: string) => sb.locator(`#krs li[data-kr-id="${id}"]`);

  it("is usable at once: the first KR with its facts, the others by name, filled in when the details come", async () => {
    const release = t.backend.holdLoads();
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await poll(() => t.backend.loads.length).toBe(1); // asked in the background, reply held
    expect(await item(sb, "O1.KR1").locator(".badge").textContent()).toBe("At risk");
    expect(await sb.locator("#value-hint").textContent()).toBe("In days. 10 days → 5 days. Now 8 days.");
    expect(await sb.locator("#recent-empty").textContent()).toBe("Loading recent check-ins…");
    expect(await item(sb, "O1.KR2").locator(".kr-brief").textContent()).toBe("Loading details…");
    expect(await item(sb, "O1.KR2").locator(".badge").count()).toBe(0);
    // Both KRs can be chosen; one known by name says its value is on the way.
    await sb.getByLabel("Key result").selectOption("O1.KR2");
    expect(await sb.locator("#value-hint").textContent()).toBe("Loading its current value…");
    await sb.getByLabel("New value").fill("40");

    release();
    await poll(() => item(sb, "O1.KR2").locator(".badge").count()).toBe(1);
    expect(await item(sb, "O1.KR2").locator(".kr-brief").count()).toBe(0);
    expect(await sb.locator("#value-hint").textContent()).toBe("In %. 0% → 100%. Now 0%.");
    expect(await sb.getByLabel("New value").inputValue()).toBe("40"); // what was typed stays
    await sb.getByLabel("Key result").selectOption("O1.KR1");
    await poll(() => sb.locator("#recent li").count()).toBe(2);
  });

  it("an owner of one KR: its recent check-ins come with the details (until session 19 they were never asked for)", async () => {
    t.backend.krs[1].owner = "bob@example.com"; // ann owns O1.KR1 only: the page names no other KR
    const release = t.backend.holdLoads();
    const sb = await t.open();
    await poll(() => t.backend.loads.length).toBe(1);
    expect(await sb.locator("#recent-empty").textContent()).toBe("Loading recent check-ins…");
    release();
    await poll(() => sb.locator("#recent li").count()).toBe(2);
  });

  it("an objective's KRs join the list and the picker when the details come, what was chosen and typed kept", async () => {
    t.backend.objectiveKrs = ["O2.KR1"]; // bob's, of an objective ann owns: the page's four columns cannot tell
    const release = t.backend.holdLoads();
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await sb.getByLabel("Key result").selectOption("O1.KR2");
    await sb.getByLabel("New value").fill("40");
    expect(await sb.locator("#kr option").count()).toBe(2);
    release();
    await poll(() => sb.locator("#krs li").count()).toBe(3);
    expect(await sb.locator("#krs li").evaluateAll((li) => li.map((l) => l.getAttribute("data-kr-id")))).toEqual(["O1.KR1", "O1.KR2", "O2.KR1"]);
    expect(await item(sb, "O2.KR1").textContent()).toContain("bob@example.com"); // whose it is
    expect(await sb.locator("#kr option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(["O1.KR1", "O1.KR2", "O2.KR1"]);
    expect(await sb.getByLabel("Key result").inputValue()).toBe("O1.KR2");
    expect(await sb.getByLabel("New value").inputValue()).toBe("40");
    await sb.getByLabel("Key result").selectOption("O2.KR1");
    expect(await sb.locator("#value-hint").textContent()).toBe("Fraction done, 0 to 1 (1 = done). 0 → 1. Now 0.");
  });

  it("still checks in on a KR known by name when the details could not be loaded", async () => {
    t.backend.failLoadsNext = 1;
    const sb = await t.open();
    await poll(() => item(sb, "O1.KR2").locator(".kr-brief").textContent()).toBe("Details could not be loaded; you can still check in.");
    await sb.getByLabel("Key result").selectOption("O1.KR2");
    expect(await sb.locator("#value-hint").textContent()).toBe("Its current value could not be loaded.");
    await sb.getByLabel("New value").fill("40");
    await sb.getByLabel("Confidence").selectOption("6");
    await sb.getByRole("button", { name: "Submit check-in" }).click();
    await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved: /);
    expect(t.backend.recorded).toHaveLength(1);
    expect(t.backend.received[0]).toMatchObject({ krId: "O1.KR2", row: 3 });
    // The reply carries the KR's details.
    expect(await item(sb, "O1.KR2").locator(".badge").count()).toBe(1);
    expect(await sb.locator("#value-hint").textContent()).toBe("In %. 0% → 100%. Now 40%.");
  });
});
