// The shared-strings part written in one pass. exceljs's streaming writer renders it through its XmlStream
// (SharedStringsXform: an element object, attribute map and several array pushes per text), which for a large
// tracker's ~100,000 distinct texts (the log's request IDs and comments) was ~0.4 s of every save. The text
// here is the same, character for character: the same declaration, element and attribute order, exceljs's
// own xmlEncode, and its rule for xml:space="preserve" (text-xform.js). A table holding anything but plain
// texts (rich text) is left to exceljs.
import type ExcelJS from "exceljs";
import utils from "exceljs/lib/utils/utils.js";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const PRESERVE = /^\s|\n|\s$/;

/** The part's XML for these texts, as SharedStringsXform.toXml gives it; null when one is not a plain text. */
export function sharedStringsXml(values: readonly unknown[]): string | null {
  const parts: string[] = [`${HEAD} count="${values.length}" uniqueCount="${values.length}">`];
  for (const v of values) {
    if (typeof v !== "string") return null;
    parts.push(PRESERVE.test(v) ? `<si><t xml:space="preserve">${utils.xmlEncode(v)}</t></si>` : `<si><t>${utils.xmlEncode(v)}</t></si>`);
  }
  parts.push("</sst>");
  return parts.join("");
}

interface WriterInternals {
  sharedStrings: { count: number; values: unknown[] };
  zip: { append(xml: string, opts: { name: string }): void };
  addSharedStrings(): Promise<void>;
}

/** Makes `wb` write its shared-strings part with sharedStringsXml (exceljs's own way when that gives null). */
export function fastSharedStrings(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const w = wb as unknown as WriterInternals;
  const original = w.addSharedStrings;
  if (typeof original !== "function" || !w.sharedStrings || !Array.isArray(w.sharedStrings.values)) return;
  w.addSharedStrings = function (this: WriterInternals) {
    if (!this.sharedStrings.count) return Promise.resolve();
    const xml = sharedStringsXml(this.sharedStrings.values);
    if (xml === null) return original.call(this);
    this.zip.append(xml, { name: "/xl/sharedStrings.xml" });
    return Promise.resolve();
  };
}
