// Jest runs the suite as ES modules (the project's module type), with TypeScript stripped by esbuild
// (scripts/jest-transform.mjs). `npm test` starts Node with --experimental-vm-modules, which Jest's ESM needs.
export default {
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  moduleFileExtensions: ["ts", "js", "mjs", "cjs", "json"],
  transform: { "\\.ts$": "<rootDir>/scripts/jest-transform.mjs" },
  testEnvironment: "node",
  testTimeout: 60_000,
  // Jest's default is one worker fewer than the cores: one worker on this 2-core machine, leaving a core
  // idle while the CPU-bound files run one after another.
  maxWorkers: 2,
};
