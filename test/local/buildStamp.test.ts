// `npm start` skips the build only while nothing the build reads or wrote changed (scripts/build-stamp.mjs):
// a change to any source, script, manifest or installed dependency, a rhythm build, or an edited output
// builds again. (test/local/demoServe.test.ts checks that a second `npm start` on a fresh clone skips it.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";

interface Stamp {
  inputsHash(root: string, env?: Record<string, string | undefined>): string | null;
  upToDate(root: string, env?: Record<string, string | undefined>): boolean;
  writeStamp(root: string, env?: Record<string, string | undefined>, inputs?: string | null): void;
  clearStamp(root: string): void;
}
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scripts", "build-stamp.mjs");
const { inputsHash, upToDate, writeStamp, clearStamp } = (await import(pathToFileURL(SCRIPT).href)) as Stamp;

const base = mkdtempSync(join(tmpdir(), "okr-build-stamp-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  "package.json": '{"name":"okr-sheets"}',
  "tsconfig.json": "{}",
  "appsscript.json": "{}",
  "appsscript.rhythm.json": '{"rhythm":true}',
  "node_modules/.package-lock.json": '{"packages":{"node_modules/esbuild":{"version":"0.28.2"}}}',
  "src/server/index.ts": "export const a = 1;\n",
  "src/client/sidebar.html": "<html></html>\n",
  "scripts/build.mjs": "// build\n",
  "dist/Code.js": "function a() {}\n",
  "dist/Sidebar.html": "<html>built</html>\n",
  "dist/appsscript.json": "{}",
  "build/cli.mjs": "// cli\n",
  "build/cli.cjs": "// okr-sheets abc\n",
};
let root = "";
const write = (f: string, text: string) => {
  mkdirSync(dirname(join(root, f)), { recursive: true });
  writeFileSync(join(root, f), text);
};

beforeEach(() => {
  root = mkdtempSync(join(base, "repo-"));
  for (const [f, text] of Object.entries(FILES)) write(f, text);
  writeStamp(root, {});
});

describe("build --if-changed", () => {
  it("skips a build whose sources and outputs are as the last build left them, and only then", () => {
    expect(upToDate(root, {})).toBe(true);
    clearStamp(root);
    expect(upToDate(root, {}), "no stamp: never built here").toBe(false);
  });

  it.each([
    ["a source edited", "src/server/index.ts", "export const a = 2;\n"],
    ["a source added", "src/core/new.ts", "export {};\n"],
    ["a build script edited", "scripts/build.mjs", "// build, edited\n"],
    ["a manifest edited", "appsscript.rhythm.json", '{"rhythm":false}'],
    ["tsconfig.json edited", "tsconfig.json", '{"compilerOptions":{}}'],
    ["a dependency reinstalled at another version", "node_modules/.package-lock.json", '{"packages":{"node_modules/esbuild":{"version":"0.29.0"}}}'],
    ["an output edited", "dist/Code.js", "function b() {}\n"],
  ])("builds again after %s, and skips again once it is back", (_what, file, text) => {
    write(file, text);
    expect(upToDate(root, {})).toBe(false);
    if (file in FILES) {
      write(file, FILES[file]);
      expect(upToDate(root, {})).toBe(true);
    }
  });

  it("builds again after a source edited while the build ran (the stamp holds the inputs hashed before it)", () => {
    const before = inputsHash(root, {});
    write("src/server/index.ts", "export const a = 2;\n");
    writeStamp(root, {}, before);
    expect(upToDate(root, {})).toBe(false);
  });

  it("builds again for a rhythm build (OKR_RHYTHM=1) and when an output or the installed dependencies' record is gone", () => {
    expect(upToDate(root, { OKR_RHYTHM: "1" })).toBe(false);
    rmSync(join(root, "build/cli.cjs"));
    expect(upToDate(root, {})).toBe(false);
    write("build/cli.cjs", FILES["build/cli.cjs"]);
    expect(upToDate(root, {})).toBe(true);
    rmSync(join(root, "node_modules/.package-lock.json"));
    expect(upToDate(root, {})).toBe(false);
  });
});
