// Checks the engine edits of scripts/hyperformula-scans.mjs and scripts/hyperformula-pass-reads.mjs against
// unedited HyperFormula: random workbooks of values and conditional aggregations, lookups and INDEX over
// cells, finite, whole-column and whole-row ranges (on other tabs, through names, in cycles), then random
// changes (cell contents, batches, rows and columns added and removed, tabs added and removed, formulas
// calculated outside the workbook, tabs renamed, names added and removed); after each, every tab's values and
// formulas as printed must be the same in both engines.
//   node scripts/hyperformula-compare.mjs [seeds=150] [firstSeed=1]
// Both engines carry the offline spreadsheet's own prototype patches (src/local/engine.ts: the first sort
// from formulas only, a known range linked once), as the CLI's do. Not part of the suite: a HyperFormula
// upgrade, or a new edit, is the time to run it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { applyEdits } from "./hyperformula-edits.mjs";
import { ENGINE_EDITS } from "./hyperformula-pass-reads.mjs";

const EDITS = ENGINE_EDITS;

const require = createRequire(import.meta.url);
const hfDir = dirname(dirname(require.resolve("hyperformula")));

async function bundle(dir, edited) {
  const plugins = edited
    ? [{
        name: "edits",
        setup(b) {
          for (const [file, edits] of EDITS) {
            b.onLoad({ filter: new RegExp(`[\\\\/]hyperformula[\\\\/]es[\\\\/]${file}\\.mjs$`) }, async (args) => {
              const { readFileSync } = await import("node:fs");
              return { contents: applyEdits(readFileSync(args.path, "utf8"), edits, `compare: ${args.path} changed`), loader: "js", resolveDir: dirname(args.path) };
            });
          }
        },
      }]
    : [];
  const r = await build({ entryPoints: [join(hfDir, "es", "index.mjs")], bundle: true, format: "esm", platform: "node", write: false, logLevel: "warning", plugins });
  const file = join(dir, edited ? "edited.mjs" : "plain.mjs");
  writeFileSync(file, r.outputFiles[0].text);
  return (await import(pathToFileURL(file).href)).HyperFormula;
}

/** src/local/engine.ts's prototype patches, for an engine class of its own bundle. */
function okrPatches(HyperFormula) {
  const probe = HyperFormula.buildFromArray([[1]], { licenseKey: "gpl-v3" });
  const graphProto = Object.getPrototypeOf(probe.graph);
  const ValueVertex = probe.addressMapping.getCell({ sheet: 0, row: 0, col: 0 }).constructor;
  const dgProto = Object.getPrototypeOf(probe.dependencyGraph);
  probe.destroy();
  graphProto.topSortWithScc = function () {
    return this.getTopSortedWithSccSubgraphFrom(this.getNodes().filter((n) => !(n instanceof ValueVertex)), () => true, () => {});
  };
  const original = dgProto.processCellDependencies;
  dgProto.processCellDependencies = function (deps, endVertex) {
    const end = endVertex.idInGraph;
    if (end === undefined) return original.call(this, deps, endVertex);
    const rest = [];
    for (const dep of deps) {
      const known = dep.start && dep.end ? this.getRange(dep.start, dep.end) : undefined;
      if (known && known.idInGraph !== undefined) this.graph.addEdge(known.idInGraph, end);
      else rest.push(dep);
    }
    if (rest.length) original.call(this, rest, endVertex);
  };
}

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

