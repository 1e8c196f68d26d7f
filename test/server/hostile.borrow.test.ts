// borrow() (test/support/hostile.ts) lends one workbook to many refusal tests: it must never lend one a test
// changed, or a later test would start from another's leftovers.
import { it } from "@jest/globals";
import { expect } from "../support/expect";
import { ADMIN, borrow, everything } from "../support/hostile";
import { ss } from "../support/tracker";

it("a workbook handed back changed (a cell, a document property, developer metadata) is not lent again; an unchanged one is", () => {
  const a = borrow("tracker", ADMIN);
  ss(a.wb).getSheetByName("Settings")!.getRange("Z1").setValue("left behind");
  a.giveBack(everything(a.wb));
  const b = borrow("tracker", ADMIN);
  expect(b.wb).not.toBe(a.wb);
  expect(everything(b.wb)).toBe(b.before);

  b.giveBack(everything(b.wb));
  const c = borrow("tracker", ADMIN);
  expect(c.wb).toBe(b.wb);
  const props = c.wb.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  props.getDocumentProperties().setProperty("left", "behind");
  c.giveBack(everything(c.wb));
  const d = borrow("tracker", ADMIN);
  expect(d.wb).not.toBe(c.wb);

  // Developer metadata (where the weekly refresh keeps its record) is not in everything() either.
  d.giveBack(everything(d.wb));
  const e = borrow("tracker", ADMIN);
  expect(e.wb).toBe(d.wb);
  ss(e.wb).addDeveloperMetadata("left", "behind");
  e.giveBack(everything(e.wb));
  expect(borrow("tracker", ADMIN).wb).not.toBe(e.wb);
});
