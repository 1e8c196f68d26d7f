// Edits to HyperFormula (applied by scripts/build.mjs to the CLI bundle and by
// scripts/jest-hyperformula-bundle.mjs to Jest's): a range's values are read once per evaluation pass for
// the conditional aggregations and lookups, and INDEX reads the one cell it returns. Same results.
//
// Why a pass may share reads: an evaluation pass (Evaluator.run, partialRun) computes vertices in
// topological order, and a formula naming a range depends on the range's vertex, which depends on every cell
// of the range (HyperFormula links them when it makes the vertex, and links new cells of whole-column
// ranges as they appear). So every cell of a range is final before the first formula of the pass reads the
// range, and stays so for the rest of the pass (each vertex is computed once; cells in a cycle get their
// #CYCLE! error in the same order). A read outside a pass (calculateFormula, the API) is not shared.
// On a set-up large tracker each of 300 objectives' SUMIF/COUNTIFS read 'Key Results' columns of 1,221 rows
// ~13 times and each of 1,220 KRs' MATCH read Objectives' 321 IDs twice, each read into new arrays (and
// INDEX all 321 rows to return one), in the first evaluation and again in the recalculation after a
// check-in: most of the evaluation's time and much of the process's garbage.
import { criterionFilter, foldedCriteria, foldedTexts, rangeEnds } from "./hyperformula-scans.mjs";

/** Each [from, to] is one edit with one variant (scripts/hyperformula-edits.mjs applyEdits). */
const edits = (...pairs) => pairs.map((pair) => [pair]);

/** The pass's shared reads: a map on the dependency graph while Evaluator.run or partialRun evaluates. */
export const passEvaluator = edits(
  [
    `    this.stats.measure(StatType.EVALUATION, () => {
      this.recomputeFormulas(cycled, sorted);
    });
  }`,
    `    this.stats.measure(StatType.EVALUATION, () => {
      this.dependencyGraph.passReads = new Map();
      try {
        this.recomputeFormulas(cycled, sorted);
      } finally {
        this.dependencyGraph.passReads = undefined;
      }
    });
  }`,
  ],
  [
    `    this.stats.measure(StatType.EVALUATION, () => {
      this.dependencyGraph.graph.getTopSortedWithSccSubgraphFrom(vertices, vertex => this.recomputeVertex(vertex, changes), vertex => this.processVertexOnCycle(vertex, changes));
    });`,
    `    this.stats.measure(StatType.EVALUATION, () => {
      this.dependencyGraph.passReads = new Map();
      try {
        this.dependencyGraph.graph.getTopSortedWithSccSubgraphFrom(vertices, vertex => this.recomputeVertex(vertex, changes), vertex => this.processVertexOnCycle(vertex, changes));
      } finally {
        this.dependencyGraph.passReads = undefined;
      }
    });`,
  ],
);

/**
 * DependencyGraph.readInPass(range, tag, read): read() once per pass for the range as it stands (its
 * effective end: a whole column ends at the sheet's last row) and the tag; outside a pass, read() each time.
 * What it returns is shared, so callers only read it.
 */
export const passReadMethod = edits(
  [
    `  shrinkArrayToCorner(array) {`,
    `  readInPass(range, tag, read) {
    const reads = this.passReads;
    if (reads === undefined) return read();
    const key = tag + range.sheet + ',' + range.start.col + ',' + range.start.row + ',' + range.effectiveEndColumn(this) + ',' + range.effectiveEndRow(this);
    let value = reads.get(key);
    if (value === undefined) {
      value = read();
      reads.set(key, value);
    }
    return value;
  }
  shrinkArrayToCorner(array) {`,
  ],
);

/**
 * SUMIF, COUNTIFS and the others: the values and the conditions' cells of a range argument are the pass's
 * read of it (computeListOfValuesInRange: each cell's value, a range in a cell read as #VALUE!, row by row:
 * what the range's SimpleRangeValue would hold, flattened); an argument that is not a sheet range (an
 * array) is read as before. The kept values are composed in the same order, starting from the same initial
 * value; the map function (pure: the raw value, 1, an average's part) is applied to those only.
 */
