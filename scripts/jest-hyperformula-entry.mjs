// Jest only (jest.config.js maps `hyperformula` here): replaced by HyperFormula bundled into one module
// (scripts/jest-hyperformula-bundle.mjs). Reaching this text means the transform did not run.
throw new Error("scripts/jest-hyperformula-entry.mjs is replaced by its Jest transform; check jest.config.js");
