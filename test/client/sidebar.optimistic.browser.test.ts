// The sidebar opened with its data inside the page (one server execution), and a check-in's new score
// and status shown the moment Submit is pressed, then confirmed or rolled back by the server's reply.
// Headless Chromium against the fake backend, as sidebar.browser.test.ts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { haveChromium, launchChromium } from "../support/browser";
import { type Browser, type FrameLocator, type Page } from "playwright-core";
import { startPreviewServer } from "../../src/local/preview";
import { buildSidebarHtml } from "./build-sidebar";
import { FakeBackend } from "./fake-backend";


(!haveChromium ? describe.skip : describe)("sidebar: embedded data and check-ins shown ahead of the reply", () => {
  let browser: Browser;
  let html: string;
  let page: Page;
  let backend: FakeBackend;
  let server: { url: string; close(): Promise<void> } | null = null;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    html = await buildSidebarHtml();
    browser = await launchChromium();
  });
  afterAll(async () => {
    if (browser) await browser.close();
  });
  beforeEach(() => {
    backend = new FakeBackend(html);
    pageErrors.length = 0;
  });
  afterEach(async () => {
    if (page) await page.context().close();
    if (server) await server.close();
    server = null;
    expect(pageErrors).toEqual([]);
  });

  async function open(): Promise<FrameLocator> {
    server = await startPreviewServer(backend, { port: 0 });
    page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.goto(server.url);
    return page.frameLocator("#sidebar");
  }

  async function fillCheckin(sb: FrameLocator, value: string): Promise<void> {
    await sb.getByLabel("Key result").selectOption("O1.KR1");
    await sb.getByLabel("New value").fill(value);
    await sb.getByLabel("Confidence").selectOption("8");
  }

  it("shows the form from the data embedded in the page, without asking the server", async () => {
    backend.embed = true;
    const sb = await open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    expect(await sb.locator("#who").textContent()).toContain("Checking in as ann@example.com");
    expect(backend.loads).toHaveLength(0);
    // A KR name with markup in the embedded JSON is text, not HTML.
    expect(await sb.locator('#krs li[data-kr-id="O1.KR2"] .kr-name').textContent()).toBe(`<img src=x onerror="window.__xss=1">`);
  });

  it("shows the new score and status at once, marked as saving, and confirms them with the reply", async () => {
    backend.embed = true;
    const release = backend.holdCheckins();
    const sb = await open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await fillCheckin(sb, "6.5");
    await sb.getByRole("button", { name: "Submit check-in" }).click();

    const item = sb.locator('#krs li[data-kr-id="O1.KR1"]');
    await poll(() => item.locator(".kr-saving").count()).toBe(1);
    expect(backend.recorded, "shown before the server answered").toHaveLength(0);
    expect(await item.locator(".badge").textContent()).toBe("On track");
    expect(await item.textContent()).toContain("Score 0.70");
    expect(await sb.locator("#status").textContent()).toBe("Saving… New: score 0.70 — On track");
    release();

    await poll(() => sb.locator("#status").textContent()).toBe("Saved: score 0.70 — On track");
    expect(backend.recorded).toHaveLength(1);
    expect(await item.locator(".kr-saving").count()).toBe(0);
    expect(await item.textContent()).toContain("Score 0.70");
  });

  it("rolls the KR back and shows the server's message when the check-in is refused", async () => {
    backend.embed = true;
    const release = backend.holdCheckins();
    backend.refuseNext = "Today (2024-04-08) is outside the cycle (2024-01-08 to 2024-04-07): check-ins are closed.";
    const sb = await open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await fillCheckin(sb, "6.5");
    await sb.getByRole("button", { name: "Submit check-in" }).click();

    const item = sb.locator('#krs li[data-kr-id="O1.KR1"]');
    await poll(() => item.locator(".kr-saving").count()).toBe(1);
    expect(await item.textContent()).toContain("Score 0.70");
    release();

    await poll(() => sb.locator("#status").textContent()).toBe("Today (2024-04-08) is outside the cycle (2024-01-08 to 2024-04-07): check-ins are closed.");
    expect(await item.locator(".kr-saving").count()).toBe(0);
    expect(await item.locator(".badge").textContent()).toBe("At risk");
    expect(await item.textContent()).toContain("Score 0.40");
    expect(await item.textContent()).toContain("Last check-in 2024-01-15");
    expect(backend.recorded).toHaveLength(0);
    // What was typed stays, to correct and send again.
    expect(await sb.getByLabel("New value").inputValue()).toBe("6.5");
  });

  it("rolls back on an exception too, with the generic message", async () => {
    backend.throwNext = 1;
    const sb = await open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await fillCheckin(sb, "6.5");
    await sb.getByRole("button", { name: "Submit check-in" }).click();
    const item = sb.locator('#krs li[data-kr-id="O1.KR1"]');
    await poll(() => sb.locator("#status").textContent()).toContain("Something went wrong");
    expect(await item.locator(".kr-saving").count()).toBe(0);
    expect(await item.textContent()).toContain("Score 0.40");
  });
});
