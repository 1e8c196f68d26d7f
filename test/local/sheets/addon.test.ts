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
    return { got: x, isArray: Array.isArray(x.list), protoIsCtxObject: Object.getPrototypeOf(x) === Object.prototype, at: new Date(Date.UTC(2026, 0, 2)) };
  }
  function writeAndRead(values) {
    var sheet = SpreadsheetApp.getActive().getSheets()[0];
    sheet.getRange(1, 1, values.length, values[0].length).setValues(values);
    var v = sheet.getDataRange().getValues();
    return { values: v, date: Object.prototype.toString.call(v[0][1]), instance: v[0][1] instanceof Date };
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
  return { today: today, echo: echo, writeAndRead: writeAndRead, activeOrNull: activeOrNull, onOpen: onOpen, fail: fail, loadedAt: loadedAt };
})();
function today() { return OkrSheets.today.apply(this, arguments); }
function echo() { return OkrSheets.echo.apply(this, arguments); }
function writeAndRead() { return OkrSheets.writeAndRead.apply(this, arguments); }
function activeOrNull() { return OkrSheets.activeOrNull.apply(this, arguments); }
function onOpen() { return OkrSheets.onOpen.apply(this, arguments); }
function fail() { return OkrSheets.fail.apply(this, arguments); }
`;

describe("loadAddon", () => {
  it("loads without touching any service, in a fresh context each time", () => {
    const { services } = setup();
    const a = loadAddon(CODE + "; var mark = 1;", services);
    expect(services.counters.serviceCalls).toBe(0);
    const b = loadAddon(CODE, services);
    expect(a.mark).toBe(1);
    expect(b.mark).toBeUndefined();
    expect(typeof b.today).toBe("function");
    expect((services.globals as Record<string, unknown>).mark).toBeUndefined();
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
    // A Date returned arrives as null; undefined fields are dropped, undefined in an array is null.
    expect(out).toEqual({ got: { list: [1, null] }, isArray: true, protoIsCtxObject: true, at: null });
    expect(() => addon.call("echo", { list: [], when: new Date("2026-01-01T00:00:00Z") })).toThrow(/cannot send a Date/);
    expect(() => addon.call("nope")).toThrow("Script function not found: nope");
    expect(() => addon.call("fail")).toThrow("Invalid input: value");
  });

  it("spreadsheet values reach the add-on as the context's Date, and a Date returned arrives as null", () => {
    const { services } = setup();
    const addon = loadAddon(CODE, services);
    const out = addon.call("writeAndRead", [["a", "2026-01-05", "3,5", "'=x"]]) as { values: unknown[][]; date: string; instance: boolean };
    expect(out).toEqual({ values: [["a", null, "3,5", "=x"]], date: "[object Date]", instance: true });
    expect(services.counters.byMethod["Range.setValues"]).toBe(1);
    expect(services.counters.cellsRead).toBe(4);
  });

  it("top-level functions can be called directly with event objects, and see runningTrigger", () => {
    const { services } = setup();
    const addon = loadAddon(CODE, services);
    expect((addon.onOpen as (e: unknown) => unknown)({ authMode: "LIMITED" })).toBe("LIMITED");
    expect(services.ui.menus).toEqual([{ name: "Add-on", items: [{ caption: "Check in", fn: "openCheckin" }] }]);
    expect(addon.call("activeOrNull")).toBe("Test");
    services.runningTrigger = true;
    expect(addon.call("activeOrNull")).toBe("none");
  });
});
