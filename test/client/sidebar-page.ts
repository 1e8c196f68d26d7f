// The sidebar browser tests' page: the built sidebar inside the local preview page, in headless Chromium,
// against a new fake backend for each test. A page error or a browser dialog fails the test.
import { afterEach, beforeAll, beforeEach } from "@jest/globals";
import { type Browser, type FrameLocator, type Page } from "playwright-core";
import { expect } from "../support/expect";
import { launchChromium } from "../support/browser";
import { startPreviewServer } from "../../src/local/preview";
import { buildSidebarHtml } from "./build-sidebar";
import { FakeBackend } from "./fake-backend";

export interface SidebarPage {
  /** This test's fake backend. */
  readonly backend: FakeBackend;
  /** This test's page, once open() has run. */
  readonly page: Page;
  /** Serves the preview page on the backend, opens it and returns the sidebar frame. */
  open(): Promise<FrameLocator>;
}

/** Registers the hooks of a describe block (call it in the block) and returns its page. */
export function useSidebarPage(): SidebarPage {
  let browser: Browser;
  let html: string;
  let backend: FakeBackend;
  let page: Page | null = null;
  let server: { url: string; close(): Promise<void> } | null = null;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    html = await buildSidebarHtml();
    browser = await launchChromium();
  });
  beforeEach(() => {
    backend = new FakeBackend(html);
    pageErrors.length = 0;
  });
  afterEach(async () => {
    if (page) await page.context().close();
    page = null;
    if (server) await server.close();
    server = null;
    expect(pageErrors).toEqual([]);
  });

  return {
    get backend() {
      return backend;
    },
    get page() {
      if (!page) throw new Error("open() the sidebar page first");
      return page;
    },
    async open() {
      server = await startPreviewServer(backend, { port: 0 });
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const opened = await context.newPage();
      page = opened;
      opened.on("pageerror", (e) => pageErrors.push(String(e)));
      opened.on("dialog", (d) => {
        pageErrors.push("dialog: " + d.message());
        void d.dismiss();
      });
      await opened.goto(server.url);
      return opened.frameLocator("#sidebar");
    },
  };
}
