// The codebase's shape rules (docs/ and HELPERS: files under ~500 lines, no import cycles), checked so
// that a split file or a new import that closes a loop fails here instead of in review. They hold for the
// add-on and offline code (src/), the benchmark (bench/) and the tests (test/, their shared helpers in
// test/support/ included).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "@jest/globals";
import { build } from "esbuild";
import { expect } from "./support/expect";

const root = join(import.meta.dirname, "..");
const MAX_LINES = 500;
/** The folders the rules cover, relative to the repository. */
const ROOTS = ["src", "bench", "test"];
const covered = (file: string) => ROOTS.some((r) => file.startsWith(`${r}/`));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Runtime imports between the covered files (type-only imports vanish in the build, as they do at run time). */
async function importGraph(files: string[]): Promise<Map<string, string[]>> {
  const result = await build({
    entryPoints: files,
    bundle: true,
    write: false,
    metafile: true,
    outdir: join(root, ".structure-test-out"),
    platform: "node",
    format: "esm",
    // Modules shared by entry points go to shared chunks, written once: without it each of the ~370 entry
    // points got its own copy of everything it imports (7-13 s of esbuild at load 10, 1-2.5 s with it).
    // The metafile's imports are the same either way.
    splitting: true,
    packages: "external",
    logLevel: "silent",
  });
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    if (!covered(file)) continue;
    graph.set(file, input.imports.map((i) => i.path).filter(covered));
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as the list of files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === "open") found.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  return found;
}

describe("source structure", () => {
  const files = ROOTS.flatMap((r) => sourceFiles(join(root, r)));

  it(`has no file in ${ROOTS.join(", ")} over ${MAX_LINES} lines`, () => {
    const long = files
      .map((f) => ({ file: relative(root, f), lines: readFileSync(f, "utf8").split("\n").length }))
      .filter((x) => x.lines > MAX_LINES)
      .map((x) => `${x.file} (${x.lines} lines)`);
    expect(long, "split these files").toEqual([]);
  });

  it(`has no import cycle in ${ROOTS.join(", ")}`, async () => {
    const graph = await importGraph(files);
    for (const r of ROOTS) expect([...graph.keys()].filter((f) => f.startsWith(`${r}/`)).length, `the import graph covers ${r}/`).toBeGreaterThan(5);
    expect(graph.size, "the import graph covers src/").toBeGreaterThan(50);
    expect(cycles(graph).map((c) => c.join(" -> ")), "break these cycles").toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cycles(g)).toEqual([["a", "b", "c", "a"]]);
  });
});
