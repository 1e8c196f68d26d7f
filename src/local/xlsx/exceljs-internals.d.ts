// exceljs ships no typings for its internal helpers; only the two date conversions are used (see dates.ts).
declare module "exceljs/lib/utils/utils.js" {
  const utils: {
    excelToDate(v: number, date1904?: boolean): Date;
    dateToExcel(d: Date, date1904?: boolean): number;
  };
  export default utils;
}