function generator(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const int = (a, b) => a + Math.floor(rand() * (b - a + 1));
  const col = (c) => String.fromCharCode(65 + c);
  const texts = ["a", "A", "é", "e", "E", "É", "O1", "o1", "O10", "x*", "x1", "?1", "", " a", "On track", "Not started", "b~", "5", "TRUE"];
  const value = () => {
    const r = rand();
    if (r < 0.2) return null;
    if (r < 0.5) return pick([0, 1, 2, -1, 3.5, 1e-9, 42, 0.1 + 0.2, 100]);
    if (r < 0.7) return pick(["a", "A", "é", "É", "e", "E"]);
    if (r < 0.92) return pick(texts);
    return pick([true, false]);
  };
  // Data in columns A-D, formulas in F-G: a range reads data, now and then the formula column F (chains;
  // a formula of F reading F is a cycle).
  const dataCol = () => (rand() < 0.9 ? int(0, 3) : 5);
  const prefix = (names) => (rand() < 0.6 ? "" : `'${pick(names)}'!`);
  /** n ranges of one shape (as SUMIF and COUNTIFS want them, mostly): whole columns, or rows r1..r2. */
  const ranges = (names, n) => {
    const kind = rand();
    const r1 = int(1, 5), r2 = r1 + int(0, 12), sameShape = rand() < 0.9;
    return Array.from({ length: n }, () => {
      const c = dataCol(), p = prefix(names);
      if (kind < 0.5) return `${p}$${col(c)}:$${col(c)}`;
      if (kind < 0.55) return `${p}${r1}:${r1}`;
      if (kind < 0.6) return `${p}${col(c)}${r1}:${col(Math.min(c + 1, 5))}${r2}`;
      return `${p}$${col(c)}$${r1}:$${col(c)}$${sameShape ? r2 : r2 + 1}`;
    });
  };
  const cellRef = () => `$${col(int(0, 3))}${int(1, 12)}`;
  const criterion = () => pick([`"a"`, `"é"`, `"E"`, `"O1"`, `">1"`, `"<>a"`, `"=e"`, `"x*"`, `"?1"`, `""`, `"<>"`, `">=0"`, `1`, `0`, `"On track"`, cellRef(), cellRef(), `"*"`, `"<=2"`, `TRUE()`]);
  const formula = (names) => {
    const f = pick([
      () => { const [a, b] = ranges(names, 2); return `SUMIF(${a},${criterion()},${b})`; },
      () => `SUMIF(${ranges(names, 1)[0]},${criterion()})`,
      () => `COUNTIF(${ranges(names, 1)[0]},${criterion()})`,
      () => { const [a, b] = ranges(names, 2); return `COUNTIFS(${a},${criterion()},${b},${criterion()})`; },
      () => { const [a, b, c] = ranges(names, 3); return `SUMIFS(${a},${b},${criterion()},${c},${criterion()})`; },
      () => { const [a, b] = ranges(names, 2); return `AVERAGEIF(${a},${criterion()},${b})`; },
      () => { const [a, b] = ranges(names, 2); return `MINIFS(${a},${b},${criterion()})`; },
      () => { const [a, b] = ranges(names, 2); return `MAXIFS(${a},${b},${criterion()})`; },
      () => `MATCH(${pick([cellRef(), criterion(), `"a"`, `"É"`, `"e"`])},${ranges(names, 1)[0]},${pick([0, 0, 0, 1, -1])})`,
      () => `INDEX(${ranges(names, 1)[0]},${pick(["1", "2", "3", "1.5", "0", "20", `MATCH(${cellRef()},${ranges(names, 1)[0]},0)`, cellRef()])}${rand() < 0.5 ? "" : `,${pick(["1", "2", "1.5", "3"])}`})`,
      () => { const [a, b] = ranges(names, 2); return `IFERROR(INDEX(${a},MATCH(${cellRef()},${b},0)),"")`; },
      () => `VLOOKUP(${cellRef()},${ranges(names, 1)[0]},${pick([1, 2])},${pick([0, 1])})`,
      () => `HLOOKUP(${cellRef()},${ranges(names, 1)[0]},1,0)`,
      () => `${cellRef()}*2`,
      () => `SUM(${ranges(names, 1)[0]})`,
      () => { const [a, b, c] = ranges(names, 3); return `IF(${cellRef()}>1,SUMIF(${a},${cellRef()},${b}),COUNTIFS(${c},${criterion()}))`; },
      () => `SUMIF(Rng,${criterion()})`,
      () => `MATCH(${cellRef()},Rng,0)`,
      () => `IFERROR(SUM(Named_two),-1)+{1,2;3,4}*0%+(-${cellRef()})`,
      () => ` IF( ${cellRef()} >1 , ( ${cellRef()} + 2.5 ) % ,"x" ) & MATCH( ${cellRef()} , ${ranges(names, 1)[0]} , 0 ) `,
    ]);
    return `=${f()}`;
  };
  const sheet = (names) => {
    const rows = [];
    for (let r = 0; r < int(3, 16); r++) {
      const row = [];
      for (let c = 0; c < 4; c++) row.push(value());
      row.push(null);
      for (let c = 5; c < 7; c++) row.push(rand() < 0.8 ? formula(names) : value());
      rows.push(row);
    }
    return rows;
  };
  return { pick, int, value, formula, sheet };
}

function show(values) {
  return JSON.stringify(values, (_, v) => (v && typeof v === "object" && "type" in v && "value" in v ? `#${v.type}:${v.message ?? ""}` : typeof v === "number" && !Number.isFinite(v) ? String(v) : v));
}

