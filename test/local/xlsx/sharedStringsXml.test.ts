// The shared-strings part written in one pass (src/local/xlsx/sharedStringsXml.ts) must be exceljs's own,
// character for character, for every text a cell can hold.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { createRequire } from "node:module";
import { expect } from "../../support/expect";
import { binaryUnit } from "../../support/fcUnits";
import { sharedStringsXml } from "../../../src/local/xlsx/sharedStringsXml";

const require = createRequire(import.meta.url);
const SharedStringsXform = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform.js");
const SharedStrings = require("exceljs/lib/utils/shared-strings.js");

function exceljsXml(texts: string[]): string {
  const table = new SharedStrings();
  for (const t of texts) table.add(t);
  return new SharedStringsXform().toXml(table);
}

describe("the shared-strings part", () => {
  it("is exceljs's for texts with spaces, line ends, entities, control characters and emoji", () => {
    const texts = ["", " lead", "trail ", "a\nb", "\tTab", "O'Brien & <co> \"q\"", "ctl\u0001\u0008\u000b\u001f\u007f end", "\r\n", "💡 ünï", "plain", "&amp; already"];
    expect(sharedStringsXml(texts)).toBe(exceljsXml(texts));
  });

  it("is exceljs's for any list of distinct texts", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: binaryUnit }), { minLength: 1, maxLength: 30 }), (texts) => {
        expect(sharedStringsXml(texts)).toBe(exceljsXml(texts));
      }),
      { numRuns: 100 },
    );
  });

  it("leaves a table with rich text to exceljs", () => {
    expect(sharedStringsXml(["a", { richText: [{ text: "b" }] }])).toBeNull();
  });
});
