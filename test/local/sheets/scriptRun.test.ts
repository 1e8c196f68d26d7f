// google.script.run's rules for what crosses between sidebar and server, as the offline runtime applies them.
import vm from "node:vm";
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { crossScriptRun } from "../../../src/local/sheets/scriptRun";
import { loadAddon } from "../../../src/local/sheets";
import { callAddon, newTracker } from "../../support/tracker";
import { setup } from "./helpers";

describe("google.script.run serialisation (Google's rules, not JSON)", () => {
  it("functions and undefined fields are dropped; undefined in an array is null", () => {
    const other = vm.runInNewContext("({ nested: { f: function () {}, u: undefined, n: 1 }, list: [1, undefined, 'x'] })");
    expect(crossScriptRun(other, "toClient")).toEqual({ nested: { n: 1 }, list: [1, null, "x"] });
  });

  it("a return holding a Date anywhere arrives as null as a whole, not with the Date alone nulled", () => {
    // Reported from live runs (a getValues() grid with a date cell reaches the success handler as null);
    // offline only the Date was nulled, so a sidebar given one date among its data still drew the rest.
    expect(crossScriptRun(vm.runInNewContext("new Date(0)"), "toClient")).toBeNull();
    expect(crossScriptRun(vm.runInNewContext("({ n: 1, deep: { list: [1, [new Date(2)]] } })"), "toClient")).toBeNull();
    expect(crossScriptRun(vm.runInNewContext("[['Start date', new Date(0)], ['Weeks', 13]]"), "toClient")).toBeNull();
    expect(crossScriptRun(vm.runInNewContext("({ n: 1, when: '2026-01-05' })"), "toClient")).toEqual({ n: 1, when: "2026-01-05" });
  });

  it("an object that is not plain fails the call, whichever way it goes; so does a Date or a function sent to the server", () => {
    class Kr {
      id = "x";
    }
    expect(() => crossScriptRun({ kr: new Kr() }, "toClient")).toThrow(/Kr/);
    expect(() => crossScriptRun([new Map()], "toClient")).toThrow(/Map/);
    expect(() => crossScriptRun({ at: new Date() }, "toServer")).toThrow(/Date/);
    expect(() => crossScriptRun([() => 1], "toServer")).toThrow(/function/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => crossScriptRun(loop, "toClient")).toThrow(/circular/);
    expect(crossScriptRun({ a: [1, "b", true, null, { c: 2 }] }, "toServer")).toEqual({ a: [1, "b", true, null, { c: 2 }] });
  });

  it("NaN and Infinity reach the server as themselves (it was sent null) and fail a return to the sidebar (it arrived as null)", () => {
    const sent = crossScriptRun({ confidence: NaN, list: [Infinity] }, "toServer") as { confidence: number; list: number[] };
    expect(Number.isNaN(sent.confidence)).toBe(true);
    expect(sent.list).toEqual([Infinity]);
    expect(() => crossScriptRun({ score: NaN }, "toClient")).toThrow("The server function returned NaN, which google.script.run cannot carry to the client.");
    expect(() => crossScriptRun([-Infinity], "toClient")).toThrow("-Infinity");
  });

  it("through the offline runtime, NaN and ±Infinity sent reach the server function as themselves (they arrived as null)", () => {
    // The runtime rebuilt the arguments from JSON in the add-on's realm, which made them null whatever
    // crossScriptRun gave: a server function never met the NaN the test above says it receives.
    const code = `function kinds(x) { return { values: x.list.map(String), keys: Object.keys(x), null: x.list.indexOf(null) }; }`;
    const addon = loadAddon(code, setup().services);
    expect(addon.call("kinds", { list: [NaN, Infinity, -Infinity, 1, null, "NaN"] })).toEqual({ values: ["NaN", "Infinity", "-Infinity", "1", "null", "NaN"], keys: ["list"], null: 4 });
  });

  it("the offline runtime applies them to the add-on's calls", () => {
    const wb = newTracker({ template: "operations", start: "2026-01-05", at: "2026-01-05" });
    expect(() => callAddon(wb, "getSidebarData", { as: new Date() })).toThrow(/cannot send a Date/);
    // In the words of Google's client, naming the key or the argument's place (session 21).
    expect(() => callAddon(wb, "getSidebarData", { as: new Date() })).toThrow(/^Failed due to illegal value in property: as\. /);
    expect(() => crossScriptRun(["O1.KR1", () => 1], "toServer")).toThrow(/^Failed due to illegal value in property: 1\. /);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => crossScriptRun([loop], "toServer")).toThrow(/^Failed due to circular reference\. /);
  });

  it("an own \"__proto__\" key (as JSON.parse makes) arrives as a key, not as the copy's prototype", () => {
    const sent = JSON.parse('{"krId":"O1.KR1","__proto__":{"admin":true}}');
    const got = crossScriptRun(sent, "toServer") as Record<string, unknown>;
    expect(Object.keys(got)).toEqual(["krId", "__proto__"]);
    // The runtime's realm's Object.prototype (the suite's runtime is the worker's, outside this file's realm).
    expect(Object.getPrototypeOf(got)).toBe(Object.getPrototypeOf(crossScriptRun({}, "toServer")));
    expect(Object.getPrototypeOf(Object.getPrototypeOf(got))).toBeNull();
    expect((got as { admin?: unknown }).admin).toBeUndefined();
  });
});
