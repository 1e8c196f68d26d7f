// core/owners.ts: the one rule by which the sidebar, the check-in and the reminders read a KR's Owner cell.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { isOwner, ownerAddress, ownerAddresses, ownerKey, ownersOf } from "../../src/core/owners";
import { buildReminders } from "../../src/core/reminders";
import { isValidEmail, parseEmailList } from "../../src/core/settings";
import type { SummaryData } from "../../src/core/summaryTypes";

const address = fc.emailAddress().filter(isValidEmail);
/** A display name as mail programs write one: words, or quoted (then it may hold a comma). */
const word = fc.stringMatching(/^[A-Za-z][A-Za-z.'-]{0,8}$/);
const displayName = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")),
  fc.tuple(word, word).map(([a, b]) => `"${a}, ${b}"`),
  fc.constant(""),
);
/** Each letter of `s` upper- or lower-cased as `flips` says. */
const recase = (s: string, flips: boolean[]) => Array.from(s, (c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join("");
const flips = fc.array(fc.boolean(), { minLength: 1, maxLength: 16 });
const pad = fc.constantFrom("", " ", "  ", "\n");

describe("owners", () => {
  it("the bare address and every display-name form of it are one owner, whatever the case and surrounding spaces", () => {
    fc.assert(
      fc.property(address, displayName, flips, flips, pad, pad, (a, name, f1, f2, before, after) => {
        const typed = recase(a, f1);
        // `address (Name)` too: the form older mail programs copy (read as the address since session 18).
        const forms = [typed, `${name} <${typed}>`, `${name}<${typed}>`, `${before}${name} <${typed}>${after}`, `${before}${typed} (${name})${after}`, `${typed}(${name})`];
        for (const form of forms) {
          expect(ownerAddress(form)?.toLowerCase()).toBe(a.toLowerCase());
          expect(ownerKey(form)).toBe(a.toLowerCase());
          expect(isOwner(form, recase(a, f2))).toBe(true);
          expect(isOwner(recase(a, f2), form)).toBe(true);
          expect(isOwner(form, `Someone Else <x${a}>`)).toBe(false);
        }
      }),
    );
  });

  it("the address is kept as typed (the reminder goes to the first spelling)", () => {
    expect(ownerAddress(' "Lee, Anna"  <Anna@Example.com> ')).toBe("Anna@Example.com");
    expect(ownerAddress("Anna Lee\n<anna@example.com>")).toBe("anna@example.com");
  });

  it("a name, a team, two people or an unclosed quote hold no one address; a name still matches itself (chosen with no email available)", () => {
    for (const o of ["Anna Lee", "ops team", "", "  ", "a@example.com, b@example.com", '"Lee, Anna <anna@example.com>', "anna@example", "anna@example.com (Anna", "Anna; Bo"]) expect(ownerAddress(o)).toBeNull();
    expect(isOwner("Anna Lee", " anna lee ")).toBe(true);
    expect(isOwner("Anna Lee", "anna@example.com")).toBe(false);
    expect(isOwner("", "")).toBe(false);
    expect(isOwner("  ", null)).toBe(false);
  });

  it("reminders go to the bare address, one per person however the owner is written", () => {
    const missing = [
      { id: "K1", title: "One", owner: "Anna Lee <Anna@Example.com>", lastCheckin: "" },
      { id: "K2", title: "Two", owner: "anna@example.com", lastCheckin: "" },
      { id: "K3", title: "Three", owner: '"Lee, Anna" <ANNA@example.com>', lastCheckin: "" },
      { id: "K4", title: "Four", owner: "Anna Lee", lastCheckin: "" },
    ];
    const data = { cycleName: "Q1", periodStart: "2026-01-12", asOf: "2026-01-18", week: 2, weeks: 13, missing, objectives: [] } as unknown as SummaryData;
    const r = buildReminders(data, "");
    expect(r.map((e) => e.to)).toEqual(["Anna@Example.com"]);
    expect(r[0].body).toContain("K1 One");
    expect(r[0].body).toContain("K2 Two");
    expect(r[0].body).toContain("K3 Three");
    expect(r[0].body).not.toContain("K4");
  });

  it("co-owners: every address of a list is an owner and is reminded, whatever separates them; every other person of the cell is not", () => {
    const people = fc.array(fc.tuple(address, displayName, fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(people, fc.constantFrom(", ", "; ", " ", ",", ";", " ;\n"), flips, (list, sep, f) => {
        const forms = list.map(([a, name, form]) => (form === 0 ? a : form === 1 ? `${name} <${a}>` : `${a} (${name})`));
        const cell = forms.join(sep);
        const distinct = [...new Set(list.map(([a]) => a.toLowerCase()))];
        expect(ownerAddresses(cell).map((a) => a.toLowerCase())).toEqual(distinct);
        for (const a of distinct) expect(isOwner(cell, recase(a, f))).toBe(true);
        expect(isOwner(cell, `x${distinct[0]}`)).toBe(distinct.includes(`x${distinct[0]}`));
        // Settings' leaders' list reads the same text as the same addresses (one rule for "an address").
        expect(parseEmailList(cell).emails).toEqual(distinct);
      }),
    );
  });

  it("names are separated by semicolons only: a comma is part of a name as mail programs write it", () => {
    expect(ownersOf("Anna; Bo Chan ;").map((o) => o.text)).toEqual(["Anna", "Bo Chan"]);
    expect(isOwner("Anna; Bo Chan", "bo chan")).toBe(true);
    expect(ownersOf("Lee, Anna").map((o) => o.text)).toEqual(["Lee, Anna"]);
    expect(ownersOf('"Lee; Anna" <anna@example.com>; bo@example.com').map((o) => o.address)).toEqual(["anna@example.com", "bo@example.com"]);
    expect(ownersOf("anna@example.com, Bo Chan").map((o) => [o.text, o.address])).toEqual([["anna@example.com", "anna@example.com"], ["Bo Chan", null]]);
  });

  it("what a paste adds is not part of the address: zero-width spaces, mailto:, a non-breaking space", () => {
    expect(ownerAddress("\u200banna@example.com\u200b")).toBe("anna@example.com");
    expect(ownerAddress("mailto:anna@example.com")).toBe("anna@example.com");
    expect(ownerAddress("Anna Lee\u00a0<mailto:Anna@example.com>")).toBe("Anna@example.com");
    expect(isOwner("\ufeffANNA@example.com ", "anna@example.com")).toBe(true);
  });

  it("each co-owner of a KR missing its check-in gets a reminder, once however many of their KRs list them", () => {
    const missing = [
      { id: "K1", title: "One", owner: "anna@example.com (Anna Lee), Bo <bo@example.com>", lastCheckin: "" },
      { id: "K2", title: "Two", owner: "bo@example.com", lastCheckin: "" },
      { id: "K3", title: "Three", owner: "Anna Lee; cy@example.com", lastCheckin: "" },
    ];
    const data = { cycleName: "Q1", periodStart: "2026-01-12", asOf: "2026-01-18", week: 2, weeks: 13, missing, objectives: [] } as unknown as SummaryData;
    const r = buildReminders(data, "");
    expect(r.map((e) => e.to)).toEqual(["anna@example.com", "bo@example.com", "cy@example.com"]);
    expect(r.map((e) => e.body.match(/K\d/g))).toEqual([["K1"], ["K1", "K2"], ["K3"]]);
  });
});
