// Edits to HyperFormula's scans of ranges, applied by scripts/build.mjs to the CLI bundle (the ES module
// build, the one the bundle loads). Each gives the same results as the code it replaces, with less work.

/**
 * SUMIF, COUNTIFS and the other conditional aggregations filter the values range through `ifFilter`, a
 * generator that, for every cell, split each condition's iterator into a new first-and-rest object, mapped
 * and zipped them into new arrays: on a set-up large tracker (300 objectives' SUMIF/COUNTIFS over 1,221 KR
 * rows, in the first evaluation and again after a check-in) ~10% of the check-in's CPU, and much of its
 * garbage. The conditions' values are arrays already (SimpleRangeValue.valuesFromTopLeftCorner) or reads of
 * cells computed before, so they are taken whole and compared in a loop: the same cells kept, in the same
 * order, the criteria tried in the same order and stopping at the first that fails; the callers only reduce
 * what it returns.
 */
export const criterionFilter = [
  [
    `function* ifFilter(criterionLambdas, conditionalIterables, computableIterable) {
  for (const computable of computableIterable) {
    const conditionalSplits = conditionalIterables.map(conditionalIterable => split(conditionalIterable));
    if (!conditionalSplits.every(cs => Object.prototype.hasOwnProperty.call(cs, 'value'))) {
      return;
    }
    const conditionalFirsts = conditionalSplits.map(cs => getRawValue(cs.value));
    if (zip(conditionalFirsts, criterionLambdas).every(([conditionalFirst, criterionLambda]) => criterionLambda(conditionalFirst))) {
      yield computable;
    }
    conditionalIterables = conditionalSplits.map(cs => cs.rest);
  }
}`,
    `function ifFilter(criterionLambdas, conditionalIterables, computableIterable) {
  const columns = conditionalIterables.map(conditionalIterable => Array.from(conditionalIterable));
  const tried = Math.min(columns.length, criterionLambdas.length);
  const kept = [];
  let i = 0;
  for (const computable of computableIterable) {
    for (let c = 0; c < columns.length; c++) if (i >= columns[c].length) return kept;
    let all = true;
    for (let c = 0; c < tried; c++) {
      if (!criterionLambdas[c](getRawValue(columns[c][i]))) {
        all = false;
        break;
      }
    }
    if (all) kept.push(computable);
    i++;
  }
  return kept;
}`,
  ],
];

/**
 * MATCH and the lookups compare texts case- and accent-folded (forceNormalizeString: lower case, NFD, marks
 * dropped), every cell of the searched range on every call: each KR's INDEX/MATCH into Objectives' 321 IDs
 * folded them again, ~780,000 times on a set-up large tracker (~4% of a check-in); SUMIF/COUNTIFS fold each
 * text cell for a text criterion as the engine's case and accent settings say (ArithmeticHelper's own
 * normalizeString), ~2 million times per evaluation of its objectives. A fold depends on the text only (and
 * on the engine's settings, fixed for a helper: a change of settings builds a new engine), so it is
 * remembered (up to 65,536 texts, then forgotten and started again).
 */
export const foldedCriteria = [
  [
    `  normalizeString(str) {
    if (!this.config.caseSensitive) {
      str = str.toLowerCase();
    }
    if (!this.config.accentSensitive) {
      str = normalizeString(str, 'nfd').replace(/[\\u0300-\\u036f]/g, '');
    }
    return str;
  }`,
    `  normalizeString(str) {
    const folded = (this.foldedTexts ??= new Map());
    let out = folded.get(str);
    if (out !== undefined) return out;
    out = str;
    if (!this.config.caseSensitive) {
      out = out.toLowerCase();
    }
    if (!this.config.accentSensitive) {
      out = normalizeString(out, 'nfd').replace(/[\\u0300-\\u036f]/g, '');
    }
    if (folded.size >= 65536) folded.clear();
    folded.set(str, out);
    return out;
  }`,
  ],
];
export const foldedTexts = [
  [
    `export function forceNormalizeString(str) {
  return normalizeString(str.toLowerCase(), 'nfd').replace(/[\\u0300-\\u036f]/g, '');
}`,
    `const forceNormalized = new Map();
export function forceNormalizeString(str) {
  let folded = forceNormalized.get(str);
  if (folded === undefined) {
    if (forceNormalized.size >= 65536) forceNormalized.clear();
    folded = normalizeString(str.toLowerCase(), 'nfd').replace(/[\\u0300-\\u036f]/g, '');
    forceNormalized.set(str, folded);
  }
  return folded;
}`,
  ],
];

/**
 * A range's cells, read into rows (SimpleRangeValue, for every range a SUMIF, COUNTIFS or INDEX reads): the
 * range's end was worked out again for every cell (for a whole column, from the sheet's height), ~5.9
 * million times per evaluation of a set-up large tracker's objectives. Reading cells does not change the
 * sheet's size, so the ends are worked out once, as `addresses` beside it does.
 */
export const rangeEnds = [
  [
    `  addressesArrayMap(dependencyGraph, op) {
    const ret = [];
    let currentRow = this.start.row;
    while (currentRow <= this.effectiveEndRow(dependencyGraph)) {
      let currentColumn = this.start.col;
      const tmp = [];
      while (currentColumn <= this.effectiveEndColumn(dependencyGraph)) {`,
    `  addressesArrayMap(dependencyGraph, op) {
    const ret = [];
    let currentRow = this.start.row;
    const limitRow = this.effectiveEndRow(dependencyGraph);
    const limitColumn = this.effectiveEndColumn(dependencyGraph);
    while (currentRow <= limitRow) {
      let currentColumn = this.start.col;
      const tmp = [];
      while (currentColumn <= limitColumn) {`,
  ],
];
