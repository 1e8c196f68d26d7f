// `okr-sheets repair` says a setting typed wrong, as the menu's Repair tracker does (it printed only what it
// restored, and the first to hear "Settings need fixing" was the next check-in).
import { describe, it } from "@jest/globals";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "../support/expect";
import { runCli } from "../support/cli";

describe("okr-sheets repair over Settings typed wrong", () => {
  it("prints the Settings line after what it restored, exit 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "okr-repair-settings-"));
    expect((await runCli(dir, ["new", "t.xlsx", "--template", "operations", "--start", "2026-01-05", "--at", "2026-01-06"])).status).toBe(0);
    expect((await runCli(dir, ["edit", "t.xlsx", "--sheet", "Settings", "--range", "B4", "--value", "0", "--at", "2026-01-06"])).status).toBe(0);
    const r = await runCli(dir, ["repair", "t.xlsx", "--at", "2026-01-06"]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[1]).toBe('Settings need fixing: Length in weeks must be a whole number from 1 to 52; it is "0".');
  });
});
