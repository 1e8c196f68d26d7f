// How `npm test` (scripts/test.mjs) reads package.json's build, typecheck and jest scripts, which it runs without
// npm or a shell (scripts/script-words.mjs). Until session 22 it split them on blanks: `a && b` ran `a` with
// "&&" and "b" as arguments, and `node -e "x y"` passed `"x` and `y"`. The parser alone, not the suite.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { binaryUnit } from "../support/fcUnits";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { scriptWords } = (await import(pathToFileURL(join(ROOT, "scripts", "script-words.mjs")).href)) as { scriptWords(name: string, script: unknown): string[] };
const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;

/** One word as sh reads it back: single-quoted, a ' inside closed, escaped and reopened. */
const quoted = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;

describe("scriptWords", () => {
  it("reads the three scripts npm test runs into the words a blank split gave (npm test runs as it did)", () => {
    for (const name of ["typecheck", "build", "jest"]) expect(scriptWords(name, scripts[name])).toEqual(scripts[name].trim().split(/\s+/));
  });

  it("keeps a quoted argument one word, without its quotes", () => {
    expect(scriptWords("jest", `node -e "console.log(1 + 2)" 'a "b"' c\\ d ""`)).toEqual(["node", "-e", "console.log(1 + 2)", 'a "b"', "c d", ""]);
    expect(scriptWords("jest", `node "say \\"hi\\" \\\\ \\x"`)).toEqual(["node", 'say "hi" \\ \\x']);
  });

  it("gives back any words quoted as a shell would", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: binaryUnit }), { minLength: 1, maxLength: 5 }), (ws) => {
        expect(scriptWords("jest", ["node", ...ws].map(quoted).join(" "))).toEqual(["node", ...ws]);
      }),
    );
  });

  it("refuses shell syntax with one line naming the script and what it cannot run", () => {
    const cases: [string, string][] = [
      ["node scripts/build.mjs && tsx bench/run.ts", `"&&"`],
      ["jest || true", `"||"`],
      ["jest | tee out.txt", `"|"`],
      ["jest; echo done", `";"`],
      ["jest > out.txt", `">"`],
      ["jest &", `"&"`],
      ["echo $HOME", `"$"`],
      [`echo "$HOME"`, `"$" inside double quotes`],
      ["rm dist/*.js", `"*"`],
      ["ls ~/x", `"~"`],
      ["jest # all", `"#"`],
      ["OKR_RHYTHM=1 node scripts/build.mjs", "the variable OKR_RHYTHM=1 set before its command"],
      ["node -e 'x", "a ' quote it does not close"],
    ];
    for (const [script, what] of cases) {
      const e = (() => {
        try {
          scriptWords("build", script);
        } catch (err) {
          return (err as Error).message;
        }
        return "no refusal";
      })();
      expect(e, script).toBe(
        `npm test: package.json's "build" script (${script}) holds ${what}, which scripts/test.mjs does not run (it runs a script as one plain command, without a shell): keep it one command, or move the rest to a script file.`,
      );
    }
    expect(() => scriptWords("jest", undefined)).toThrow(`npm test: package.json has no "jest" script, which scripts/test.mjs runs.`);
    expect(() => scriptWords("jest", "  ")).toThrow(`npm test: package.json's "jest" script is empty.`);
  });

  it("keeps a # or ~ inside a word, where a shell keeps it", () => {
    expect(scriptWords("jest", "node a#b x~y --k=v")).toEqual(["node", "a#b", "x~y", "--k=v"]);
  });
});
