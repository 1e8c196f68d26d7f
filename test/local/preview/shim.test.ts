// The preview's google.script.run stand-in refuses what Google's client refuses before sending anything
// (docs/apps-script-fidelity.md, google.script.run): it sent JSON, which turned a Date into its ISO text and
// dropped a function, so a sidebar sending either passed its browser tests and failed on Google.
import vm from "node:vm";
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { SHIM_JS } from "../../../src/local/preview/shim";

/** The shim in a realm of its own (as in the sidebar's frame), with fetch recording what is sent. */
function page() {
  const sent: string[] = [];
  const context = vm.createContext({
    window: { location: { origin: "http://localhost" } },
    fetch: (_url: string, init: { body: string }) => {
      sent.push(init.body);
      return new Promise(() => {});
    },
    setTimeout,
    console,
  });
  vm.runInContext("window.google = undefined;", context);
  vm.runInContext(SHIM_JS, context);
  // Values made in the page's realm, as the sidebar makes them.
  const call = (expr: string): string | null => {
    try {
      vm.runInContext(`window.google.script.run.withFailureHandler(function () {}).submitCheckin(${expr})`, context);
      return null;
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  };
  return { sent, call };
}

describe("the preview's google.script.run", () => {
  it("refuses a Date, a function, an event-like object or a circular structure before sending, in Google's words", () => {
    const p = page();
    expect(p.call("{ krId: 'O1.KR1', at: new Date(0) }")).toBe("TypeError: Failed due to illegal value in property: at");
    expect(p.call("'O1.KR1', { check: function () {} }")).toBe("TypeError: Failed due to illegal value in property: check");
    expect(p.call("'O1.KR1', new (function MouseEvent() { this.type = 'click'; })()")).toBe("TypeError: Failed due to illegal value in property: 1");
    expect(p.call("{ list: [1, new Map()] }")).toBe("TypeError: Failed due to illegal value in property: 1");
    expect(p.call("(function () { var o = { a: 1 }; o.self = o; return o; })()")).toBe("TypeError: Failed due to circular reference.");
    expect(p.sent).toEqual([]);
  });

  it("sends plain values as JSON, undefined in an array as null", () => {
    const p = page();
    expect(p.call("{ krId: 'O1.KR1', value: 7.5, done: true, note: null, list: [1, undefined, 'x'], nested: Object.create(null) }")).toBeNull();
    expect(p.sent.map((b) => JSON.parse(b))).toEqual([{ fn: "submitCheckin", args: [{ krId: "O1.KR1", value: 7.5, done: true, note: null, list: [1, null, "x"], nested: {} }] }]);
  });
});
