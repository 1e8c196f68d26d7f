// The sidebar opened with its data inside the page (one server execution), and a check-in's new score
// and status shown the moment Submit is pressed, then confirmed or rolled back by the server's reply.
// Headless Chromium against the fake backend (sidebar-page.ts), as sidebar.browser.test.ts.
import { describe, it } from "@jest/globals";
import { type FrameLocator, type Locator } from "playwright-core";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { haveChromium } from "../support/browser";
import { useSidebarPage } from "./sidebar-page";

(!haveChromium ? describe.skip : describe)("sidebar: embedded data and check-ins shown ahead of the reply", () => {
  const t = useSidebarPage();

  /** Opens the sidebar and submits `value` (confidence 8) for O1.KR1; returns the frame and the KR's list item. */
  async function submitKr1(value: string): Promise<{ sb: FrameLocator; item: Locator }> {
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await sb.getByLabel("Key result").selectOption("O1.KR1");
    await sb.getByLabel("New value").fill(value);
    await sb.getByLabel("Confidence").selectOption("8");
    await sb.getByRole("button", { name: "Submit check-in" }).click();
    return { sb, item: sb.locator('#krs li[data-kr-id="O1.KR1"]') };
  }

  it("shows the form from the data embedded in the page, without asking the server", async () => {
    t.backend.embed = true;
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    expect(await sb.locator("#who").textContent()).toContain("Checking in as ann@example.com");
    expect(t.backend.loads).toHaveLength(0);
    // A KR name with markup in the embedded JSON is text, not HTML.
    expect(await sb.locator('#krs li[data-kr-id="O1.KR2"] .kr-name').textContent()).toBe(`<img src=x onerror="window.__xss=1">`);
  });

  it("shows the new score and status at once, marked as saving, and confirms them with the reply", async () => {
    t.backend.embed = true;
    const release = t.backend.holdCheckins();
    const { sb, item } = await submitKr1("6.5");
    await poll(() => item.locator(".kr-saving").count()).toBe(1);
    expect(t.backend.recorded, "shown before the server answered").toHaveLength(0);
    expect(await item.locator(".badge").textContent()).toBe("On track");
    expect(await item.textContent()).toContain("Score 0.70");
    expect(await sb.locator("#status").textContent()).toBe("Saving… New: score 0.70 — On track");
    release();

    await poll(() => sb.locator("#status").textContent()).toBe("Saved: score 0.70 — On track");
    expect(t.backend.recorded).toHaveLength(1);
    expect(await item.locator(".kr-saving").count()).toBe(0);
    expect(await item.textContent()).toContain("Score 0.70");
  });

  it("rolls the KR back and shows the server's message when the check-in is refused", async () => {
    t.backend.embed = true;
    const release = t.backend.holdCheckins();
    t.backend.refuseNext = "Today (2024-04-08) is outside the cycle (2024-01-08 to 2024-04-07): check-ins are closed.";
    const { sb, item } = await submitKr1("6.5");
    await poll(() => item.locator(".kr-saving").count()).toBe(1);
    expect(await item.textContent()).toContain("Score 0.70");
    release();

    await poll(() => sb.locator("#status").textContent()).toBe("Today (2024-04-08) is outside the cycle (2024-01-08 to 2024-04-07): check-ins are closed.");
    expect(await item.locator(".kr-saving").count()).toBe(0);
    expect(await item.locator(".badge").textContent()).toBe("At risk");
    expect(await item.textContent()).toContain("Score 0.40");
    expect(await item.textContent()).toContain("Last check-in 2024-01-15");
    expect(t.backend.recorded).toHaveLength(0);
    // What was typed stays, to correct and send again.
    expect(await sb.getByLabel("New value").inputValue()).toBe("6.5");
  });

  it("rolls back on an exception too, with the generic message", async () => {
    t.backend.throwNext = 1;
    const { sb, item } = await submitKr1("6.5");
    await poll(() => sb.locator("#status").textContent()).toContain("Something went wrong");
    expect(await item.locator(".kr-saving").count()).toBe(0);
    expect(await item.textContent()).toContain("Score 0.40");
  });

  it("a reply that is no result (null, as google.script.run gives a return it cannot carry) says the check-in may have been saved, never that it was not", async () => {
    // The server may well have saved it (a Date in its reply is enough for Google to hand the page null):
    // "The check-in was not saved." was wrong then, and a person might type it again in other words.
    t.backend.nullReplyNext = 1;
    const { sb, item } = await submitKr1("6.5");
    await poll(() => sb.locator("#status").textContent()).toContain("Something went wrong");
    expect(await sb.locator("#status").textContent()).toContain("may not have been saved");
    expect(t.backend.recorded).toHaveLength(1);
    expect(await item.locator(".kr-saving").count()).toBe(0);
  });
});
