// HyperFormula's parser/ParserWithCaching as the suite runs it, edited while scripts/jest-hyperformula-bundle.mjs
// bundles HyperFormula for Jest: the suite's engines parse as the CLI bundle's do (scripts/build.mjs): one
// shared formula lexer and parser (scripts/hyperformula-shared-parser.mjs), and formulas of a known shape not
// tokenized again (scripts/hyperformula-formula-keys.mjs).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { shareParser } from "./hyperformula-shared-parser.mjs";
import { formulaKeys, hashKept, keyImport } from "./hyperformula-formula-keys.mjs";

const SELF = ["./jest-hyperformula.mjs", "./hyperformula-shared-parser.mjs", "./hyperformula-formula-keys.mjs"]
  .map((f) => readFileSync(new URL(f, import.meta.url), "utf8"))
  .join("\0");

function process(source, filename) {
  let text = source;
  // The key edits are written for the ES module build, the one Jest loads for the suite's imports.
  if (filename.endsWith(".mjs")) {
    for (const variants of [formulaKeys, hashKept, keyImport]) {
      const v = variants.find(([from]) => text.includes(from));
      if (!v) throw new Error(`${filename} changed; update scripts/hyperformula-formula-keys.mjs`);
      text = text.replace(v[0], v[1]);
    }
  }
  return { code: shareParser(text, filename) };
}

export default {
  process,
  getCacheKey: (source, filename) => createHash("sha256").update(SELF).update("\0").update(filename).update("\0").update(source).digest("hex"),
};
