// A cell's look as Sheets paints it: its own weight, text colour and fill, under the first conditional-format
// rule that holds for it. The preview draws this, and the tests read it: the Weekly Summary gives most of its
// looks by rules (src/server/render.ts statusColours), so a cell's own formats alone no longer say how it looks.
import { evaluateConditionalFormat } from "./index";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CellLook {
  bold: boolean;
  /** "#rrggbb" */
  color: string;
  background: string;
}

/** The looks of the `rows` × `cols` cells from (row, col), 1-based. */
export function cellLooks(sheet: Sheet, row: number, col: number, rows = 1, cols = 1): CellLook[][] {
  const range = sheet.getRange(row, col, rows, cols);
  const weights = range.getFontWeights();
  const colors = range.getFontColors();
  const fills = range.getBackgrounds();
  return weights.map((r, i) =>
    r.map((w, j) => {
      const cf = evaluateConditionalFormat(sheet as never, row + i, col + j);
      return {
        bold: !!(cf && cf.bold) || w === "bold",
        color: (cf && cf.fontColor) || colors[i][j],
        background: (cf && cf.background) || fills[i][j],
      };
    }),
  );
}

/** One cell's look. */
export function cellLook(sheet: Sheet, row: number, col: number): CellLook {
  return cellLooks(sheet, row, col)[0][0];
}
