// The looks of a report's cell styles (the Weekly Summary, the review and retrospective tabs, the
// portfolio), shared by the whole-block writer (render.ts) and the sparse one (renderSparse.ts).
import type { SummaryCell, SummaryCellStyle } from "../core/summary";
import { isBlankValue } from "../core/blank";

export const STYLE: Record<SummaryCellStyle, { bold?: boolean; bg?: string; fg?: string; size?: number }> = {
  title: { bold: true, fg: "#1f3b57", size: 16 },
  subtitle: { fg: "#5f6368" },
  heading: { bold: true, fg: "#ffffff", bg: "#1f3b57" },
  header: { bold: true, bg: "#e8eaed", fg: "#202124" },
  label: { bold: true },
  status: { bold: true },
  muted: { fg: "#5f6368" },
  note: { fg: "#5f6368" },
};

/**
 * Each cell's fill. A section heading's fill runs across its whole row: its white text is longer than
 * column A and flows over the blank cells beside it, where it would be white on white.
 */
export function backgrounds(rows: SummaryCell[][]): string[][] {
  return rows.map((r) => {
    const band = r.length > 0 && r[0].style === "heading" ? STYLE.heading.bg : null;
    return r.map((c) => (c.style && STYLE[c.style].bg) || (band && !c.style && isBlankValue(c.v) ? band : "#ffffff"));
  });
}
