// The CLI's hints name the tracker's file in the add-on's messages: the path as typed, whatever it holds.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { commandHint, repairHint } from "../../src/local/hints";

describe("a message's menu item as the CLI command", () => {
  // String.replace reads "$&", "$'", "$`" and "$$" in replacement text: a path holding them came out changed
  // (the matched words, the rest of the message, or one "$" for two), so the command could not be pasted.
  const file = "/home/ann/okr/R$&D $$ $' $`.xlsx";

  it("names a path with dollar signs as typed", () => {
    expect(repairHint('The "Check-ins" tab is missing. Use "Repair tracker" in the add-on menu.', file)).toBe(
      `The "Check-ins" tab is missing. Run "okr-sheets repair ${file}".`,
    );
    expect(commandHint('Close the cycle first ("End cycle & retrospective"). Use "Set up tracker" first.', file)).toBe(
      `Close the cycle first ("okr-sheets close ${file}"). Run "okr-sheets repair ${file}" to set it up first.`,
    );
  });
});
