// `okr-sheets … | head -1`: the reader closes the pipe before the command has printed everything. Until
// session 14 the next write crashed the command with Node's "Unhandled 'error' event … write EPIPE" stack
// trace and exit 1, though its work was done (`rollup company.xlsx | head -1` after the file was saved).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { BIN } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "okr-pipe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("A command whose output pipe is closed", () => {
  it("finishes its work quietly: no stack trace, exit 0, the file written and unlocked", async () => {
    const child = spawn(process.execPath, [BIN, "new", "p.xlsx", "--template", "operations", "--at", "2026-01-05"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy(); // as `head` does once it has its lines
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const status = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(existsSync(join(dir, "p.xlsx"))).toBe(true);
    expect(existsSync(join(dir, "p.xlsx.lock"))).toBe(false);
  }, 60_000);
});
