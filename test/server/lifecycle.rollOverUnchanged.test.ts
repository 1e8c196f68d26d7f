// Every refusal of the roll over, through the built add-on (dist/Code.js), ends "Nothing was changed.", as the
// reports' refusals of someone's own tab and Repair's do: each comes before anything is renamed, written or
// deleted, and a roll over is the one operation whose refusal leaves a user wondering whether the cycle was
// half archived. The refusals about the tabs said it; the ones before them (not a tracker, the cycle not
// closed, already rolled over, the Retrospective's header lost, reading the tracker, the new cycle's
// options and decisions) did not.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddonRaw, setSetting, ss } from "../support/tracker";
import { closedTracker, NEXT_CYCLE, snapshotSheets, tab, trackerInUse } from "../support/inUse";
import type { Workbook } from "../../src/local/runtime";

/** The roll over refused: not ok, one line, no tab changed; its message. */
function refused(wb: Workbook, opts: Record<string, unknown> = { start: NEXT_CYCLE }): string {
  const before = snapshotSheets(wb);
  const r = callAddonRaw(wb, "rollOverCycle", opts);
  expect(r.ok, `rolled over: ${JSON.stringify(r)}`).toBe(false);
  expect(r.message).not.toMatch(/\n/);
  expect(snapshotSheets(wb) === before, `a tab changed; the message: ${r.message}`).toBe(true);
  return r.message;
}

const CASES: { what: string; make: () => Workbook; opts?: Record<string, unknown>; message: string | RegExp }[] = [
  {
    what: "not a tracker",
    make: () => {
      const wb = trackerInUse();
      ss(wb).deleteSheet(tab(wb, "Settings"));
      return wb;
    },
    message: 'This spreadsheet is not an okr-sheets tracker (it has no "Settings" tab). Use "Set up tracker" first. Nothing was changed.',
  },
  {
    what: "the cycle not closed",
    make: () => trackerInUse(),
    message: 'Close the cycle first ("End cycle & retrospective"): roll over needs the Retrospective\'s decisions. Nothing was changed.',
  },
  {
    what: "the cycle already rolled over (its record kept)",
    make: () => {
      const wb = closedTracker();
      const props = (wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
      props.setProperty("okr.rolledOverFrom", "Order-to-delivery pilot|2026-01-05");
      return wb;
    },
    message: '"Order-to-delivery pilot" has already been rolled over. Nothing was changed.',
  },
  {
    what: "the Retrospective without its header row",
    make: () => {
      const wb = closedTracker();
      const retro = tab(wb, "Retrospective");
      retro.getRange(1, 1, retro.getMaxRows(), retro.getMaxColumns()).clearContent();
      retro.getRange("A1").setValue("our notes");
      return wb;
    },
    message:
      'The "Retrospective" tab has lost its header row (no row holds both "ID" and "Decision"). Close the cycle again ("End cycle & retrospective") to rewrite it, then set the decisions. Nothing was changed.',
  },
  {
    what: "a setting to fix (reading the tracker)",
    make: () => {
      const wb = closedTracker();
      setSetting(wb, "Length in weeks", "0");
      return wb;
    },
    message: /^Settings need fixing: Length in weeks must be a whole number from 1 to 52; it is "0"\. Nothing was changed\.$/,
  },
  {
    what: "a start date before the finished cycle's (closed early, on its day 16)",
    make: () => closedTracker(),
    opts: { start: "2025-12-01" },
    message: "The new cycle must start after the finished one: on 2026-01-21 or later (it was closed early, with final scores as of 2026-01-20), not 2025-12-01. Nothing was changed.",
  },
];

describe("every refusal of the roll over ends \"Nothing was changed.\"", () => {
  it.each(CASES)("$what", ({ make, opts, message }) => {
    const got = refused(make(), opts);
    if (typeof message === "string") expect(got).toBe(message);
    else expect(got).toMatch(message);
  });
});