export const passCriterionValues = edits(
  [
    `export class CriterionFunctionCompute {`,
    `const rangeValues = rangeValue => {
  const range = rangeValue.range;
  const graph = rangeValue.dependencyGraph;
  if (rangeValue._data !== undefined || range === undefined || graph === undefined) return rangeValue.valuesFromTopLeftCorner();
  return graph.readInPass(range, 'v', () => graph.computeListOfValuesInRange(range));
};
export class CriterionFunctionCompute {`,
  ],
  [
    `  evaluateRangeValue(simpleValuesRange, conditions) {
    const criterionLambdas = conditions.map(condition => condition.criterionPackage.lambda);
    const values = Array.from(simpleValuesRange.valuesFromTopLeftCorner()).map(this.mapFunction)[Symbol.iterator]();
    const conditionsIterators = conditions.map(condition => condition.conditionRange.iterateValuesFromTopLeftCorner());
    const filteredValues = ifFilter(criterionLambdas, conditionsIterators, values);
    return this.reduceFunction(filteredValues);
  }`,
    `  evaluateRangeValue(simpleValuesRange, conditions) {
    const criterionLambdas = conditions.map(condition => condition.criterionPackage.lambda);
    const values = rangeValues(simpleValuesRange);
    const columns = conditions.map(condition => rangeValues(condition.conditionRange));
    const tried = Math.min(columns.length, criterionLambdas.length);
    let acc = this.reduceInitialValue;
    for (let i = 0; i < values.length; i++) {
      for (let c = 0; c < columns.length; c++) if (i >= columns[c].length) return acc;
      let all = true;
      for (let c = 0; c < tried; c++) {
        if (!criterionLambdas[c](getRawValue(columns[c][i]))) {
          all = false;
          break;
        }
      }
      if (all) acc = this.composeFunction(acc, this.mapFunction(values[i]));
    }
    return acc;
  }`,
  ],
);

/**
 * MATCH (and VLOOKUP, HLOOKUP, XLOOKUP) in an unsorted sheet range: the range's values case- and
 * accent-folded, once per pass, then searched as before (indexOf, lastIndexOf, or the approximate loop,
 * which only reads the array); wildcard searches read the pass's values.
 */
export const passLookups = edits(
  [
    `const NOT_FOUND = -1;`,
    `const NOT_FOUND = -1;
const normalizeAll = searchArray => searchArray.map(getRawValue).map(val => typeof val === 'string' ? forceNormalizeString(val) : val);`,
  ],
  [
    `    const values = range === undefined ? rangeValue.valuesFromTopLeftCorner() : this.dependencyGraph.computeListOfValuesInRange(range);`,
    `    const values = range === undefined ? rangeValue.valuesFromTopLeftCorner() : this.dependencyGraph.readInPass(range, 'v', () => this.dependencyGraph.computeListOfValuesInRange(range));`,
  ],
  [
    `      return this.findNormalizedValue(normalizedSearchKey, this.dependencyGraph.computeListOfValuesInRange(range), ifNoMatch, returnOccurrence);`,
    `      return this.findInNormalized(normalizedSearchKey, this.dependencyGraph.readInPass(range, 'n', () => normalizeAll(this.dependencyGraph.computeListOfValuesInRange(range))), ifNoMatch, returnOccurrence);`,
  ],
  [
    `  findNormalizedValue(searchKey, searchArray, ifNoMatch = 'returnNotFound', returnOccurrence = 'first') {
    const normalizedArray = searchArray.map(getRawValue).map(val => typeof val === 'string' ? forceNormalizeString(val) : val);`,
    `  findNormalizedValue(searchKey, searchArray, ifNoMatch = 'returnNotFound', returnOccurrence = 'first') {
    return this.findInNormalized(searchKey, normalizeAll(searchArray), ifNoMatch, returnOccurrence);
  }
  findInNormalized(searchKey, normalizedArray, ifNoMatch = 'returnNotFound', returnOccurrence = 'first') {`,
  ],
);

/**
 * INDEX of a sheet range at whole row and column numbers within it reads that cell (as the range's value
 * would hold it: a range in the cell is #VALUE!) instead of every cell of the range; anything else (an
 * array, a fraction, an empty answer) goes the old way.
 */
export const indexOneCell = edits(
  [`import { CellError, ErrorType } from "../../Cell.mjs";`, `import { CellError, ErrorType, simpleCellAddress } from "../../Cell.mjs";`],
  [
    `        return new CellError(ErrorType.NUM, ErrorMessage.ValueLarge);
      }
      return (_f = (_c = (_b = (_a = rangeValue`,
    `        return new CellError(ErrorType.NUM, ErrorMessage.ValueLarge);
      }
      const range = rangeValue.range;
      if (range !== undefined && rangeValue._data === undefined && Number.isInteger(row) && Number.isInteger(col)) {
        const cell = this.dependencyGraph.getScalarValue(simpleCellAddress(range.sheet, range.start.col + col - 1, range.start.row + row - 1));
        if (cell !== undefined && cell !== null) return cell;
      }
      return (_f = (_c = (_b = (_a = rangeValue`,
  ],
);

/**
 * Printing a formula (getCellFormula: every formula of a tab a save writes, ~8,000 on a set-up large tracker,
 * ~0.3 s) walked its whole tree. Cells of one shape share their tree (the parse cache), so the printer keeps,
 * per tree, its text as pieces: the parts that are fixed for a tree (numbers, strings, operators, spaces,
 * brackets, separators) joined once, and the parts that are not printed afresh each time, as before: each
 * reference and range (relative to the cell; sheet names as they are now), each name, each error, each
 * function's name (its translation). Trees are never changed in place (moves and row changes make new ones),
 * so a tree's fixed parts stay what they were.
 */