function run(seed, Edited, Plain) {
  const rand = rng(seed);
  const g = generator(rand);
  const names = ["S1", "S2", "S3"].slice(0, g.int(1, 3));
  const sheets = Object.fromEntries(names.map((n) => [n, g.sheet(names)]));
  const config = { licenseKey: "gpl-v3", useArrayArithmetic: false, evaluateNullToZero: true, caseSensitive: rand() < 0.2, accentSensitive: rand() < 0.8, useWildcards: rand() < 0.8, useRegularExpressions: rand() < 0.1, matchWholeCell: rand() < 0.9, undoLimit: 0, smartRounding: false };
  const named = [{ name: "Rng", expression: `='${names[0]}'!$A$1:$A$10` }];
  const engines = [Edited, Plain].map((HF) => HF.buildFromSheets(sheets, config, named));
  const log = [`build ${JSON.stringify(sheets)}`];
  const compare = (what) => {
    const [a, b] = engines.map((e) => show([e.getAllSheetsValues(), e.getAllSheetsSerialized(), e.getAllNamedExpressionsSerialized()]));
    if (a !== b) throw new Error(`seed ${seed}: values or formulas differ after ${what}\nedited ${a}\nplain  ${b}\n${log.join("\n")}`);
  };
  compare("build");
  for (let step = 0; step < 25; step++) {
    const sheetNames = engines[1].getSheetNames();
    const sheetId = engines[1].getSheetId(g.pick(sheetNames));
    const r = rand();
    let op;
    if (r < 0.5) {
      const addr = { sheet: sheetId, row: g.int(0, 16), col: g.int(0, 6) };
      const content = addr.col >= 5 && rand() < 0.7 ? g.formula(sheetNames) : g.value();
      op = (e) => e.setCellContents(addr, [[content]]);
      log.push(`set ${JSON.stringify(addr)} ${JSON.stringify(content)}`);
    } else if (r < 0.6) {
      const changes = Array.from({ length: g.int(2, 5) }, () => [{ sheet: sheetId, row: g.int(0, 16), col: g.int(0, 6) }, rand() < 0.3 ? g.formula(sheetNames) : g.value()]);
      op = (e) => e.batch(() => changes.forEach(([a, c]) => e.setCellContents(a, [[c]])));
      log.push(`batch ${JSON.stringify(changes)}`);
    } else if (r < 0.68) {
      const at = g.int(0, 12), n = g.int(1, 3);
      op = (e) => e.addRows(sheetId, [at, n]);
      log.push(`addRows ${sheetId} ${at} ${n}`);
    } else if (r < 0.76) {
      const at = g.int(0, 12), n = g.int(1, 3);
      op = (e) => e.removeRows(sheetId, [at, n]);
      log.push(`removeRows ${sheetId} ${at} ${n}`);
    } else if (r < 0.8) {
      const at = g.int(0, 5);
      op = (e) => e.addColumns(sheetId, [at, 1]);
      log.push(`addColumns ${sheetId} ${at}`);
    } else if (r < 0.84) {
      const at = g.int(0, 5);
      op = (e) => e.removeColumns(sheetId, [at, 1]);
      log.push(`removeColumns ${sheetId} ${at}`);
    } else if (r < 0.88) {
      const from = { sheet: sheetId, row: g.int(0, 10), col: g.int(0, 4) };
      const to = { sheet: sheetId, row: g.int(0, 10), col: g.int(0, 4) };
      op = (e) => { if (e.isItPossibleToMoveCells({ start: from, end: from }, to)) e.moveCells({ start: from, end: from }, to); };
      log.push(`move ${JSON.stringify(from)} ${JSON.stringify(to)}`);
    } else if (r < 0.92) {
      const f = g.formula(sheetNames);
      const got = engines.map((e) => show(e.calculateFormula(f, sheetId)));
      log.push(`calculate ${f}`);
      if (got[0] !== got[1]) throw new Error(`seed ${seed}: calculateFormula ${f} differs: ${got[0]} / ${got[1]}\n${log.join("\n")}`);
      continue;
    } else if (r < 0.93) {
      const name = g.pick(["S1", "S2", "S3", "Renamed", "Named_two"]);
      op = (e) => { if (e.isItPossibleToRenameSheet(sheetId, name)) e.renameSheet(sheetId, name); };
      log.push(`renameSheet ${sheetId} ${name}`);
    } else if (r < 0.94) {
      const add = rand() < 0.6, expression = `='${g.pick(sheetNames)}'!$B$1:$B$${g.int(1, 12)}`;
      op = (e) => { if (add && e.isItPossibleToAddNamedExpression("Named_two", expression)) e.addNamedExpression("Named_two", expression); else if (!add && e.isItPossibleToRemoveNamedExpression("Named_two")) e.removeNamedExpression("Named_two"); };
      log.push(add ? `addNamedExpression Named_two ${expression}` : "removeNamedExpression Named_two");
    } else if (r < 0.96 && sheetNames.length < 4) {
      const name = `N${step}`;
      const rows = g.sheet([...sheetNames, name]);
      op = (e) => { e.addSheet(name); e.setSheetContent(e.getSheetId(name), rows); };
      log.push(`addSheet ${name} ${JSON.stringify(rows)}`);
    } else if (sheetNames.length > 1) {
      op = (e) => e.removeSheet(sheetId);
      log.push(`removeSheet ${sheetId}`);
    } else continue;
    const outcome = engines.map((e) => { try { op(e); return "ok"; } catch (err) { return `threw ${err.message}`; } });
    if (outcome[0] !== outcome[1]) throw new Error(`seed ${seed}: ${log.at(-1)}: ${outcome[0]} / ${outcome[1]}\n${log.join("\n")}`);
    compare(log.at(-1));
  }
  engines.forEach((e) => e.destroy());
}

const seeds = Number(process.argv[2] ?? 150);
const first = Number(process.argv[3] ?? 1);
const dir = mkdtempSync(join(tmpdir(), "hf-compare-"));
try {
  const Edited = await bundle(dir, true);
  const Plain = await bundle(dir, false);
  okrPatches(Edited);
  okrPatches(Plain);
  for (let s = first; s < first + seeds; s++) run(s, Edited, Plain);
  console.log(`hyperformula-compare: ${seeds} seeds (${first}..${first + seeds - 1}), the same values and formulas in both engines`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
