// exceljs ships no typings for its internal helpers; the two date conversions (dates.ts)
// and the Worksheet class, whose name setter historyName.ts relaxes.
declare module "exceljs/lib/utils/utils.js" {
  const utils: {
    excelToDate(v: number, date1904?: boolean): Date;
    dateToExcel(d: Date, date1904?: boolean): number;
  };
  export default utils;
}

declare module "exceljs/lib/doc/worksheet.js" {
  const Worksheet: { prototype: object };
  export default Worksheet;
}
