// PropertiesService and CacheService refuse what Google refuses (docs/apps-script-fidelity.md, "Quotas and
// limits"): 9 KB per property value and 500 KB per store
// (https://developers.google.com/apps-script/guides/services/quotas), 250-character keys and 100 KB values in
// a cache (https://developers.google.com/apps-script/reference/cache/cache); expirations: kinderThanGoogle.test.ts.
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { setup } from "./helpers";

describe("PropertiesService limits", () => {
  it("a value over 9 KB is refused and nothing is stored", () => {
    const { g } = setup();
    const props = g.PropertiesService.getDocumentProperties();
    props.setProperty("ok", "x".repeat(9 * 1024));
    expect(props.getProperty("ok")!.length).toBe(9 * 1024);
    expect(() => props.setProperty("big", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    // UTF-8 bytes count: 3,073 euro signs are 9,219 bytes.
    expect(() => props.setProperty("big", "€".repeat(3073))).toThrow("Argument too large: value");
    expect(() => props.setProperties({ a: "1", big: "x".repeat(10000) })).toThrow("Argument too large: value");
    expect([props.getProperty("big"), props.getProperty("a")]).toEqual([null, null]);
  });

  it("a store over 500 KB is refused", () => {
    const { g } = setup();
    const props = g.PropertiesService.getUserProperties();
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, "x".repeat(9000)); // 504,168 bytes with the keys
    expect(() => props.setProperty("k56", "x".repeat(9000))).toThrow("You have exceeded the property storage quota.");
    expect(props.getProperty("k56")).toBeNull();
    props.deleteProperty("k0");
    props.setProperty("k56", "x".repeat(9000));
    expect(props.getKeys().length).toBe(56);
  });
});

describe("CacheService limits", () => {
  it("keys over 250 characters and values over 100 KB are refused; putAll stores none of its values then", () => {
    const { g } = setup();
    const cache = g.CacheService.getDocumentCache();
    cache.put("k".repeat(250), "v");
    expect(() => cache.put("k".repeat(251), "v")).toThrow("Argument too large: key");
    cache.put("big", "x".repeat(100 * 1024));
    expect(() => cache.put("bigger", "x".repeat(100 * 1024 + 1))).toThrow("Argument too large: value");
    expect(() => cache.putAll({ a: "1", b: "x".repeat(200 * 1024) }, 60)).toThrow("Argument too large: value");
    expect(cache.get("a")).toBeNull();
  });

  it("reading or removing a key over 250 characters is refused too, as Apps Script users report from get()", () => {
    const { g } = setup();
    const cache = g.CacheService.getDocumentCache();
    // It answered null: code looking up a long key (a text as its own key) passed offline and failed on Google.
    expect(() => cache.get("k".repeat(251))).toThrow("Argument too large: key");
    expect(() => cache.getAll(["a", "k".repeat(251)])).toThrow("Argument too large: key");
    expect(() => cache.remove("k".repeat(251))).toThrow("Argument too large: key");
    expect(cache.get("k".repeat(250))).toBeNull();
  });
});

describe("CacheService's cap of 1,000 items", () => {
  it("past 1,000 items the cache keeps the 900 farthest from expiration, as Google documents", () => {
    const { g } = setup();
    const cache = g.CacheService.getDocumentCache();
    const batch = (from: number, n: number, seconds: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${from + i}`, "v"]));
    cache.putAll(batch(0, 500, 3600), 3600);
    cache.putAll(batch(500, 500, 600), 600);
    expect(cache.get("k999")).toBe("v");
    // It kept every item: code that caches a value per row of a large tab found them all offline.
    cache.put("k1000", "v", 7200);
    const kept = Object.keys(cache.getAll(Array.from({ length: 1001 }, (_, i) => `k${i}`)));
    expect(kept.length).toBe(900);
    expect(kept).toContain("k1000");
    expect(kept).toContain("k0");
    // The 101 dropped are among those nearest expiration (600 s), the most recently put of them kept.
    expect(cache.get("k500")).toBeNull();
    expect(cache.get("k999")).toBe("v");
  });
});

describe("An execution's 6 minutes", () => {
  // "Script runtime: 6 min / execution" (quotas page): Google stops it with "Exceeded maximum execution time".
  it("a call after the execution's clock passed 6 minutes fails, and every call after it; the next execution starts anew", () => {
    const { services, sheet } = setup();
    const read = () => sheet.getRange("A1").getValue();
    expect(() =>
      services.execution(() => {
        services.clock.advance(6 * 60 * 1000);
        read(); // 6 minutes to the millisecond: still within
        services.clock.advance(1);
        expect(read).toThrow("Exceeded maximum execution time");
        read(); // a catch in the add-on cannot go on
      }),
    ).toThrow("Exceeded maximum execution time");
    expect(services.execution(read)).toBe("");
    // Outside an execution (a test's own calls) nothing is timed.
    services.clock.advance(60 * 60 * 1000);
    expect(read()).toBe("");
  });

  it("is not applied to a real-time clock: this machine's speed says nothing of Google's", () => {
    const { services, sheet } = setup({ now: undefined });
    expect(services.execution(() => sheet.getRange("A1").getValue())).toBe("");
  });

  it("advance moves the clock on, recalculating TODAY() when the day changes", () => {
    const { services, sheet } = setup();
    sheet.getRange("A1").setFormula("=TODAY()");
    sheet.getRange("A1").setNumberFormat("yyyy-mm-dd");
    services.clock.advance(6 * 3600 * 1000); // 18:00 UTC, the same day
    expect([services.clock.now().toISOString(), sheet.getRange("A1").getDisplayValue()]).toEqual(["2026-01-05T18:00:00.000Z", "2026-01-05"]);
    services.clock.advance(6 * 3600 * 1000);
    expect(sheet.getRange("A1").getDisplayValue()).toBe("2026-01-06");
  });
});
