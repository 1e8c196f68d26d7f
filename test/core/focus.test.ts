import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { focusChecks, type FocusKeyResult } from "../../src/core/focus";

const kr = (id: string, objectiveId: string, o: Partial<FocusKeyResult> = {}): FocusKeyResult => ({
  id,
  objectiveId,
  owner: "a@x.com",
  metric: "increase",
  start: 0,
  target: 10,
  ...o,
});

describe("focusChecks", () => {
  it("a focused set has no warnings", () => {
    expect(focusChecks([{ id: "O1" }], [kr("K1", "O1"), kr("K2", "o1", { metric: "milestone", start: null, target: null })])).toEqual([]);
  });
  it("an objective ID typed with spaces around it is named, on either tab; another case is no matter", () => {
    // The sheet's rule (core/objectiveKey.ts): "O1 " is no KR of O1's, and O1 none of " O1"'s.
    const w = focusChecks([{ id: "O1" }, { id: " O2" }], [kr("K1", "o1"), kr("K2", "O1 "), kr("K3", " O2"), kr("K4", " o2")]);
    expect(w.filter((x) => x.includes("spaces"))).toEqual([
      `Objective ID " O2" has spaces around it, which the sheet's formulas do not ignore: only a key result whose objective ID is typed with the same spaces counts for it. Remove the spaces.`,
      `Key result K2's objective ID "O1 " has spaces around it, which the sheet's formulas do not ignore: it counts for no objective O1 (not in its score, nor for its owner's sidebar and reminders). Remove the spaces.`,
    ]);
    expect(w).toContain("Objective O1 has only 1 key result; aim for 2–4.");
    expect(w.some((x) => x.includes("O2 has"))).toBe(false); // " O2" has K3 and K4, typed as it is
  });
  it('"O1" and "O1 " are two objectives, as to the sheet: the spaces line says O1 is taken, and no "on 2 rows"; "O1" and "o1" are one', () => {
    const w = focusChecks([{ id: "O1" }, { id: "O1 " }, { id: "O2" }, { id: "o2" }], [kr("K1", "O1"), kr("K2", "O1"), kr("K3", "O1 "), kr("K4", "O1 "), kr("K5", "O2"), kr("K6", "O2")]);
    expect(w.filter((x) => x.includes("O1"))).toEqual([
      `Objective ID "O1 " has spaces around it, which the sheet's formulas do not ignore: only a key result whose objective ID is typed with the same spaces counts for it. Remove the spaces and give it an ID of its own: objective O1 is on another row.`,
    ]);
    expect(w).toContain("Objective ID O2 is on 2 rows; give each its own ID.");
    // A KR's ID is read with spaces around it ignored (a check-in's, the log's, History's): "K1 " is K1 again.
    expect(focusChecks([{ id: "O1" }], [kr("K1", "O1"), kr("K1 ", "O1")])).toContain("Key result ID K1 is on 2 rows; give each its own ID.");
  });
  it("too many objectives, too few/many KRs, none", () => {
    const objs = ["O1", "O2", "O3", "O4", "O5", "O6"].map((id) => ({ id }));
    const krs = [kr("K1", "O1"), ...["a", "b", "c", "d", "e"].map((s) => kr(`K2${s}`, "O2")), kr("K3", "O3"), kr("K3b", "O3")];
    const w = focusChecks(objs, krs);
    expect(w).toContain("The cycle has 6 objectives; keep to at most 5 to stay focused.");
    expect(w).toContain("Objective O1 has only 1 key result; aim for 2–4.");
    expect(w).toContain("Objective O2 has 5 key results; aim for 2–4.");
    expect(w).toContain("Objective O4 has no key results.");
    expect(w.filter((x) => x.includes("O3"))).toEqual([]);
    expect(focusChecks(objs.slice(0, 5), []).some((x) => x.includes("objectives;"))).toBe(false);
  });
  it("KR owner, start/target, metric and objective", () => {
    const w = focusChecks(
      [{ id: "O1" }],
      [
        kr("K1", "O1", { owner: " " }),
        kr("K2", "O1", { start: null }),
        kr("K3", "O1", { start: null, target: null, metric: "decrease" }),
        kr("K4", "O1", { start: null, target: null, metric: "stay_above" }),
        kr("K5", "O1", { start: null, metric: "stay_below" }),
        kr("K6", "O1", { metric: "grow" }),
        kr("K7", "O9"),
        kr("K8", ""),
      ],
    );
    expect(w).toEqual([
      "Objective O1 has 6 key results; aim for 2–4.",
      "Key result K1 has no owner: only admins and the owner of its objective see it in the sidebar, and only its objective's owner is reminded of it. Type the email of its owner in its Owner cell.",
      "Key result K2 has no numeric start.",
      "Key result K3 has no numeric start and target.",
      "Key result K4 has no numeric target.",
      'Key result K6 has an unknown metric "grow".',
      "Key result K7 belongs to objective O9, which does not exist.",
      "Key result K8 has no objective ID.",
    ]);
  });
});

