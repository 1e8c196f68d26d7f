import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { loadAddon } from "../../../src/local/sheets";
import { setup } from "./helpers";

// A tiny "built add-on": an IIFE namespace plus top-level wrappers, like dist/Code.js.
const CODE = `
var OkrSheets = (function () {
  var loadedAt = typeof Date.now();
  function today() {
    var d = new Date();
    return { iso: d.toISOString(), isDate: Object.prototype.toString.call(d) === "[object Date]", now: Date.now(), explicit: new Date(0).getTime() };
  }
  function echo(x) {
    var out = { got: x, isArray: Array.isArray(x.list), protoIsCtxObject: Object.getPrototypeOf(x) === Object.prototype };
    if (x.withDate) out.at = new Date(Date.UTC(2026, 0, 2));
    return out;
  }
  function writeAndRead(values, raw) {
    var sheet = SpreadsheetApp.getActive().getSheets()[0];
    sheet.getRange(1, 1, values.length, values[0].length).setValues(values);
    var v = sheet.getDataRange().getValues();
    var shown = raw ? v : v.map(function (r) { return r.map(function (c) { return c instanceof Date ? "a Date" : c; }); });
    return { values: shown, date: Object.prototype.toString.call(v[0][1]), instance: v[0][1] instanceof Date };
  }
  function activeOrNull() {
    return SpreadsheetApp.getActive() === null ? "none" : SpreadsheetApp.getActive().getName();
  }
  function onOpen(e) {
    SpreadsheetApp.getUi().createAddonMenu().addItem("Check in", "openCheckin").addToUi();
    return e && e.authMode;
  }
  function fail() {
    throw new Error("Invalid input: value");
  }
  // Module-level state, as an esbuild bundle keeps a module's \`let\`: Apps Script starts each execution without it.
  var calls = 0;
  function remember() {
    calls++;
    globalThis.leaked = (globalThis.leaked || 0) + 1;
    Array.prototype.patched = (Array.prototype.patched || 0) + 1;
    var seen = { calls: calls, leaked: globalThis.leaked, patched: [].patched };
    // Any counted call: a test may run another execution there (counters.listener).
    SpreadsheetApp.getActive().getName();
    seen.callsAfter = calls;
    return seen;
  }
  function stick() {
    var before = typeof globalThis.stuck;
    Object.defineProperty(globalThis, "stuck", { value: 1, configurable: false });
    return before;
  }
  return { today: today, echo: echo, writeAndRead: writeAndRead, activeOrNull: activeOrNull, onOpen: onOpen, fail: fail, remember: remember, stick: stick, loadedAt: loadedAt };
})();
function today() { return OkrSheets.today.apply(this, arguments); }
function echo() { return OkrSheets.echo.apply(this, arguments); }
function writeAndRead() { return OkrSheets.writeAndRead.apply(this, arguments); }
function activeOrNull() { return OkrSheets.activeOrNull.apply(this, arguments); }
function onOpen() { return OkrSheets.onOpen.apply(this, arguments); }
function fail() { return OkrSheets.fail.apply(this, arguments); }
function remember() { return OkrSheets.remember.apply(this, arguments); }
function stick() { return OkrSheets.stick.apply(this, arguments); }
`;

