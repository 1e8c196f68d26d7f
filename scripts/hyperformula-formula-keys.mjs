// HyperFormula's parser/ParserWithCaching remembers the hash of each formula key (src/local/formulaKey.ts)
// it tokenized: edits applied by scripts/build.mjs (the CLI bundle) and scripts/jest-hyperformula.mjs.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * HyperFormula tokenizes every formula it parses, to look its relative form up in its parse cache: ~15% of
 * a small check-in's CPU (~450 formulas of 15 shapes). Here the parser also remembers, per key of
 * src/local/formulaKey.ts (the text with references made relative to the cell), the hash the tokens gave
 * and the IDs its sheet names resolved to; a formula whose key it has seen, its sheet names resolving to
 * the same IDs, takes the cached parse without the lexer. Only the ES module build is
 * patched (its imports differ): the bundle loads that one.
 */
const FORMULA_KEY = join(dirname(fileURLToPath(import.meta.url)), "../src/local/formulaKey.ts").replace(/\\/g, "/");
export const formulaKeys = [
  [
    `  parse(text, formulaAddress) {
    this.formulaAddress = formulaAddress;
    const lexerResult = this.tokenizeFormula(text);`,
    `  parse(text, formulaAddress) {
    const keyed = relativeFormulaKey(text, formulaAddress);
    const keys = (this.keyHashes ??= new Map());
    const known = keyed === null ? undefined : keys.get(keyed.key);
    const cached = known === undefined || keyed.sheets.some((name, i) => this.resolveSheetReference(name) !== known.sheetIds[i]) ? undefined : this.cache.get(known.hash);
    if (cached !== undefined) {
      this.formulaAddress = formulaAddress;
      ++this.statsCacheUsed;
      const ast = this.convertReversedRangesToRegularRanges(cached.ast);
      return { ast, errors: [], hasVolatileFunction: cached.hasVolatileFunction, hasStructuralChangeFunction: cached.hasStructuralChangeFunction, dependencies: collectDependencies(ast, this.functionRegistry) };
    }
    this.lastHash = undefined;
    const result = this.parseTokenized(text, formulaAddress);
    // After the parse, which resolved these names itself.
    if (keyed !== null && result.errors.length === 0 && this.lastHash !== undefined) keys.set(keyed.key, { hash: this.lastHash, sheetIds: keyed.sheets.map((name) => this.resolveSheetReference(name)) });
    return result;
  }
  parseTokenized(text, formulaAddress) {
    this.formulaAddress = formulaAddress;
    const lexerResult = this.tokenizeFormula(text);`,
  ],
];
export const hashKept = [
  [
    "    const hash = this.computeHashFromTokens(lexerResult.tokens, formulaAddress);",
    "    const hash = this.lastHash = this.computeHashFromTokens(lexerResult.tokens, formulaAddress);",
  ],
];
export const keyImport = [[`import { Cache } from "./Cache.mjs";`, `import { Cache } from "./Cache.mjs";\nimport { relativeFormulaKey } from ${JSON.stringify(FORMULA_KEY)};`]];
