// What one recipient is, for the offline MailApp and for Settings' leaders' list (core/settings.ts
// emailEntries, entryAddress): they agree, and the add-on only hands MailApp what Google takes under either
// reading of what is not known (docs/apps-script-fidelity.md "to check" 38): a domain ending in a dot, and a
// comma inside a quoted display name (RFC 5322 keeps `"Lee, Anna" <anna@example.com>` whole; the reference
// says only "separated by commas").
import fc from "fast-check";
import { describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { emailEntries, parseEmailList } from "../../../src/core/settings";
import { setup } from "./helpers";

describe("the offline MailApp's recipients", () => {
  it("a quoted display name with a comma is one entry, refused whole: Google may split it at the comma", () => {
    const { g, services } = setup();
    // Before: split at its comma, refused as "Invalid email: "Lee".
    expect(() => g.MailApp.sendEmail({ to: `"Lee, Anna" <anna@example.com>`, subject: "s", body: "b" })).toThrow(`Invalid email: "Lee, Anna" <anna@example.com>`);
    expect(() => g.MailApp.sendEmail({ to: "anna@example.com.", subject: "s", body: "b" })).toThrow("Invalid email: anna@example.com.");
    expect(services.mail.sent).toEqual([]);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(100);
    // A name without a comma reads the same both ways: one recipient.
    g.MailApp.sendEmail({ to: `"Lee Anna" <anna@example.com>, Bob Ray <bob@example.com>`, subject: "s", body: "b" });
    expect(g.MailApp.getRemainingDailyQuota()).toBe(98);
  });
});

describe("Settings' leaders' list", () => {
  it("reads a display name, quoted or not, as one entry, and names what is no address as typed", () => {
    expect(emailEntries(`"Lee, Anna" <anna@example.com>; Bob Ray <bob@example.com> ceo@example.com,Anna Lee`)).toEqual([
      `"Lee, Anna" <anna@example.com>`,
      "Bob Ray <bob@example.com>",
      "ceo@example.com",
      "Anna Lee",
    ]);
    expect(parseEmailList(`"Lee, Anna" <Anna@example.com>, anna@example.com., x@.example.com, y@example..com, "Lee <z@example.com>`)).toEqual({
      emails: ["anna@example.com"],
      invalid: ["anna@example.com.", "x@.example.com", "y@example..com", `"Lee <z@example.com>`],
    });
  });

  it("whatever is typed, the addresses it takes are sent by the offline MailApp, one recipient each", () => {
    const piece = fc.constantFrom("anna", "b.c", "@", "example", ".", "com", ",", ";", " ", '"', "<", ">", "Lee", "x@y.org", "(", ":");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const { emails } = parseEmailList(pieces.join(""));
        if (!emails.length) return;
        const { g } = setup();
        g.MailApp.sendEmail({ to: emails.join(","), subject: "s", body: "b" });
        expect(g.MailApp.getRemainingDailyQuota()).toBe(100 - emails.length);
      }),
      { numRuns: 300 },
    );
  });
});
