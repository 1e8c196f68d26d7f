import { describe, it } from "@jest/globals";
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
      "Key result K1 has no owner.",
      "Key result K2 has no numeric start.",
      "Key result K3 has no numeric start and target.",
      "Key result K4 has no numeric target.",
      'Key result K6 has an unknown metric "grow".',
      "Key result K7 belongs to objective O9, which does not exist.",
      "Key result K8 has no objective ID.",
    ]);
  });
});
