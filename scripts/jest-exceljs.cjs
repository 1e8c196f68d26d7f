// Jest only (jest.config.js moduleNameMapper): `exceljs` is required when first used, not when imported.
// Every test file that reaches the offline spreadsheet imports src/local/xlsx through runtime.ts, and Jest
// loads the module graph afresh for each file: exceljs's 650 modules, also in the many files that never
// read or write an .xlsx. The real exceljs (the same code) is loaded on the first property read; the parts
// src imports directly (lib/doc/worksheet.js, lib/utils/utils.js) are the modules it then uses, as before.
// The proxy lists no keys, so that Jest, importing it from an ES module, finds no named exports to read
// (src imports the default only). The bundled CLI (build/) and the add-on never see this file.
const path = require("node:path");

const REAL = path.join(path.dirname(require.resolve("exceljs/package.json")), "excel.js");
let real;
// With the runtime shared by the worker (scripts/jest-shared.mjs), the worker's exceljs: the one the runtime
// reads and writes with and patches (src/local/xlsx/historyName.ts), so a test reading a file the same way.
const load = () => (real ??= typeof globalThis.__okrWorkerRequire === "function" ? globalThis.__okrWorkerRequire("exceljs") : require(REAL));

module.exports = new Proxy(
  {},
  {
    get: (_, key) => load()[key],
    has: (_, key) => key in load(),
  },
);
