// A large tracker's sidebar page (server/checkinSidebar.ts sidebarPageData): the form's first KR comes
// with its details, the person's other KRs by name only, and the sidebar asks for the rest in the
// background while the form is already usable. Headless Chromium against the fake backend, whose replies
// are held until the test releases them (no timing). The preview runs one call at a time, so a check-in
// cannot overtake held details here: that a reply is kept over older details is logic.test.ts's.
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { poll } from "../support/poll";
import { haveChromium, launchChromium } from "../support/browser";
import { type Browser, type FrameLocator, type Page } from "playwright-core";
import { startPreviewServer } from "../../src/local/preview";
import { buildSidebarHtml } from "./build-sidebar";
import { FakeBackend } from "./fake-backend";

(!haveChromium ? describe.skip : describe)("sidebar: a large tracker's page, details in the background", () => {
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
    backend.embedBrief = true;
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

  const item = (sb: FrameLocator, id: string) => sb.locator(`#krs li[data-kr-id="${id}"]`);

  it("is usable at once: the first KR with its facts, the others by name, filled in when the details come", async () => {
    const release = backend.holdLoads();
    const sb = await open();
    await poll(() => sb.locator("#krs li").count()).toBe(2);
    await poll(() => backend.loads.length).toBe(1); // asked in the background, reply held
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

  it("still checks in on a KR known by name when the details could not be loaded", async () => {
    backend.failLoadsNext = 1;
    const sb = await open();
    await poll(() => item(sb, "O1.KR2").locator(".kr-brief").textContent()).toBe("Details could not be loaded; you can still check in.");
    await sb.getByLabel("Key result").selectOption("O1.KR2");
    expect(await sb.locator("#value-hint").textContent()).toBe("Its current value could not be loaded.");
    await sb.getByLabel("New value").fill("40");
    await sb.getByLabel("Confidence").selectOption("6");
    await sb.getByRole("button", { name: "Submit check-in" }).click();
    await poll(() => sb.locator("#status").textContent()).toMatch(/^Saved: /);
    expect(backend.recorded).toHaveLength(1);
    expect(backend.received[0]).toMatchObject({ krId: "O1.KR2", row: 3 });
    // The reply carries the KR's details.
    expect(await item(sb, "O1.KR2").locator(".badge").count()).toBe(1);
    expect(await sb.locator("#value-hint").textContent()).toBe("In %. 0% → 100%. Now 40%.");
  });
});
