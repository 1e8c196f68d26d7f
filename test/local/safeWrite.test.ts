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
import { afterAll, describe, it } from "@jest/globals";
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

/** writeKeepingFile in a child process allowed to write files of at most `kb` KB (ulimit -f). */
function saveUnderLimit(file: string, kb: number) {
  const script = p("save.mjs");
  writeFileSync(script, `import { writeKeepingFile } from ${JSON.stringify(join(ROOT, "src/local/safeWrite.ts"))};\nawait writeKeepingFile(process.argv[2], Buffer.alloc(${NEW.length}, "n"));\n`);
  return spawnSync("bash", ["-c", `ulimit -f ${kb}; exec "${process.execPath}" --import tsx "${script}" "${file}"`], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
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
    expect(run.status, `the save must fail: ${run.stdout}${run.stderr}`).not.toBe(0);
    expect(readFileSync(a).equals(OLD)).toBe(true);
    expect(readFileSync(b).equals(OLD)).toBe(true);
    expect(statSync(a).ino).toBe(statSync(b).ino);
    // What the killed save left is a temporary file, removed by the next save, which then succeeds.
    expect(beside("limited.xlsx.2").every((n) => n.endsWith(".tmp"))).toBe(true);
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
