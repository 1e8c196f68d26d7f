// The preview draws the Weekly Summary's two charts as inline SVG (no scripts, no external files), from
// the same "Chart data" tables the embedded charts read (src/core/charts.ts lays them out): a line per
// objective against the expected lines, and the status mix as stacked columns.
import { CHART_TITLES } from "../../core/charts";
import { escapeHtml } from "./escape";
import type { PreviewCell } from "./types";

export interface PreviewChart {
  title: string;
  kind: "line" | "stacked";
  weeks: string[];
  series: { name: string; values: (number | null)[] }[];
}

const CHART_DATA_HEADING = "Chart data";
const COLOURS = ["#1a73e8", "#e8710a", "#9334e6", "#12b5cb", "#e52592", "#7cb342", "#5f6368"];
const MIX_COLOURS: Record<string, string> = { "On track": "#34a853", "At risk": "#fbbc04", "Off track": "#ea4335" };

function num(text: string): number | null {
  if (text === "" || text === undefined || text === null) return null;
  const n = Number(String(text).replace(/,/g, ""));
  return isFinite(n) ? n : null;
}

/** The two charts from a tab's rows, or [] when the tab has no Chart data block. */
export function chartsFromRows(rows: PreviewCell[][]): PreviewChart[] {
  const cell = (r: number, c: number) => (rows[r] && rows[r][c] ? String(rows[r][c].text ?? "") : "");
  // The block is found in whichever column its heading is (column A below the trend on the Weekly Trend
  // tab; right of the report on a Weekly Summary made before session 8).
  let h = -1;
  let c0 = 0;
  for (let i = 0; i < rows.length && h < 0; i++) {
    const j = (rows[i] || []).findIndex((x) => String(x?.text ?? "").startsWith(CHART_DATA_HEADING));
    if (j >= 0) [h, c0] = [i, j];
  }
  if (h < 0) return [];
  // A table's labels ("Week", then its series) are in the heading's column or right of it: on the Weekly
  // Trend tab in column B, so that its weeks share the trend's week columns.
  const labelColumn = (r: number) => {
    for (let c = c0; c < (rows[r] || []).length; c++) if (cell(r, c) !== "") return c;
    return -1;
  };
  const tables: { headers: string[]; rows: string[][] }[] = [];
  let i = h + 1;
  while (i < rows.length && tables.length < 2) {
    const t0 = labelColumn(i);
    if (t0 < 0 || cell(i, t0) !== "Week") {
      i++;
      continue;
    }
    const text = (r: number, c: number) => cell(r, t0 + c);
    const headers: string[] = [];
    for (let c = 0; text(i, c) !== ""; c++) headers.push(text(i, c));
    const body: string[][] = [];
    for (i++; i < rows.length && text(i, 0) !== ""; i++) body.push(headers.map((_, c) => text(i, c)));
    tables.push({ headers, rows: body });
  }
  // Weeks across the header row, one series per row (the embedded charts read the tables transposed).
  const toChart = (t: { headers: string[]; rows: string[][] }, title: string, kind: PreviewChart["kind"]): PreviewChart => ({
    title,
    kind,
    weeks: t.headers.slice(1),
    series: t.rows.map((r) => ({ name: r[0], values: r.slice(1).map(num) })),
  });
  const out: PreviewChart[] = [];
  if (tables[0]) out.push(toChart(tables[0], CHART_TITLES.scores, "line"));
  if (tables[1]) out.push(toChart(tables[1], CHART_TITLES.status, "stacked"));
  return out;
}

const W = 520;
const H = 260;
const PAD = { l: 40, r: 10, t: 28, b: 60 };

/** One chart as an SVG element (all text escaped). */
export function chartSvg(c: PreviewChart): string {
  const pw = W - PAD.l - PAD.r;
  const ph = H - PAD.t - PAD.b;
  const n = Math.max(1, c.weeks.length);
  const max =
    c.kind === "line"
      ? Math.max(1, ...c.series.flatMap((s) => s.values.filter((v): v is number => v !== null)))
      : Math.max(1, ...c.weeks.map((_, i) => c.series.reduce((a, s) => a + (s.values[i] ?? 0), 0)));
  const x = (i: number) => PAD.l + (c.kind === "line" ? (n === 1 ? pw / 2 : (i * pw) / (n - 1)) : ((i + 0.5) * pw) / n);
  const y = (v: number) => PAD.t + ph - (v / max) * ph;
  let body = `<text x="${W / 2}" y="16" text-anchor="middle" font-weight="600">${escapeHtml(c.title)}</text>`;
  body += `<line x1="${PAD.l}" y1="${PAD.t + ph}" x2="${PAD.l + pw}" y2="${PAD.t + ph}" stroke="#9aa0a6"/>`;
  for (const t of [0, max / 2, max]) {
    body += `<text x="${PAD.l - 4}" y="${y(t) + 4}" text-anchor="end" font-size="10">${escapeHtml(Number(t.toFixed(2)))}</text>`;
  }
  c.weeks.forEach((w, i) => (body += `<text x="${x(i)}" y="${PAD.t + ph + 14}" text-anchor="middle" font-size="10">${escapeHtml(w)}</text>`));
  if (c.kind === "line") {
    c.series.forEach((s, j) => {
      const colour = s.name.startsWith("Expected") ? "#9aa0a6" : COLOURS[j % COLOURS.length];
      const dash = s.name.startsWith("Expected") ? ' stroke-dasharray="4 3"' : "";
      const pts = s.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter((p) => p !== null);
      if (pts.length) body += `<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${pts.join(" ")}"><title>${escapeHtml(s.name)}</title></polyline>`;
    });
  } else {
    const bw = (pw / n) * 0.6;
    c.weeks.forEach((_, i) => {
      let base = 0;
      c.series.forEach((s, j) => {
        const v = s.values[i] ?? 0;
        if (v <= 0) return;
        const colour = MIX_COLOURS[s.name] || COLOURS[j % COLOURS.length];
        body += `<rect x="${(x(i) - bw / 2).toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${bw.toFixed(1)}" height="${(y(base) - y(base + v)).toFixed(1)}" fill="${colour}"><title>${escapeHtml(`${s.name}: ${v}`)}</title></rect>`;
        base += v;
      });
    });
  }
  // Legend
  let lx = PAD.l;
  c.series.forEach((s, j) => {
    const colour = c.kind === "stacked" ? MIX_COLOURS[s.name] || COLOURS[j % COLOURS.length] : s.name.startsWith("Expected") ? "#9aa0a6" : COLOURS[j % COLOURS.length];
    const ly = H - 26 + (lx > W - 120 ? 14 : 0);
    body += `<rect x="${lx}" y="${ly - 8}" width="10" height="10" fill="${colour}"/><text x="${lx + 14}" y="${ly + 1}" font-size="10">${escapeHtml(s.name)}</text>`;
    lx = lx > W - 120 ? PAD.l : lx + 16 + 7 * s.name.length;
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(c.title)}" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui,sans-serif" font-size="11">${body}</svg>`;
}

/** The charts of a tab as one block, or "" when it has none. */
export function chartsHtml(rows: PreviewCell[][], tab: string): string {
  const charts = chartsFromRows(rows);
  return charts.length
    ? `<div class="charts" id="charts" data-tab="${escapeHtml(tab)}" aria-label="Charts">${charts.map(chartSvg).join("")}</div>`
    : "";
}
