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
      // Ranges already in order wherever the formula is: the cached tree itself (a copy per cell cost ~5% of a
      // set-up large tracker's load, 8,300 formulas of ~10 shapes), and its dependencies once, made absolute per cell.
      if (cached.inOrder === undefined) cached.inOrder = this.rangesInOrder(cached.ast);
      const ast = cached.inOrder ? cached.ast : this.convertReversedRangesToRegularRanges(cached.ast);
      return { ast, errors: [], hasVolatileFunction: cached.hasVolatileFunction, hasStructuralChangeFunction: cached.hasStructuralChangeFunction, dependencies: cached.inOrder ? cached.relativeDependencies : collectDependencies(ast, this.functionRegistry) };
    }
    this.lastHash = undefined;
    const result = this.parseTokenized(text, formulaAddress);
    // After the parse, which resolved these names itself.
    if (keyed !== null && result.errors.length === 0 && this.lastHash !== undefined) keys.set(keyed.key, { hash: this.lastHash, sheetIds: keyed.sheets.map((name) => this.resolveSheetReference(name)) });
    return result;
  }
  rangesInOrder(ast) {
    // Whether convertReversedRangesToRegularRanges would give the same tree at any cell: each range's ends of
    // one kind (both absolute or both relative) per dimension, in order, so no cell's address reorders them.
    // HYPERLINK is left out: its plugin writes the link into the call's node.
    const ordered = (a, b, key) => a.type === b.type && a[key] <= b[key];
    // (Two ends without a sheet compare as NaN, and the sort leaves them as they are.)
    const sheets = (a, b) => a.sheet === b.sheet || ParserWithCaching.compareSheetIds(a.sheet, b.sheet) <= 0;
    switch (ast.type) {
      case AstNodeType.EMPTY: case AstNodeType.NUMBER: case AstNodeType.STRING: case AstNodeType.ERROR:
      case AstNodeType.ERROR_WITH_RAW_INPUT: case AstNodeType.CELL_REFERENCE: case AstNodeType.NAMED_EXPRESSION:
        return true;
      case AstNodeType.CELL_RANGE:
        return ordered(ast.start.toColumnAddress(), ast.end.toColumnAddress(), "col") && ordered(ast.start.toRowAddress(), ast.end.toRowAddress(), "row") && sheets(ast.start, ast.end);
      case AstNodeType.COLUMN_RANGE:
        return ordered(ast.start, ast.end, "col") && sheets(ast.start, ast.end);
      case AstNodeType.ROW_RANGE:
        return ordered(ast.start, ast.end, "row") && sheets(ast.start, ast.end);
      case AstNodeType.PERCENT_OP: case AstNodeType.PLUS_UNARY_OP: case AstNodeType.MINUS_UNARY_OP:
        return this.rangesInOrder(ast.value);
      case AstNodeType.CONCATENATE_OP: case AstNodeType.EQUALS_OP: case AstNodeType.NOT_EQUAL_OP: case AstNodeType.LESS_THAN_OP:
      case AstNodeType.GREATER_THAN_OP: case AstNodeType.LESS_THAN_OR_EQUAL_OP: case AstNodeType.GREATER_THAN_OR_EQUAL_OP:
      case AstNodeType.MINUS_OP: case AstNodeType.PLUS_OP: case AstNodeType.TIMES_OP: case AstNodeType.DIV_OP: case AstNodeType.POWER_OP:
        return this.rangesInOrder(ast.left) && this.rangesInOrder(ast.right);
      case AstNodeType.PARENTHESIS:
        return this.rangesInOrder(ast.expression);
      case AstNodeType.FUNCTION_CALL:
        return ast.procedureName !== "HYPERLINK" && ast.args.every((a) => this.rangesInOrder(a));
      default:
        return false;
    }
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
