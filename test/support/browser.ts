// Debian's Chromium for the browser tests (Playwright's own browser download does not work here), started
// with the flags this closed network needs: without the background-networking ones it keeps trying Google.
import { existsSync } from "node:fs";
import { afterAll } from "@jest/globals";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const haveChromium = existsSync(CHROMIUM);

const launched: Promise<Browser>[] = [];
// Every browser this file launched is closed when the file ends, even one whose launch outlasted a timed-out
// beforeAll (the file's own afterAll never saw it): a live Chromium keeps the Jest worker from exiting.
afterAll(async () => {
  await Promise.all(launched.map((b) => b.then((browser) => browser.close()).catch(() => undefined)));
});

export function launchChromium(): Promise<Browser> {
  const browser = chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  launched.push(browser);
  return browser;
}
