// How the preview's grid lays a tab out: each column's width, how each cell's text flows, and each cell's
// style as CSS. Worked out here once, for both drawings of the grid: the server's HTML (page.ts) and the
// page's refresh script, which gets the tabs from /api/tabs already laid out and only draws them.
import type { PreviewCell, PreviewCellStyle, PreviewTab } from "./types";

export type CellFlow = "wrap" | "spill" | "clip";

export interface GridCell {
  text: string;
  /** How its text flows (cellFlow); absent on an empty cell. */
  flow?: CellFlow;
  /** Its style as inline CSS (cellCss); absent when it has none. */
  css?: string;
}

export interface GridTab {
  name: string;
  /** Rows as arrays; the grid is as wide as the longest. */
  rows: GridCell[][];
  /** Rows drawn in the sticky header, within the rows there are. */
  frozenRows: number;
  /** Each column's width in pixels (columnWidths), one per column of the grid. */
  widths: number[];
}

const COLOR_RE = /^(#[0-9a-fA-F]{3,8}|rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(,\s*[\d.]+%?\s*)?\)|[a-zA-Z]{1,30})$/;
const ALIGN_RE = /^(left|right|center|justify|start|end)$/;

/** A colour we are willing to put into a style attribute, or null. */
export function safeColor(c: unknown): string | null {
  return typeof c === "string" && COLOR_RE.test(c.trim()) ? c.trim() : null;
}

/** The inline CSS for a cell style, built only from validated values. */
export function cellCss(style: PreviewCellStyle | undefined): string {
  if (!style) return "";
  const parts: string[] = [];
  const bg = safeColor(style.background);
  if (bg) parts.push(`background:${bg}`);
  const fg = safeColor(style.color);
  if (fg) parts.push(`color:${fg}`);
  if (style.bold) parts.push("font-weight:700");
  if (style.italic) parts.push("font-style:italic");
  if (typeof style.align === "string" && ALIGN_RE.test(style.align.trim().toLowerCase())) {
    parts.push(`text-align:${style.align.trim().toLowerCase()}`);
  }
  return parts.join(";");
}

/** The row-number column's width in pixels. */
export const ROWNUM_WIDTH = 40;
const DEFAULT_WIDTH = 100;

/**
 * How a cell's text flows, as in Sheets: a wrapped cell breaks lines between words only; any other stays
 * on its lines and runs on over an empty right neighbour ("spill"), else is cut at the column's edge
 * ("clip", the full text in a tooltip).
 */
export function cellFlow(r: PreviewCell[] | undefined, c: number): CellFlow | "" {
  const text = (cell: PreviewCell | undefined) => (cell && cell.text != null ? String(cell.text) : "");
  const cell = Array.isArray(r) ? r[c] : undefined;
  if (text(cell) === "") return "";
  if (cell!.style && cell!.style.wrap) return "wrap";
  return text(Array.isArray(r) ? r[c + 1] : undefined) === "" ? "spill" : "clip";
}

/** Each column's width in pixels: the sheet's, within 20–1000, else Sheets' default 100. */
export function columnWidths(widths: unknown, n: number): number[] {
  const list = Array.isArray(widths) ? widths : [];
  return Array.from({ length: n }, (_, c) => {
    const w = Math.round(Number(list[c]));
    return Number.isFinite(w) && w >= 20 && w <= 1000 ? w : DEFAULT_WIDTH;
  });
}

/** A tab as the grid draws it. */
export function gridTab(tab: PreviewTab): GridTab {
  const rows = (Array.isArray(tab.rows) ? tab.rows : []).map((r) => (Array.isArray(r) ? r : []));
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    name: tab.name,
    rows: rows.map((r) =>
      r.map((cell, c) => {
        const out: GridCell = { text: cell && cell.text != null ? String(cell.text) : "" };
        const flow = cellFlow(r, c);
        if (flow) out.flow = flow;
        const css = cell ? cellCss(cell.style) : "";
        if (css) out.css = css;
        return out;
      }),
    ),
    frozenRows: Math.max(0, Math.min(rows.length, Math.floor(Number(tab.frozenRows) || 0))),
    widths: columnWidths(tab.widths, width),
  };
}
