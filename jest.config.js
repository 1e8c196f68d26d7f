// Jest runs the suite as ES modules (the project's module type), with TypeScript stripped by esbuild
// (scripts/jest-transform.mjs). `npm test` starts Node with --experimental-vm-modules, which Jest's ESM needs.
export default {
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  moduleFileExtensions: ["ts", "js", "mjs", "cjs", "json"],
  // HyperFormula is one module, bundled with its parser patched as the CLI bundle's is: one shared formula
  // parser, known formula shapes not tokenized again (scripts/jest-hyperformula-bundle.mjs, moduleNameMapper).
  transform: {
    "\\.ts$": "<rootDir>/scripts/jest-transform.mjs",
    "/scripts/jest-hyperformula-entry\\.mjs$": "<rootDir>/scripts/jest-hyperformula-bundle.mjs",
  },
  // Jest's runtime with the CommonJS modules of node_modules every file loads (jest-circus, expect, jest-snapshot...)
  // compiled once per worker instead of once per file (scripts/jest-runtime.cjs): ~70 ms of CPU a file.
  runtime: "<rootDir>/scripts/jest-runtime.cjs",
  // Jest's node environment, plus one Chromium per worker for the browser files (scripts/jest-environment.mjs).
  testEnvironment: "<rootDir>/scripts/jest-environment.mjs",
  // The offline runtime (src/local, src/core, HyperFormula) bundled once (globalSetup) and loaded once per
  // worker by the environment, shared by the files the worker runs (scripts/jest-shared.mjs): V8 warmed it up
  // again in every file's vm context, ~2/3 of a server test's CPU the first time.
  globalSetup: "<rootDir>/scripts/jest-shared-setup.mjs",
  // exceljs is required on first use rather than on import (scripts/jest-exceljs.cjs): most files never
  // touch an .xlsx, and loading its 650 modules cost each of them ~0.25 s of CPU.
  // HyperFormula's ~230 modules are one (scripts/jest-hyperformula-bundle.mjs): loading them was ~0.13 s of CPU
  // for each file reaching the offline engine. A test's jszip is the runtime's (scripts/jest-jszip.cjs).
  moduleNameMapper: { "^exceljs$": "<rootDir>/scripts/jest-exceljs.cjs", "^jszip$": "<rootDir>/scripts/jest-jszip.cjs", "^hyperformula$": "<rootDir>/scripts/jest-hyperformula-entry.mjs" },
  // Sized for the 2-core machine shared with other work (load 10–30): there the spawned CLI smoke test and
  // npm start's demo test ran past 60 s. A timed-out test keeps running after its file ends (spawning,
  // writing files), which also kept Jest's worker from exiting. Synchronous tests (most of test/server)
  // cannot time out: Jest's timer only fires between awaits.
  testTimeout: 180_000,
  // Jest's default is one worker fewer than the cores: one worker on this 2-core machine, leaving a core
  // idle while the CPU-bound files run one after another.
  maxWorkers: 2,
  // At the end Jest gives each worker 500 ms to exit before killing it with "A worker process has failed to
  // exit gracefully ... improper teardown". At load 20-30 a worker holding HyperFormula's heap took longer
  // than that with nothing left open: two files of in-memory add-on tests (checkin.ux, forecast) drew the
  // warning. A handle that really leaks still draws it, 10 s later.
  workerGracefulExitTimeout: 10_000,
};
