// The real sidebar (built from src/client) in headless Chromium, inside the local preview page, against a
// fake backend. Needs Debian's chromium-headless-shell or chromium (test/support/browser.ts) or CHROMIUM_PATH.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { CHROMIUM, haveChromium } from "../support/browser";
import { FIX_FIELDS_MESSAGE } from "../../src/core/messages";
import { XSS_NAME } from "./fake-backend";
import { useSidebarPage } from "./sidebar-page";

if (!haveChromium) {
  console.warn(`Skipping the sidebar browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium-headless-shell, or set CHROMIUM_PATH).`);
}

(!haveChromium ? describe.skip : describe)("sidebar in a browser (preview server, fake backend)", () => {
  const t = useSidebarPage();

  function sidebarFrame() {
    const f = t.page.frames().find((x) => x.url().endsWith("/sidebar"));
    if (!f) throw new Error("no sidebar frame");
    return f;
  }

  it("submits a check-in, shows the new score and updates the lists and the sheet", async () => {
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await poll(() => sb.locator("#who").textContent()).toContain("Checking in as ann@example.com");
    // Two KRs: the key result is a select; it has a visible label.
    const krSelect = sb.getByLabel("Key result");
    expect(await krSelect.evaluate((e) => e.tagName)).toBe("SELECT");
    await krSelect.selectOption("O1.KR1");
    expect(await sb.locator("#value-hint").textContent()).toBe("In days. 10 days → 5 days. Now 8 days.");
    // Recent check-ins of the chosen KR, newest first, text shown literally.
    const recent = sb.locator("#recent li");
    expect(await recent.count()).toBe(2);
    expect(await recent.nth(0).textContent()).toContain("2024-01-15");
    expect(await recent.nth(1).textContent()).toContain("First week <b>baseline</b>");

    await sb.getByLabel("New value").fill("6.5");
    await sb.getByLabel("Confidence").selectOption("8");
    await sb.getByLabel("What changed").fill("=SUM(A1) merged two queues");
    await sb.getByLabel("Blockers").fill("none");
    await sb.getByLabel("Next step").fill("Automate triage");
    await sb.getByRole("button", { name: "Submit check-in" }).click();

    await poll(() => sb.locator("#status").textContent()).toBe("Saved: score 0.70 — On track");
    expect(t.backend.recorded).toHaveLength(1);
    expect(t.backend.recorded[0]).toMatchObject({
      krId: "O1.KR1",
      value: 6.5,
      confidence: 8,
      whatChanged: "=SUM(A1) merged two queues",
      blockers: "none",
      nextStep: "Automate triage",
      author: "ann@example.com",
    });
    expect(t.backend.received[0].as).toBeUndefined();
    // Text fields cleared, list and recent list updated.
    expect(await sb.getByLabel("New value").inputValue()).toBe("");
    expect(await sb.getByLabel("What changed").inputValue()).toBe("");
    const item = sb.locator('#krs li[data-kr-id="O1.KR1"]');
    expect(await item.locator(".badge").textContent()).toBe("On track");
    expect(await item.textContent()).toContain("Score 0.70");
    expect(await item.textContent()).toContain("Last check-in 2024-01-22");
    expect(await sb.locator("#recent li").first().textContent()).toContain("=SUM(A1) merged two queues");
    // The page around the sidebar refreshes its table.
    await t.page.getByRole("tab", { name: "Check-ins" }).click();
    await poll(() => t.page.locator("#grid").textContent()).toContain("=SUM(A1) merged two queues");

    // A second check-in gets a new request ID.
    await sb.getByLabel("New value").fill("6");
    await sb.getByLabel("New value").press("Enter"); // Enter submits
    await poll(() => t.backend.recorded.length).toBe(2);
    expect(t.backend.recorded[1].requestId).not.toBe(t.backend.recorded[0].requestId);
    expect(t.backend.recorded[0].requestId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  });

  it("accepts the locale's decimal comma", async () => {
    t.backend.decimalSeparator = ",";
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    expect(await sb.getByLabel("New value").getAttribute("placeholder")).toContain("3,5");
    expect(await sb.getByLabel("New value").getAttribute("inputmode")).toBe("decimal");
    await sb.getByLabel("Key result").selectOption("O1.KR1");
    await sb.getByLabel("New value").fill("7,5");
    await sb.getByLabel("Confidence").selectOption("6");
    await sb.getByRole("button", { name: "Submit check-in" }).click();
    await poll(() => sb.locator("#status").textContent()).toBe("Saved: score 0,50 — On track");
    expect(t.backend.received[0].value).toBe("7,5");
    expect(t.backend.recorded[0].value).toBe(7.5);
  });

  it("words the forecast line, with the target it ends against, in the locale's decimal separator, as the KR's other numbers", async () => {
    t.backend.decimalSeparator = ",";
    t.backend.krs[0].current = 7.5;
    t.backend.krs[0].forecast = { ok: true, value: 6.25, score: 0.75, endDay: "2024-03-31", goal: { value: 5.5, word: "target" } };
    t.backend.krs[1].forecast = { ok: false, reason: "not enough check-ins to forecast yet" };
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    const kr1 = sb.locator('#krs li[data-kr-id="O1.KR1"]');
    expect(await kr1.textContent()).toContain("Now 7,5 days");
    expect(await kr1.locator(".kr-forecast").textContent()).toBe("At this pace: 6,25 days by 2024-03-31 (target 5,5 days) — score 0,75");
    expect(await sb.locator('#krs li[data-kr-id="O1.KR2"] .kr-forecast').textContent()).toBe("At this pace: not enough check-ins to forecast yet");
  });

  it("shows a bad value next to New value and records nothing", async () => {
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await sb.getByLabel("Key result").selectOption("O1.KR1");
    await sb.getByLabel("What changed").fill("kept text");
    // Client-side: empty value and no confidence are flagged at once, focus goes to the first.
    await sb.getByLabel("Confidence").selectOption("");
    await sb.getByRole("button", { name: "Submit check-in" }).click();
    expect(await sb.locator("#value-error").textContent()).toBe("Enter the new value.");
    expect(await sb.locator("#confidence-error").isVisible()).toBe(true);
    expect(await sb.locator("#value").evaluate((e) => e === document.activeElement)).toBe(true);
    expect(t.backend.received).toHaveLength(0);

    // Server-side: not a number.
    await sb.getByLabel("New value").fill("lots");
    await sb.getByLabel("Confidence").selectOption("5");
    await sb.getByLabel("Blockers").focus();
    await sb.getByRole("button", { name: "Submit check-in" }).click();
    await poll(() => sb.locator("#value-error").textContent()).toBe("New value must be a number, like 3.5.");
    const value = sb.getByLabel("New value");
    expect(await value.getAttribute("aria-invalid")).toBe("true");
    expect((await value.getAttribute("aria-describedby"))?.split(" ")).toContain("value-error");
    expect(await value.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await sb.locator("#confidence-error").isVisible()).toBe(false);
    expect(await sb.locator("#status").textContent()).toBe(FIX_FIELDS_MESSAGE);
    expect(await value.inputValue()).toBe("lots");
    expect(await sb.getByLabel("What changed").inputValue()).toBe("kept text");
    expect(t.backend.received).toHaveLength(1);
    expect(t.backend.recorded).toHaveLength(0);

    // Fixing it clears the error and saves, with the same request ID (nothing was written under it).
    await value.fill("9");
    await value.press("Enter");
    await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved: score 0\.20/);
    expect(await sb.locator("#value-error").isVisible()).toBe(false);
    expect(await value.getAttribute("aria-invalid")).toBeNull();
    expect(t.backend.recorded).toHaveLength(1);
    expect(t.backend.received[1].requestId).toBe(t.backend.received[0].requestId);
  });

  it("shows a KR named with HTML literally and never runs it", async () => {
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    const item = sb.locator('#krs li[data-kr-id="O1.KR2"] .kr-name');
    expect(await item.textContent()).toBe(XSS_NAME);
    expect(await item.locator("img").count()).toBe(0);
    expect(await sb.locator("img").count()).toBe(0);
    const option = sb.locator('#kr option[value="O1.KR2"]');
    expect(await option.textContent()).toBe(XSS_NAME);
    await sb.getByLabel("Key result").selectOption("O1.KR2");
    // Markup run as HTML would have made an element at once; its onerror may not have fired yet, so
    // the absence of any image is what shows it (no wait needed), the flag only confirms it.
    expect(await sb.locator("img").count()).toBe(0);
    expect(await t.page.locator("#grid img").count()).toBe(0);
    expect(await sidebarFrame().evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await t.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // The page's table shows it literally too.
    expect(await t.page.locator("#grid").textContent()).toContain(XSS_NAME);
  });

  it("asks who you are when the platform gives no email, and checks in as that person", async () => {
    t.backend.email = null;
    const sb = await t.open();
    await poll(() => sb.getByRole("heading", { name: "Who are you?" }).isVisible()).toBe(true);
    const picker = sb.getByLabel("I am");
    expect(await picker.locator("option").allTextContents()).toEqual([
      "Choose your name…",
      "ann@example.com",
      "bob@example.com",
      "carol@example.com",
    ]);
    // Continue without a choice: an error next to the picker.
    await sb.getByRole("button", { name: "Continue" }).click();
    expect(await sb.locator("#identity-error").textContent()).toBe("Choose your name.");

    await picker.selectOption("bob@example.com");
    await sb.getByRole("button", { name: "Continue" }).click();
    await poll(() => sb.locator("#who").textContent()).toContain("Checking in as bob@example.com");
    expect(t.backend.loads).toEqual([{}, { as: "bob@example.com" }]);
    // One KR: shown as text, no select, still sent.
    expect(await sb.locator("#kr").isVisible()).toBe(false);
    expect(await sb.locator("#kr-single").textContent()).toBe("Ship the new intake form");
    expect(await sb.locator("#kr-label").isVisible()).toBe(true);
    expect(await sb.locator("#value-hint").textContent()).toBe("Fraction done, 0 to 1 (1 = done). 0 → 1. Now 0.");
    expect(await sb.locator("#recent-empty").isVisible()).toBe(true);

    await sb.getByLabel("New value").fill("0.5");
    await sb.getByLabel("Confidence").selectOption("9");
    await sb.getByRole("button", { name: "Submit check-in" }).click();
    await poll(() => sb.locator("#status").textContent()).toBe("Saved: score 0.50 — On track");
    expect(t.backend.received[0]).toMatchObject({ krId: "O2.KR1", as: "bob@example.com" });
    expect(t.backend.recorded[0].author).toBe("bob@example.com");
    expect(await sb.locator("#recent li").count()).toBe(1);

    // Change to someone who owns nothing: the empty state.
    await sb.getByRole("button", { name: "Change" }).click();
    await sb.getByLabel("I am").selectOption("carol@example.com");
    await sb.getByLabel("I am").press("Enter");
    await poll(() => sb.locator("#krs-empty").isVisible()).toBe(true);
    expect(await sb.locator("#krs-empty").textContent()).toBe(
      "You (carol@example.com) don't own any key results in this tracker: ask an admin to type this address in the Owner column of the Key Results tab (another address of yours, such as an alias, does not match).",
    );
    expect(await sb.locator("#checkin").isVisible()).toBe(false);
  });

  it("shows admins every key result with its owner", async () => {
    t.backend.admins = ["ann@example.com"];
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(3);
    expect(await sb.locator("#krs-heading").textContent()).toBe("All key results");
    expect(await sb.locator("#who").textContent()).toContain("(admin)");
    expect(await sb.locator('#krs li[data-kr-id="O2.KR1"]').textContent()).toContain("Owner: bob@example.com");
    expect(await sb.locator("#kr option").count()).toBe(3);
  });

  it("is usable from the keyboard: natural tab order, Ctrl+Enter in a text area submits", async () => {
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await sb.locator("#kr").focus();
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      order.push(await sidebarFrame().evaluate(() => document.activeElement?.id || ""));
      await t.page.keyboard.press("Tab");
    }
    expect(order).toEqual(["kr", "value", "confidence", "whatChanged", "blockers", "nextStep", "submit"]);
    await sb.getByLabel("New value").fill("9");
    await sb.getByLabel("Next step").fill("line one");
    await sb.getByLabel("Next step").press("Enter"); // a new line, not a submit
    expect(t.backend.received).toHaveLength(0);
    await sb.getByLabel("Next step").press("Control+Enter");
    await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved: /);
    expect(t.backend.recorded[0].nextStep).toBe("line one\n");
  });

  it("records a double-clicked submit once, with one request ID", async () => {
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await sb.getByLabel("Key result").selectOption("O1.KR1");
    await sb.getByLabel("New value").fill("7");
    await sb.getByLabel("Confidence").selectOption("7");
    // The save stays in flight until released, however slow the machine is.
    const release = t.backend.holdCheckins();
    // The sidebar's calls are counted where it makes them (google.script.run's request, sent in the click's
    // own handler), not where they arrive: the preview runs one call at a time, so a second one would reach
    // the backend only after the first is released, and no wait could prove it absent.
    const frame = sidebarFrame();
    await frame.evaluate(() => {
      const w = window as unknown as { __submits: number; fetch: typeof fetch };
      const send = w.fetch.bind(window);
      w.__submits = 0;
      w.fetch = (input, init) => {
        if (init && typeof init.body === "string" && JSON.parse(init.body).fn === "submitCheckin") w.__submits++;
        return send(input, init);
      };
    });
    const submits = () => frame.evaluate(() => (window as unknown as { __submits: number }).__submits);
    const button = sb.getByRole("button", { name: "Submit check-in" });
    await button.dblclick();
    expect(await submits()).toBe(1);
    await poll(() => sb.locator("#submit").textContent()).toBe("Saving…");
    expect(await sb.locator("#submit").isDisabled()).toBe(true);
    await sb.getByLabel("New value").press("Enter"); // and Enter while saving
    expect(await submits()).toBe(1);
    await poll(() => t.backend.arrived).toBe(1);
    release();
    await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved: /);
    expect(await submits()).toBe(1);
    expect(t.backend.received).toHaveLength(1);
    expect(t.backend.recorded).toHaveLength(1);
    expect(await sb.locator("#submit").isDisabled()).toBe(false);
  });

  it("keeps the request ID across busy and failed attempts until a success", async () => {
    const sb = await t.open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await sb.getByLabel("Key result").selectOption("O1.KR1");
    await sb.getByLabel("New value").fill("7");
    await sb.getByLabel("What changed").fill("retry me");
    const button = sb.getByRole("button", { name: "Submit check-in" });

    t.backend.busyNext = 1;
    await button.click();
    await poll(() => sb.locator("#status").textContent()).toBe("The tracker is busy — try again");
    expect(await sb.getByLabel("What changed").inputValue()).toBe("retry me");

    t.backend.throwNext = 1;
    await button.click();
    await poll(() => sb.locator("#status").textContent()).toMatch(/^Something went wrong/);
    const status = await sb.locator("#status").textContent();
    expect(status).not.toMatch(/Exception|Code\.js|stack/);

    await button.click();
    await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved: /);
    expect(t.backend.received).toHaveLength(3);
    expect(new Set(t.backend.received.map((r) => r.requestId)).size).toBe(1);
    expect(t.backend.recorded).toHaveLength(1);
  });
});
