// Jest runs the suite as ES modules (the project's module type), with TypeScript stripped by esbuild
// (scripts/jest-transform.mjs). `npm test` starts Node with --experimental-vm-modules, which Jest's ESM needs.
export default {
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  moduleFileExtensions: ["ts", "js", "mjs", "cjs", "json"],
  transform: { "\\.ts$": "<rootDir>/scripts/jest-transform.mjs" },
  testEnvironment: "node",
  // Sized for the 2-core machine shared with other work (load 10–30): there an async CLI test that takes a
  // few seconds alone took up to 70 s, and 60 s timed out. A timed-out test keeps running in the background
  // (spawning, writing files) after its file ends, which is what made Jest force-exit a worker. Synchronous
  // tests (most of test/server) cannot time out: Jest's timer only fires between awaits.
  testTimeout: 180_000,
  // Jest's default is one worker fewer than the cores: one worker on this 2-core machine, leaving a core
  // idle while the CPU-bound files run one after another.
  maxWorkers: 2,
};
