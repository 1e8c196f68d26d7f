// Jest only (jest.config.js moduleNameMapper): a test's `jszip` is the one the offline runtime reads .xlsx
// files with. With the runtime shared by the worker (scripts/jest-shared.mjs) that is the worker's JSZip,
// whose read path src/local/xlsx/zipRead.ts patches; the file's own copy would not be patched. Without it
// (OKR_JEST_SHARED=off), the file's own, as before.
const path = require("node:path");

const REAL = path.join(path.dirname(require.resolve("jszip/package.json")), require("jszip/package.json").main);
module.exports = typeof globalThis.__okrWorkerRequire === "function" ? globalThis.__okrWorkerRequire("jszip") : require(REAL);
