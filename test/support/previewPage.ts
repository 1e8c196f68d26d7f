// The preview browser tests' page: the local preview (`okr-sheets serve`) on an offline workbook, the built
// add-on behind it, in headless Chromium (the Jest worker's: test/support/browser.ts); each test gets its own
// server and page, closed whether the test passes or not, so a failing test leaves no port or page behind.
import { beforeAll } from "@jest/globals";
import { type Browser, type FrameLocator, type Page } from "playwright-core";
import { launchChromium } from "./browser";
import { startPreviewServer } from "../../src/local/preview";
import { type Workbook } from "../../src/local/runtime";
import { previewBackend } from "../../src/local/serve";

export interface PreviewPage {
  /** The server's address, for going to another tab (`?tab=`). */
  readonly url: string;
  readonly page: Page;
  /** The sidebar's frame inside the page. */
  readonly sidebar: FrameLocator;
  /** The page's uncaught errors so far; a test that wants none asserts it is empty. */
  readonly errors: string[];
}

type PreviewTest = (p: PreviewPage) => Promise<void>;

export interface Preview {
  /**
   * Serves `wb` on the preview server, opens the page (on `tab` when given) and runs `test` on it, then
   * closes the page and the server.
   */
  withPage(wb: Workbook, test: PreviewTest): Promise<void>;
  withPage(wb: Workbook, opts: { tab: string }, test: PreviewTest): Promise<void>;
}

/** Registers the hooks of a describe block (call it in the block): one Chromium for the block's tests. */
export function usePreview(): Preview {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });

  return {
    async withPage(wb: Workbook, ...args: [PreviewTest] | [{ tab: string }, PreviewTest]) {
      const [tab, test] = args.length === 1 ? [undefined, args[0]] : [args[0].tab, args[1]];
      if (!browser) throw new Error("usePreview(): the browser starts in beforeAll");
      const server = await startPreviewServer(previewBackend(wb), { port: 0 });
      try {
        const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
        try {
          const page = await context.newPage();
          const errors: string[] = [];
          page.on("pageerror", (e) => errors.push(String(e)));
          await page.goto(tab === undefined ? server.url : `${server.url}?tab=${encodeURIComponent(tab)}`);
          await test({ url: server.url, page, sidebar: page.frameLocator("#sidebar"), errors });
        } finally {
          await context.close();
        }
      } finally {
        await server.close();
      }
    },
  };
}
