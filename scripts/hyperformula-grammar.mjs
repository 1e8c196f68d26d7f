// chevrotain checks HyperFormula's grammar (ambiguities, left recursion) each time a formula parser is built;
// the grammar is fixed by the HyperFormula release, so the CLI bundle (scripts/build.mjs) and Jest's
// (scripts/jest-hyperformula-bundle.mjs) skip the check (chevrotain's skipValidations, meant for this).
/** [from, to] variants for HyperFormula's parser/FormulaParser (its ES module and CommonJS builds read alike). */
export const trustedGrammar = [
  [
    `    super(lexerConfig.allTokens, {
      outputCst: false,
      maxLookahead: 7
    });`,
    `    super(lexerConfig.allTokens, {
      outputCst: false,
      maxLookahead: 7,
      skipValidations: true
    });`,
  ],
];