describe("focusChecks: an owner with no email address", () => {
  // The sidebar lists a KR to the person signed in with its owner's address (core/owners.ts): a name alone
  // is listed to nobody but admins. Warned, never refused; a name with its address is fine.
  it("names the KR of an owner holding no address, and not one written Name <address>, address (Name), or co-owners with addresses", () => {
    const w = focusChecks(
      [{ id: "O1" }],
      [
        kr("K1", "O1", { owner: "Anna Lee" }),
        kr("K2", "O1", { owner: '"Lee, Anna" <anna@example.com>' }),
        kr("K3", "O1", { owner: "Anna Lee <ANNA@example.com>" }),
        kr("K4", "O1", { owner: "a@example.com; b@example.com" }),
        kr("K5", "O1", { owner: "anna@example.com (Anna Lee)" }),
        kr("K6", "O1", { owner: "a@example.com, Bo Chan" }),
        kr("K7", "O1", { owner: "anna@example" }),
      ],
    );
    const tail = (id: string, who: string) =>
      `the sidebar lists a KR to the person signed in with its owner's address, so "${who}" does not see ${id} there and is sent no reminder for it. Type the owner's email, alone or as Name <email>.`;
    expect(w).toEqual([
      "Objective O1 has 7 key results; aim for 2–4.",
      `Key result K1's owner "Anna Lee" holds no email address: ${tail("K1", "Anna Lee")}`,
      `Key result K6's owner "Bo Chan" holds no email address: ${tail("K6", "Bo Chan")}`,
      `Key result K7's owner "anna@example" is not an email address the add-on can read: ${tail("K7", "anna@example")}`,
    ]);
  });
  it("names an objective's owner holding no address, not a blank one (an objective's owner is optional)", () => {
    const krs = [kr("K1", "O1"), kr("K2", "O1"), kr("K3", "O2"), kr("K4", "O2"), kr("K5", "O3"), kr("K6", "O3")];
    const w = focusChecks([{ id: "O1", owner: "Ops" }, { id: "O2", owner: "" }, { id: "O3", owner: "Lee <lee@example.com>" }], krs);
    expect(w).toEqual([
      `Objective O1's owner "Ops" holds no email address: an objective's owner sees and may check in on its key results by that address, so "Ops" cannot. Type the owner's email, alone or as Name <email>, or leave it blank.`,
    ]);
  });
});

describe("focusChecks: an ID typed on two rows", () => {
  // Property: exactly one "is on N rows" line per ID that appears more than once (whatever its case; a KR's
  // whatever its surrounding spaces too, an objective's with the same spaces, as the sheet matches it), none
  // for IDs that appear once.
  it("says each repeated KR or objective ID once, with its count, and nothing for unique IDs", () => {
    const id = fc.constantFrom("O1.KR1", "o1.kr1", " O1.KR1 ", "O1.KR2", "KR1", "kr1", "O2.KR1");
    fc.assert(
      fc.property(fc.array(id, { maxLength: 8 }), fc.array(fc.constantFrom("O1", "o1", "O2", " O2"), { maxLength: 5 }), (krIds, objIds) => {
        const w = focusChecks(objIds.map((i) => ({ id: i })), krIds.map((i) => kr(i, "O1")));
        const asKr = (i: string) => i.trim().toLowerCase();
        const asObjective = (i: string) => i.toLowerCase();
        for (const [ids, what, key] of [[krIds, "Key result", asKr], [objIds, "Objective", asObjective]] as const) {
          const counts = new Map<string, number>();
          for (const i of ids) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
          const lines = w.filter((x) => x.startsWith(`${what} ID `) && / is on \d+ rows; give each its own ID\.$/.test(x));
          const repeated = [...counts].filter(([, n]) => n > 1);
          expect(lines.length).toBe(repeated.length);
          for (const [k, n] of repeated) expect(lines.some((x) => x.toLowerCase().includes(`id ${k.trim()} is on ${n} rows`))).toBe(true);
        }
      }),
    );
  });
});
