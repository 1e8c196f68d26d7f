// One formula lexer and parser for every HyperFormula engine of a process (of a test file under Jest).
// HyperFormula builds both for each engine (chevrotain: token analysis and a grammar self-analysis), ~15 ms
// of CPU each time: a test that opens a tracker per case paid it hundreds of times (~4 s of the
// formulas property test's 12 s). Neither holds anything of its engine between parses but the callback
// that resolves sheet names, which is set to the engine's own before each parse. They are shared only
// between engines whose configuration builds the same lexer (separators, size limits, the language's
// function and error names), and built on first use: an engine of values never parses.
// Applied by scripts/build.mjs (the CLI bundle) and scripts/jest-hyperformula.mjs (the test suite).

/** [from, to] variants for HyperFormula's parser/ParserWithCaching: its ES module build, then its CommonJS one. */
export const sharedParserEdit = [
  ["buildLexerConfig", ""],
  ["(0, _LexerConfig.buildLexerConfig)", "_FormulaParser."],
].map(([build, ns]) => [
    `    this.lexerConfig = ${build}(config);
    this.lexer = new ${ns}FormulaLexer(this.lexerConfig);
    this.formulaParser = new ${ns}FormulaParser(this.lexerConfig, this.resolveSheetReference);`,
    `    const shared = okrSharedParsing(config, () => ${build}(config));
    this.lexerConfig = shared.lexerConfig;
    Object.defineProperty(this, "lexer", { get: () => (shared.lexer ??= new ${ns}FormulaLexer(shared.lexerConfig)) });
    Object.defineProperty(this, "formulaParser", {
      get: () => {
        const parser = (shared.formulaParser ??= new ${ns}FormulaParser(shared.lexerConfig, this.resolveSheetReference));
        parser.resolveSheetReference = this.resolveSheetReference;
        return parser;
      },
    });`,
]);

/** Appended to the patched file: the shared lexers and parsers, by what their lexer configuration is built from. */
export const sharedParserModule = `
const okrSharedParsers = new Map();
function okrSharedParsing(config, buildLexerConfig) {
  const key = JSON.stringify([config.ignoreWhiteSpace, config.arrayRowSeparator, config.arrayColumnSeparator, config.decimalSeparator,
    config.functionArgSeparator, config.maxColumns, config.maxRows, config.errorMapping, config.translationPackage.functions]);
  let shared = okrSharedParsers.get(key);
  if (shared === undefined) okrSharedParsers.set(key, (shared = { lexerConfig: buildLexerConfig(), lexer: undefined, formulaParser: undefined }));
  return shared;
}
`;

/** The file's text with the shared parser, or an error naming the file when HyperFormula's text changed. */
export function shareParser(text, path) {
  const v = sharedParserEdit.find(([from]) => text.includes(from));
  if (!v) throw new Error(`${path} changed; update scripts/hyperformula-shared-parser.mjs`);
  return text.replace(v[0], v[1]) + sharedParserModule;
}
