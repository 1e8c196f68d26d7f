// Debian's Chromium for the browser tests (Playwright's own browser download does not work here), started
// with the flags this closed network needs: without the background-networking ones it keeps trying Google.
// Its headless shell (Debian's chromium-headless-shell, the same Chromium release without the browser's
// windowing layer; what Playwright itself runs for headless Chromium) when installed: the full browser's
// headless mode cost ~0.9 s of CPU for a new browser context and page against ~0.3 s, and ~2.0 s against
// ~0.65 s to open the sidebar in the preview page; over the suite's browser files, ~165 s of Chromium CPU
// against ~65 s. /usr/bin/chromium otherwise; CHROMIUM_PATH picks another.
// One Chromium serves all the browser files a Jest worker runs (scripts/jest-environment.mjs): launching one
// per file cost ~0.65 s of CPU and loading Playwright into the file ~0.7 s more. A file opens a browser
// context per test and closes it; whatever context it left open (a test that timed out) is closed when it ends.
import { existsSync } from "node:fs";
import { afterAll } from "@jest/globals";
import type { Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => existsSync(p)) || "/usr/bin/chromium";
export const haveChromium = existsSync(CHROMIUM);

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

type Shared = (executablePath: string, args: string[]) => Promise<Browser>;

let used: Promise<Browser> | undefined;
let own = false;
afterAll(async () => {
  const browser = await used?.catch(() => undefined);
  if (!browser) return;
  // The worker's browser outlives the file: only this file's contexts go (each test closes its own).
  if (own) await browser.close().catch(() => undefined);
  else await Promise.all(browser.contexts().map((c) => c.close().catch(() => undefined)));
});

/** The worker's Chromium (scripts/jest-environment.mjs), or one of this file's own under another environment. */
export function launchChromium(): Promise<Browser> {
  const shared = (globalThis as { __okrChromium?: Shared }).__okrChromium;
  if (shared) used ??= shared(CHROMIUM, ARGS);
  else {
    own = true;
    used ??= import("playwright-core").then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM, args: ARGS }));
  }
  return used;
}
