// MailApp refuses a long subject ("Argument too large: subject"); the add-on's subjects are cut to 250 UTF-8
// bytes (docs/apps-script-fidelity.md, "to check" 44).
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { fitSubject } from "../../src/core/emails";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("fitSubject", () => {
  it("keeps a subject of 250 bytes or fewer as it is, and cuts a longer one to a prefix with … within 250 bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", "é", "目", "😀"), maxLength: 300 }), (s) => {
        const out = fitSubject(s);
        if (bytes(s) <= 250) return expect(out).toBe(s);
        expect(bytes(out)).toBeLessThanOrEqual(250);
        expect(out.endsWith("…")).toBe(true);
        expect(s.startsWith(out.slice(0, -1))).toBe(true);
      }),
    );
  });
});
