// Saving over a hard-linked tracker (safeWrite.ts). A rename would leave the other names on the old
// content, so such a file is rewritten in place; the new content is first written in full beside it, so a
// save that cannot write it all (a full disk, a quota, here a file-size limit that kills the process) stops
// before the tracker is touched. Before, the bytes were written straight over the tracker: the same limit
// left it half new, half gone, under every name.
import { spawnSync } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { build } from "esbuild";
import { expect } from "../support/expect";
import { writeKeepingFile } from "../../src/local/safeWrite";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dir = mkdtempSync(join(tmpdir(), "okr-safewrite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const p = (name: string) => join(dir, name);
const OLD = Buffer.alloc(1000, "o");
const NEW = Buffer.alloc(20_000, "n");

/** A file with a second name; the two share one inode. */
function linked(name: string): [string, string] {
  writeFileSync(p(name), OLD);
  linkSync(p(name), p(`${name}.2`));
  return [p(name), p(`${name}.2`)];
}

// The child runs writeKeepingFile bundled to plain JavaScript (one file, made here before any limit), so
// under the limit node loads it without writing anything: a TypeScript loader would write its cache first
// and could hit the limit before the save starts. Node alone ignores SIGXFSZ (a write past the limit fails
// with EFBIG), but the save loads proper-lockfile (fileLock.ts), whose signal-exit handles SIGXFSZ by
// raising it again: the okr-sheets process, like this child, is killed by it mid-write.
const SAVER = p("save.cjs");
const STARTED = "save starts";
beforeAll(async () => {
  const child = [
    `import { writeKeepingFile } from "./src/local/safeWrite";`,
    `const [file, size] = process.argv.slice(2);`,
    `process.stdout.write(${JSON.stringify(`${STARTED}\n`)});`,
    `writeKeepingFile(file, Buffer.alloc(Number(size), "n")).then(() => process.stdout.write("saved\\n"));`,
  ].join("\n");
  await build({
    stdin: { contents: child, resolveDir: ROOT, loader: "ts" },
    bundle: true, platform: "node", format: "cjs", outfile: SAVER, logLevel: "silent",
  });
});

/** writeKeepingFile of NEW in a child process allowed to write files of at most `kb` KB (ulimit -f). */
function saveUnderLimit(file: string, kb: number) {
  const env = { ...process.env };
  delete env.NODE_COMPILE_CACHE; // node would write its compile cache under the limit
  delete env.NODE_OPTIONS; // jest's flags are not the child's
  // The timeout (under jest's 180 s) only keeps a stuck child from hanging the run: a timed-out child is
  // killed by SIGTERM, not SIGXFSZ, which the test requires.
  const command = `ulimit -f ${kb}; exec "${process.execPath}" "${SAVER}" "${file}" ${NEW.length}`;
  return spawnSync("bash", ["-c", command], { env, encoding: "utf8", timeout: 150_000 });
}

const beside = (name: string) => readdirSync(dir).filter((n) => n.startsWith(`.${name}`));

describe("Saving a hard-linked file", () => {
  it("rewrites it in place: every name shows the new content, one inode, nothing left beside it", async () => {
    const [a, b] = linked("plain.xlsx");
    await writeKeepingFile(b, NEW);
    expect(readFileSync(a).equals(NEW)).toBe(true);
    expect(statSync(a).ino).toBe(statSync(b).ino);
    expect(beside("plain.xlsx")).toEqual([]);
  });

  it("a save that cannot write the whole new content leaves the tracker as it was under every name", async () => {
    const [a, b] = linked("limited.xlsx");
    const run = saveUnderLimit(b, 8); // 8 KB: less than the new content's 20 KB
    const said = `status ${run.status}, signal ${run.signal}, ${run.error ?? ""}\n${run.stdout}${run.stderr}`;
    expect(run.stdout, said).toBe(`${STARTED}\n`); // the save ran and did not finish
    expect(run.signal, said).toBe("SIGXFSZ"); // and was stopped by the file-size limit
    expect(readFileSync(a).equals(OLD)).toBe(true);
    expect(readFileSync(b).equals(OLD)).toBe(true);
    expect(statSync(a).ino).toBe(statSync(b).ino);
    // What the killed save left is its temporary file, cut at the limit; the next save removes it (its
    // process is gone) and succeeds.
    const left = beside("limited.xlsx.2");
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/\.tmp$/);
    expect(statSync(p(left[0])).size).toBe(8 * 1024);
    await writeKeepingFile(b, NEW);
    expect(readFileSync(a).equals(NEW)).toBe(true);
    expect(beside("limited.xlsx.2")).toEqual([]);
  });

  it("a path that cannot be rewritten (a directory, which has several links) is refused in one line, nothing left beside it", async () => {
    const folder = p("folder.xlsx");
    mkdirSync(folder);
    await expect(writeKeepingFile(folder, NEW)).rejects.toThrow(/^could not save .*folder\.xlsx: [^\n]*EISDIR[^\n]*$/);
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(beside("folder.xlsx")).toEqual([]);
  });
});
