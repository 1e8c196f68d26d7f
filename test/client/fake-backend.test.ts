// The sidebar's browser tests run against a fake backend (fake-backend.ts): where it refuses a check-in
// the add-on refuses, it must say what the add-on says, or the tests would pass on wording users never see.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, newTracker, setToday } from "../support/tracker";
import { FakeBackend } from "./fake-backend";

const OWNER = "dispatch.lead@example.com"; // owns O1.KR1 in the operations template; not O2.KR1

function addon(krId: string) {
  const wb = newTracker({ user: OWNER, at: "2026-01-05", start: "2026-01-05" });
  setToday(wb, "2026-01-20");
  return callAddon(wb, "submitCheckin", { requestId: "fake-contract-1", krId, value: "5", confidence: 7 });
}

function fake(krId: string) {
  const b = new FakeBackend("");
  b.email = "ann@example.com"; // owns O1.KR1 and O1.KR2 there; bob@example.com owns O2.KR1
  return b.submitCheckin({ requestId: "fake-contract-1", krId, value: "5", confidence: 7 });
}

describe("the fake backend refuses as the add-on does", () => {
  it("a key result the tracker does not have", () => {
    const real = addon("O9.KR9");
    expect(real).toMatchObject({ ok: false, message: 'There is no key result with ID "O9.KR9".', fieldErrors: { krId: "Unknown key result." } });
    expect(fake("O9.KR9")).toEqual(real);
  });

  it("a key result someone else owns", () => {
    const real = addon("O2.KR1");
    expect(real).toMatchObject({ ok: false, fieldErrors: { krId: "You do not own this key result." } });
    expect(real.message).toMatch(/^O2\.KR1 belongs to \S+; only its owner, its objective's owner or an admin can check in\.$/);
    const f = fake("O2.KR1");
    expect(f).toEqual({ ...real, message: "O2.KR1 belongs to bob@example.com; only its owner, its objective's owner or an admin can check in." });
  });
});
