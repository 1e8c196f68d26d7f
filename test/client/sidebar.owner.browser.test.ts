// An owner's weekly check-in as a real person does it, keyboard and screen reader included: a value the
// add-on asks about (answered, or cancelled with the button or Escape), the status region a screen reader
// listens to, and the form while a save is in flight. Headless Chromium against the fake backend
// (sidebar-page.ts); replies are held until released, never waited for by time.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { haveChromium } from "../support/browser";
import { useSidebarPage } from "./sidebar-page";

(!haveChromium ? describe.skip : describe)("sidebar: an owner's check-in, keyboard and screen reader", () => {
  const t = useSidebarPage();

  it("has its status region in the accessibility tree before the first message, so that message is announced", async () => {
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    // A live region that is display:none when empty is added to the tree together with its first text,
    // and screen readers announce only changes to a region they already know.
    const status = sb.getByRole("status");
    expect(await status.count()).toBe(1);
    expect(await status.textContent()).toBe("");
    expect(await status.getAttribute("aria-live")).toBe("polite");
  });

  it("keeps the button saying Saving… while a save is in flight, even when another KR is chosen meanwhile", async () => {
    const release = t.backend.holdCheckins();
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await sb.getByLabel("Key result").selectOption("O1.KR1");
    await sb.getByLabel("New value").fill("6.5");
    await sb.getByLabel("Confidence").selectOption("8");
    await sb.getByRole("button", { name: "Submit check-in" }).click();
    await poll(() => t.backend.arrived).toBe(1);
    // The next KR is chosen and typed while the first is saving.
    await sb.getByLabel("Key result").selectOption("O1.KR2");
    await sb.getByLabel("New value").fill("40");
    expect(await sb.locator("#submit").textContent()).toBe("Saving…");
    expect(await sb.locator("#submit").isDisabled()).toBe(true);
    release();
    await poll(() => sb.getByRole("status").textContent()).toBe("Saved: score 0.70 — On track");
    expect(await sb.locator("#submit").textContent()).toBe("Submit check-in");
    // What was typed for the next KR stays.
    expect(await sb.getByLabel("New value").inputValue()).toBe("40");
    expect(await sb.getByLabel("Key result").inputValue()).toBe("O1.KR2");
  });
});
