// The preview's add-on menu without a browser: /menu runs the built add-on's menu entry points, a question
// stops the run with nothing saved, answers are checked, and the notices say which day is "today".
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { startPreviewServer } from "../../../src/local/preview";
import { openWorkbook } from "../../../src/local/runtime";
import { previewBackend, previewClock } from "../../../src/local/serve";
import { todayNotice } from "../../../src/local/previewNotices";
import { loadXlsx, saveXlsx } from "../../../src/local/xlsx";
import { newTracker } from "../../support/tracker";

let file: string;
beforeAll(async () => {
  const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
  file = join(mkdtempSync(join(tmpdir(), "okr-preview-menu-node-")), "tracker.xlsx");
  await saveXlsx(file, wb.services.toSnapshot());
});

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  if (close) await close();
  close = null;
});

async function start(): Promise<string> {
  const s = await startPreviewServer(previewBackend(await openWorkbook(file, { at: "2026-01-20" })), { port: 0 });
  close = s.close;
  return s.url;
}

const menu = (url: string, body: unknown) =>
  fetch(new URL("/menu", url), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const sha = () => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("POST /menu", () => {
  it("a question stops the run with the file untouched; the answer runs it to the end", async () => {
    const url = await start();
    const before = sha();
    const asked = await (await menu(url, { fn: "menuClose", answers: [] })).json();
    expect(asked).toEqual({
      done: false,
      ask: {
        kind: "alert",
        title: "End cycle & retrospective",
        prompt: "Create the Retrospective tab with final scores and grades? Check-ins stay open until a week after the cycle's last day, or until you roll over.",
        buttons: ["OK", "CANCEL"],
      },
    });
    expect(sha()).toBe(before);
    const done = await (await menu(url, { fn: "menuClose", answers: [{ button: "OK" }] })).json();
    expect(done.done).toBe(true);
    expect(done.tab).toBe("Retrospective");
    expect(done.messages[0].text).toMatch(/^The "Retrospective" tab lists 10 objectives and key results/);
    expect((await loadXlsx(file)).sheets.map((s) => s.name)).toContain("Retrospective");
  });

  it("a prompt's text is the add-on's answer", async () => {
    const url = await start();
    const r = await (await menu(url, { fn: "menuRollOver", answers: [{ button: "OK", text: "2026-13-01" }] })).json();
    expect(r.done).toBe(true);
    expect(r.messages[0].text).toBe('"2026-13-01" is not a date the add-on can read: there is no such day on the calendar.\nNothing was changed.');
  });

  it.each([
    ["an item the menu does not offer offline", { fn: "menuWeekly" }, /^Unknown menu item: menuWeekly$/],
    ["a server function that is not a menu item", { fn: "submitCheckin" }, /^Unknown menu item/],
    ["a button Apps Script does not have", { fn: "menuClose", answers: [{ button: "MAYBE" }] }, /^answers must be/],
    ["answers that are not a list", { fn: "menuClose", answers: "OK" }, /^answers must be/],
  ])("refuses %s (400, nothing run)", async (...[, body, message]) => {
    const url = await start();
    const before = sha();
    const res = await menu(url, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(message as RegExp);
    expect(sha()).toBe(before);
  });
});

describe("today in the preview", () => {
  it("is named when it is not the real date, and not otherwise", () => {
    expect(todayNotice("2026-11-15", "2026-11-28")?.text).toBe(
      "Today is taken as Sunday 2026-11-15, not the real date (2026-11-28): check-ins and the add-on menu's actions are dated that day.",
    );
    expect(todayNotice("2026-11-28", "2026-11-28")).toBeNull();
    expect(todayNotice(undefined, "2026-11-28")).toBeNull();
  });

  it("the clock stays on the day and gives each write a minute of its own", () => {
    const now = previewClock("2026-01-20", Date.now());
    const a = now(true);
    const b = now(false);
    const c = now(true);
    expect(a.toISOString().slice(0, 10)).toBe("2026-01-20");
    expect(a.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-01-20T12:01:00Z"));
    expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
    expect(c.getTime() - a.getTime()).toBeGreaterThanOrEqual(60_000);
    const late = previewClock("2026-01-20", Date.now() - 30 * 3600_000);
    expect(late(true).toISOString().slice(0, 10)).toBe("2026-01-20");
  });
});
