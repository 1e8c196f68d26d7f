// exceljs ships no typings for its internal helpers; the two date conversions (dates.ts), its test for
// a date format (plainSheets.ts) and the Worksheet class, whose name setter historyName.ts relaxes.
declare module "exceljs/lib/utils/utils.js" {
  const utils: {
    excelToDate(v: number, date1904?: boolean): Date;
    dateToExcel(d: Date, date1904?: boolean): number;
    isDateFmt(fmt: string | undefined): boolean;
    xmlDecode(text: string): string;
    xmlEncode(text: string): string;
  };
  export default utils;
}

declare module "exceljs/lib/doc/worksheet.js" {
  const Worksheet: { prototype: object };
  export default Worksheet;
}

// JSZip's entry and compressed-data classes (zipRead.ts reads a deflated entry with Node's zlib).
declare module "jszip/lib/zipObject.js" {
  const ZipObject: { prototype: { async(type: string, onUpdate?: unknown): Promise<unknown> } };
  export default ZipObject;
}

declare module "jszip/lib/compressedObject.js" {
  class CompressedObject {
    compressedSize: number;
    uncompressedSize: number;
    compression: { magic: string } | null;
    compressedContent: unknown;
  }
  export default CompressedObject;
}