describe("loadAddon", () => {
  it("loads without touching any service", () => {
    const { services } = setup();
    loadAddon(CODE, services);
    expect(services.counters.serviceCalls).toBe(0);
  });

  it("every call is an execution with fresh globals, as Apps Script starts each one; the services' state persists", () => {
    const { services } = setup();
    const addon = loadAddon(CODE, services);
    const first = { calls: 1, leaked: 1, patched: 1, callsAfter: 1 };
    expect(addon.call("remember")).toEqual(first);
    // Not 2: the module's counter, a global the code set and a built-in it patched all went with the execution.
    expect(addon.call("remember")).toEqual(first);
    // Another add-on of the same workbook (a workbook opened again) starts fresh too, and nothing reached the services' globals.
    expect(loadAddon(CODE, services).call("remember")).toEqual(first);
    expect((services.globals as Record<string, unknown>).leaked).toBeUndefined();
    // A global that cannot be deleted goes too (the next execution gets a new context).
    expect(addon.call("stick")).toBe("undefined");
    expect(addon.call("stick")).toBe("undefined");
    expect(([] as unknown as { patched?: number }).patched).toBeUndefined();
    // What the services hold is the workbook's: a write made in one execution is read in the next.
    addon.call("writeAndRead", [["kept"]]);
    expect((addon.call("writeAndRead", [["kept"]]) as { values: unknown[][] }).values).toEqual([["kept"]]);
  });

  it("a call made during another (a check-in during a trigger run) has globals of its own, and leaves the outer's alone", () => {
    const { services } = setup();
    const addon = loadAddon(CODE, services);
    let inner: unknown = null;
    services.counters.listener = (name) => {
      if (name !== "Spreadsheet.getName" || inner !== null) return;
      inner = "running";
      inner = addon.call("remember");
    };
    const outer = addon.call("remember");
    services.counters.listener = null;
    expect(inner).toEqual({ calls: 1, leaked: 1, patched: 1, callsAfter: 1 });
    expect(outer).toEqual({ calls: 1, leaked: 1, patched: 1, callsAfter: 1 });
  });

  it("new Date() and Date.now() inside follow the clock; other Date forms behave normally", () => {
    const { services } = setup({ now: new Date("2026-01-05T12:00:00Z") });
    const addon = loadAddon(CODE, services);
    expect(addon.call("today")).toEqual({ iso: "2026-01-05T12:00:00.000Z", isDate: true, now: Date.parse("2026-01-05T12:00:00Z"), explicit: 0 });
    services.clock.set(new Date("2026-03-01T08:00:00Z"));
    expect((addon.call("today") as { iso: string }).iso).toBe("2026-03-01T08:00:00.000Z");
  });

  it("call carries arguments into the context realm and results back out by google.script.run's rules", () => {
    const { services } = setup();
    const addon = loadAddon(CODE, services);
    const arg = { list: [1, undefined], skip: undefined };
    const out = addon.call("echo", arg) as Record<string, unknown>;
    // Undefined fields are dropped, undefined in an array is null.
    expect(out).toEqual({ got: { list: [1, null] }, isArray: true, protoIsCtxObject: true });
    // A return holding a Date arrives as null whole (scriptRun.ts).
    expect(addon.call("echo", { list: [], withDate: true })).toBeNull();
    expect(() => addon.call("echo", { list: [], when: new Date("2026-01-01T00:00:00Z") })).toThrow(/cannot send a Date/);
    expect(() => addon.call("nope")).toThrow("Script function not found: nope");
    expect(() => addon.call("fail")).toThrow("Invalid input: value");
  });

  it("spreadsheet values reach the add-on as the context's Date, and a return holding one arrives as null", () => {
    const { services } = setup();
    const addon = loadAddon(CODE, services);
    const out = addon.call("writeAndRead", [["a", "2026-01-05", "3,5", "'=x"]]) as { values: unknown[][]; date: string; instance: boolean };
    expect(out).toEqual({ values: [["a", "a Date", "3,5", "=x"]], date: "[object Date]", instance: true });
    expect(services.counters.byMethod["Range.setValues"]).toBe(1);
    expect(services.counters.cellsRead).toBe(4);
    expect(addon.call("writeAndRead", [["a", "2026-01-05", "3,5", "'=x"]], true)).toBeNull();
  });

  it("top-level functions take event objects, and see runningTrigger", () => {
    const { services } = setup();
    const addon = loadAddon(CODE, services);
    expect(addon.call("onOpen", { authMode: "LIMITED" })).toBe("LIMITED");
    expect(services.ui.menus).toEqual([{ name: "Add-on", items: [{ caption: "Check in", fn: "openCheckin" }] }]);
    expect(addon.call("activeOrNull")).toBe("Test");
    services.runningTrigger = true;
    expect(addon.call("activeOrNull")).toBe("none");
  });
});
