// HyperFormula's parser/ParserWithCaching as the suite runs it, edited while scripts/jest-hyperformula-bundle.mjs
// bundles HyperFormula for Jest: the suite's engines parse as the CLI bundle's do (scripts/build.mjs): one
// shared formula lexer and parser (scripts/hyperformula-shared-parser.mjs), and formulas of a known shape not
// tokenized again (scripts/hyperformula-formula-keys.mjs).
import { shareParser } from "./hyperformula-shared-parser.mjs";
import { formulaKeys, hashKept, keyImport } from "./hyperformula-formula-keys.mjs";
import { applyEdits } from "./hyperformula-edits.mjs";

function process(source, filename) {
  // The key edits are written for the ES module build, the one the bundle loads (its onLoad filter).
  const text = applyEdits(source, [formulaKeys, hashKept, keyImport], `${filename} changed; update scripts/hyperformula-formula-keys.mjs`);
  return { code: shareParser(text, filename) };
}

// Its cache key is the bundle's (scripts/jest-hyperformula-bundle.mjs), which hashes this file and the edits'.
export default { process };