export const printPieces = edits(
  [
    `export class Unparser {`,
    `class FunctionNamePiece {
  constructor(name) {
    this.name = name;
  }
}
export class Unparser {`,
  ],
  [
    `  unparse(ast, address) {
    return '=' + this.unparseAst(ast, address);
  }`,
    `  unparse(ast, address) {
    const templates = this.templates ??= new WeakMap();
    let pieces = templates.get(ast);
    if (pieces === undefined) {
      const raw = [];
      this.piecesOf(ast, raw);
      pieces = [];
      for (const piece of raw) {
        if (typeof piece === 'string' && typeof pieces[pieces.length - 1] === 'string') pieces[pieces.length - 1] += piece;
        else pieces.push(piece);
      }
      templates.set(ast, pieces);
    }
    let out = '=';
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (typeof piece === 'string') out += piece;
      else if (piece instanceof FunctionNamePiece) out += this.config.translationPackage.isFunctionTranslated(piece.name) ? this.config.translationPackage.getFunctionTranslation(piece.name) : piece.name;
      else out += this.unparseAst(piece, address);
    }
    return out;
  }
  piecesOf(ast, out) {
    switch (ast.type) {
      case AstNodeType.EMPTY:
      case AstNodeType.NUMBER:
      case AstNodeType.STRING:
      case AstNodeType.ERROR_WITH_RAW_INPUT:
        out.push(this.unparseAst(ast, undefined));
        return;
      case AstNodeType.FUNCTION_CALL:
        out.push(imageWithWhitespace('', ast.leadingWhitespace), new FunctionNamePiece(ast.procedureName), '(');
        for (let i = 0; i < ast.args.length; i++) {
          if (i > 0) out.push(this.config.functionArgSeparator);
          if (ast.args[i] !== undefined) this.piecesOf(ast.args[i], out);
        }
        out.push(imageWithWhitespace(')', ast.internalWhitespace));
        return;
      case AstNodeType.NAMED_EXPRESSION:
      case AstNodeType.CELL_REFERENCE:
      case AstNodeType.COLUMN_RANGE:
      case AstNodeType.ROW_RANGE:
      case AstNodeType.CELL_RANGE:
      case AstNodeType.ERROR:
        out.push(ast);
        return;
      case AstNodeType.PLUS_UNARY_OP:
        out.push(imageWithWhitespace('+', ast.leadingWhitespace));
        this.piecesOf(ast.value, out);
        return;
      case AstNodeType.MINUS_UNARY_OP:
        out.push(imageWithWhitespace('-', ast.leadingWhitespace));
        this.piecesOf(ast.value, out);
        return;
      case AstNodeType.PERCENT_OP:
        this.piecesOf(ast.value, out);
        out.push(imageWithWhitespace('%', ast.leadingWhitespace));
        return;
      case AstNodeType.PARENTHESIS:
        out.push(imageWithWhitespace('(', ast.leadingWhitespace));
        this.piecesOf(ast.expression, out);
        out.push(imageWithWhitespace(')', ast.internalWhitespace));
        return;
      case AstNodeType.ARRAY:
        out.push(imageWithWhitespace('{', ast.leadingWhitespace));
        // As map and join: a hole in the rows prints nothing.
        for (let r = 0; r < ast.args.length; r++) {
          if (r > 0) out.push(this.config.arrayRowSeparator);
          if (!(r in ast.args)) continue;
          for (let c = 0; c < ast.args[r].length; c++) {
            if (c > 0) out.push(this.config.arrayColumnSeparator);
            if (c in ast.args[r]) this.piecesOf(ast.args[r][c], out);
          }
        }
        out.push(imageWithWhitespace('}', ast.internalWhitespace));
        return;
      default:
        this.piecesOf(ast.left, out);
        out.push(imageWithWhitespace(binaryOpTokenMap[ast.type], ast.leadingWhitespace));
        this.piecesOf(ast.right, out);
    }
  }`,
  ],
);

/**
 * The engine edits (these and hyperformula-scans.mjs's) by the HyperFormula ES module each applies to, as a
 * pattern of its path below `es/`: what Jest's bundle (scripts/jest-hyperformula-bundle.mjs, which adds the
 * grammar edit) and the comparison with unedited HyperFormula (scripts/hyperformula-compare.mjs) apply;
 * scripts/build.mjs applies this list to the CLI bundle.
 */
export const ENGINE_EDITS = [
  ["interpreter[\\\\/]CriterionFunctionCompute", [criterionFilter, ...passCriterionValues]],
  ["interpreter[\\\\/]ArithmeticHelper", [foldedCriteria, foldedTexts]],
  ["AbsoluteCellRange", [rangeEnds]],
  ["Evaluator", passEvaluator],
  ["DependencyGraph[\\\\/]DependencyGraph", passReadMethod],
  ["Lookup[\\\\/]AdvancedFind", passLookups],
  ["interpreter[\\\\/]plugin[\\\\/]InformationPlugin", indexOneCell],
  ["parser[\\\\/]Unparser", printPieces],
];
