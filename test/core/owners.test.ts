// core/owners.ts: the one rule by which the sidebar, the check-in and the reminders read a KR's Owner cell.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { isOwner, ownerAddress, ownerKey } from "../../src/core/owners";
import { buildReminders } from "../../src/core/emails";
import { isValidEmail } from "../../src/core/settings";
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
        const forms = [typed, `${name} <${typed}>`, `${name}<${typed}>`, `${before}${name} <${typed}>${after}`];
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

  it("a name, a team, two addresses or an unclosed quote hold no address; a name still matches itself (chosen with no email available)", () => {
    for (const o of ["Anna Lee", "ops team", "", "  ", "a@example.com, b@example.com", '"Lee, Anna <anna@example.com>', "anna@example"]) expect(ownerAddress(o)).toBeNull();
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
    const data = { cycleName: "Q1", periodStart: "2026-01-12", asOf: "2026-01-18", week: 2, weeks: 13, missing } as unknown as SummaryData;
    const r = buildReminders(data, "");
    expect(r.map((e) => e.to)).toEqual(["Anna@Example.com"]);
    expect(r[0].body).toContain("K1 One");
    expect(r[0].body).toContain("K2 Two");
    expect(r[0].body).toContain("K3 Three");
    expect(r[0].body).not.toContain("K4");
  });
});
