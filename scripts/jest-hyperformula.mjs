// Jest transform for HyperFormula's parser/ParserWithCaching: the suite's engines share one formula lexer
// and parser, as the CLI bundle's do (scripts/hyperformula-shared-parser.mjs says why).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { shareParser } from "./hyperformula-shared-parser.mjs";

const SELF = readFileSync(new URL(import.meta.url), "utf8") + readFileSync(new URL("./hyperformula-shared-parser.mjs", import.meta.url), "utf8");

export default {
  process: (source, filename) => ({ code: shareParser(source, filename) }),
  getCacheKey: (source, filename) => createHash("sha256").update(SELF).update("\0").update(filename).update("\0").update(source).digest("hex"),
};
