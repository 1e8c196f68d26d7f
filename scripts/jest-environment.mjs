// The suite's test environment (jest.config.js testEnvironment): Jest's node environment, plus one headless
// Chromium per Jest worker for the browser tests (test/support/browser.ts asks for it through
// `globalThis.__okrChromium`). Each browser test file used to load Playwright into its own vm context (~0.7 s of
// CPU for its 3.6 MB bundle, and its protocol code then ran behind the context's slow global reads) and
// launch and close a Chromium of its own (~0.65 s of CPU); here Playwright is loaded once per worker, outside
// the tests' contexts, and the worker's Chromium serves each browser file it runs. The files stay apart: each
// test opens a browser context of its own and closes it, and test/support/browser.ts closes whatever contexts
// its file left open when the file ends. The browser closes when Jest ends the worker (or, run in band, when
// the file that used it ends); one that crashed or was closed is launched again.
// The same way, the offline runtime (src/local, src/core, HyperFormula) is loaded once per worker and handed to
// each file as `__okrShared` (scripts/jest-shared.mjs), with the worker's exceljs and JSZip (`__okrWorkerRequire`).
import { createRequire } from "node:module";
import { TestEnvironment } from "jest-environment-node";
import { sharedRuntime, sharing } from "./jest-shared.mjs";
import { cpuMeter } from "./jest-cpu.mjs";

const require = createRequire(import.meta.url);

/** This worker's browser: launched by the first file that asks, with that file's executable and flags. */
let shared = null;

function launch(executablePath, args) {
  const key = JSON.stringify([executablePath, args]);
  if (shared?.key === key) {
    const current = shared;
    return current.browser.then(
      (b) => (b.isConnected() ? b : relaunch(current, executablePath, args)),
      () => relaunch(current, executablePath, args),
    );
  }
  const previous = shared;
  shared = { key, browser: (previous ? close(previous) : Promise.resolve()).then(() => require("playwright-core").chromium.launch({ executablePath, args })) };
  return shared.browser;
}

function relaunch(stale, executablePath, args) {
  if (shared === stale) shared = null;
  return launch(executablePath, args);
}

function close(entry) {
  return entry.browser.then((b) => b.close()).catch(() => undefined);
}

function closeShared() {
  const entry = shared;
  shared = null;
  return entry ? close(entry) : Promise.resolve();
}

// A Jest worker is a child process told to end by a message; Chromium's pipes would then keep it alive until
// Jest killed it 10 s later (workerGracefulExitTimeout) with an "improper teardown" warning. So the browser
// closes on that message. The listener goes with it: a 'message' listener keeps the IPC channel, and so the
// worker, alive.
const inWorker = typeof process.send === "function" && /jest-worker[\\/]build[\\/]processChild\.js$/.test(process.argv[1] ?? "");
if (inWorker) {
  let END = 2;
  try {
    END = require("jest-worker").CHILD_MESSAGE_END ?? END;
  } catch {
    // jest-worker's protocol constant as of Jest 30.
  }
  const onMessage = (message) => {
    if (Array.isArray(message) && message[0] === END) {
      process.removeListener("message", onMessage);
      void closeShared();
    }
  };
  process.on("message", onMessage);
}

export default class OkrEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    // OKR_JEST_CPU: the file's CPU seconds, its Chromium's and LibreOffice's too (scripts/jest-cpu.mjs).
    this.measured = cpuMeter(context.testPath);
    this.usedBrowser = false;
    this.global.__okrChromium = (executablePath, args) => {
      this.usedBrowser = true;
      return launch(executablePath, args);
    };
  }

  async setup() {
    await super.setup();
    if (sharing()) {
      this.global.__okrShared = await sharedRuntime();
      // The worker's copy of a package the runtime patches (exceljs: src/local/xlsx/historyName.ts; JSZip:
      // zipRead.ts), for a test's import of it (scripts/jest-exceljs.cjs, jest-jszip.cjs), so that a test
      // reading a file as the runtime does reads it through those patches.
      this.global.__okrWorkerRequire = (id) => require(id);
      // The runtime reads the worker's environment variables (OKR_SHEETS_LOCK_WAIT_MS...), not Jest's copy of
      // them in the file's `process`: a test setting one sets the worker's (and puts it back, as it did).
      this.global.process.env = process.env;
    }
  }

  async teardown() {
    this.measured();
    // In band (no worker to end), the browser goes with the file that used it.
    if (!inWorker && this.usedBrowser) await closeShared();
    await super.teardown();
  }
}
