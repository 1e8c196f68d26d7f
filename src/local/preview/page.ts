// The preview page: a spreadsheet-like view of the workbook's tabs, with the real sidebar beside it.
// Server-side rendering escapes every piece of text; the refresh script renders with textContent.
import { columnLetter } from "../../core/formulas";
import type { PreviewMenuItem, PreviewNotice, PreviewTab } from "./types";
import { MENU_CSS, MENU_HTML, MENU_JS, renderMenu, renderNotices } from "./menuUi";
import { RPC_DONE_MESSAGE } from "./shim";
import { chartsHtml } from "./charts";
import { TAB } from "../../core/tabs";
import { escapeHtml } from "./escape";
import { gridTab, ROWNUM_WIDTH, type GridCell, type GridTab } from "./grid";

export { escapeHtml };

/** A, B, … Z, AA, AB, … */
export { columnLetter }; // 0-based, as the grid's header row uses it

function renderTable(tab: GridTab | undefined): string {
  if (!tab) return `<p class="empty">This workbook has no visible tabs.</p>`;
  const { rows, widths: cols } = tab;
  const row = (r: GridCell[], i: number): string => {
    let out = `<tr><th scope="row" class="rownum">${i + 1}</th>`;
    for (let c = 0; c < cols.length; c++) {
      const cell = r[c];
      const css = cell && cell.css ? cell.css : "";
      const flow = cell ? cell.flow : undefined;
      const attrs = (flow ? ` class="${flow}"` : "") + (flow === "clip" ? ` title="${escapeHtml(String(cell!.text))}"` : "");
      out += `<td${attrs}${css ? ` style="${escapeHtml(css)}"` : ""}>${escapeHtml(cell ? cell.text : "")}</td>`;
    }
    return out + "</tr>";
  };
  let head = `<tr class="letters"><th class="corner"></th>`;
  for (let c = 0; c < cols.length; c++) head += `<th scope="col">${columnLetter(c)}</th>`;
  head += "</tr>";
  for (let i = 0; i < tab.frozenRows; i++) head += row(rows[i], i).replace("<tr>", '<tr class="frozen">');
  let body = "";
  for (let i = tab.frozenRows; i < rows.length; i++) body += row(rows[i], i);
  const colgroup = `<colgroup><col class="rownum-col">${cols.map((w) => `<col style="width:${w}px">`).join("")}</colgroup>`;
  const total = ROWNUM_WIDTH + cols.reduce((a, b) => a + b, 0);
  return `<table class="grid" style="width:${total}px" aria-label="${escapeHtml(tab.name)}">${colgroup}<thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function renderTabStrip(tabs: PreviewTab[], selected: number): string {
  return tabs
    .map(
      (t, i) =>
        `<a role="tab" href="/?tab=${encodeURIComponent(t.name)}" data-index="${i}" aria-selected="${i === selected}"${
          i === selected ? ' class="active"' : ""
        }>${escapeHtml(t.name)}</a>`,
    )
    .join("");
}

/**
 * The rows the charts under a tab are drawn from: the Weekly Summary's charts draw the Chart data on the
 * Weekly Trend tab (as the embedded charts do), any other tab its own.
 */
function chartRows(tabs: PreviewTab[], tab: PreviewTab): PreviewTab["rows"] {
  if (tab.name !== TAB.summary) return tab.rows;
  return tabs.find((t) => t.name === TAB.trend)?.rows ?? tab.rows;
}

/** Which tab a `?tab=` value names: a tab name, else a 0-based index, else the first tab. */
export function selectTab(tabs: PreviewTab[], q: string | null): number {
  if (q === null || q === "") return 0;
  const byName = tabs.findIndex((t) => t.name === q);
  if (byName >= 0) return byName;
  const n = Number(q);
  return Number.isInteger(n) && n >= 0 && n < tabs.length ? n : 0;
}

export function renderPage(
  title: string,
  tabs: PreviewTab[],
  selected: number,
  extras: { menu?: PreviewMenuItem[]; notices?: PreviewNotice[] } = {},
): string {
  const t = escapeHtml(title);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t} — okr-sheets preview</title>
<style>${PAGE_CSS}${MENU_CSS}</style>
</head>
<body>
<div class="layout">
  <div class="sheet">
    <header class="bar"><span class="doc-title">${t}</span>${renderMenu(extras.menu || [])}<span class="note">Local preview · okr-sheets</span></header>
    ${renderNotices(extras.notices || [])}
    ${MENU_HTML}
    <div class="grid-wrap" id="grid" role="tabpanel" tabindex="0">${renderTable(tabs[selected] ? gridTab(tabs[selected]) : undefined)}</div>
    ${tabs[selected] ? chartsHtml(chartRows(tabs, tabs[selected]), tabs[selected].name) : ""}
    <nav class="tabs" role="tablist" id="tabs" aria-label="Sheets">${renderTabStrip(tabs, selected)}</nav>
  </div>
  <aside class="side"><iframe id="sidebar" src="/sidebar" title="Check-in sidebar"></iframe></aside>
</div>
<script>${PAGE_JS}</script>
</body>
</html>`;
}

const PAGE_CSS = `
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#202124;background:#f8f9fa}
.layout{display:flex;height:100vh}
.sheet{flex:1;min-width:0;display:flex;flex-direction:column;background:#fff}
.bar{display:flex;align-items:baseline;gap:12px;padding:8px 12px;border-bottom:1px solid #dadce0}
.doc-title{font-size:16px;font-weight:500}
.note{color:#5f6368;font-size:12px}
.grid-wrap{flex:1;overflow:auto;position:relative}
.grid{border-collapse:separate;border-spacing:0;font-size:12px;table-layout:fixed}
.grid col.rownum-col{width:40px}
.grid td,.grid th{border-right:1px solid #e2e3e3;border-bottom:1px solid #e2e3e3;padding:2px 4px;white-space:pre;vertical-align:bottom;overflow:hidden;overflow-wrap:normal;word-break:normal;background:#fff}
.grid td.wrap{white-space:pre-wrap}
.grid td.spill{overflow:visible}
.grid thead{position:sticky;top:0;z-index:2}
.grid thead tr.letters th{background:#f8f9fa;color:#5f6368;font-weight:400;text-align:center;border-bottom:1px solid #c0c0c0}
.grid thead tr.frozen td{border-bottom:2px solid #c0c0c0}
.grid th.rownum,.grid th.corner{background:#f8f9fa;color:#5f6368;font-weight:400;text-align:center;position:sticky;left:0;z-index:1}
.grid th.corner{z-index:3}
.empty{padding:16px;color:#5f6368}
.tabs{display:flex;gap:2px;overflow-x:auto;border-top:1px solid #dadce0;background:#f1f3f4;padding:0 8px}
.tabs a{padding:6px 14px;color:#3c4043;text-decoration:none;white-space:nowrap;border-bottom:3px solid transparent}
.tabs a:hover{background:#e8eaed}
.tabs a.active{background:#fff;color:#188038;font-weight:600;border-bottom-color:#188038}
.tabs a:focus-visible{outline:2px solid #1a73e8;outline-offset:-2px}
.charts{display:flex;flex-wrap:wrap;gap:8px;padding:8px 12px;border-top:1px solid #dadce0;max-height:290px;overflow:auto;background:#fff}
.side{width:300px;flex:none;border-left:1px solid #dadce0;background:#fff}
.side iframe{width:300px;height:100%;border:0;display:block}
`;

// Runs in the page: switches tabs without a reload and refreshes the table from /api/tabs when the
// sidebar reports a server call, or when the window gets focus back. Text goes in with textContent.
const PAGE_JS = `(function () {
  "use strict";
  var grid = document.getElementById("grid");
  var strip = document.getElementById("tabs");
  var current = (function () {
    var a = strip.querySelector("a.active");
    return a ? a.textContent : null;
  })();
  var tabs = null;
  function letter(i) { var n = i + 1, s = ""; while (n > 0) { var m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
  function index() {
    if (!tabs || !tabs.length) return -1;
    for (var i = 0; i < tabs.length; i++) if (tabs[i].name === current) return i;
    return 0;
  }
  function renderStrip(sel) {
    while (strip.firstChild) strip.removeChild(strip.firstChild);
    tabs.forEach(function (t, i) {
      var a = el("a", i === sel ? "active" : "", t.name);
      a.setAttribute("role", "tab");
      a.setAttribute("href", "/?tab=" + encodeURIComponent(t.name));
      a.setAttribute("data-index", String(i));
      a.setAttribute("aria-selected", String(i === sel));
      strip.appendChild(a);
    });
  }
  function renderGrid(tab) {
    var top = grid.scrollTop, left = grid.scrollLeft;
    while (grid.firstChild) grid.removeChild(grid.firstChild);
    if (!tab) { grid.appendChild(el("p", "empty", "This workbook has no visible tabs.")); return; }
    // Laid out by the server (grid.ts gridTab, as for its own HTML): the widths, and each cell's flow and
    // style (CSS built from validated values only) come with it.
    var rows = tab.rows, width = tab.widths.length, frozen = tab.frozenRows;
    var table = el("table", "grid"); table.setAttribute("aria-label", tab.name);
    var cg = el("colgroup"), rc = el("col", "rownum-col"), total = ${ROWNUM_WIDTH};
    cg.appendChild(rc);
    tab.widths.forEach(function (px) { var col = el("col"); col.style.width = px + "px"; cg.appendChild(col); total += px; });
    table.style.width = total + "px";
    table.appendChild(cg);
    var thead = el("thead"), tbody = el("tbody");
    var lt = el("tr", "letters"); lt.appendChild(el("th", "corner"));
    for (var c = 0; c < width; c++) { var th = el("th", "", letter(c)); th.setAttribute("scope", "col"); lt.appendChild(th); }
    thead.appendChild(lt);
    rows.forEach(function (r, i) {
      var tr = el("tr", i < frozen ? "frozen" : "");
      var rh = el("th", "rownum", String(i + 1)); rh.setAttribute("scope", "row"); tr.appendChild(rh);
      for (var c = 0; c < width; c++) {
        var cell = r[c];
        var td = el("td", cell && cell.flow ? cell.flow : "", cell ? String(cell.text == null ? "" : cell.text) : "");
        if (cell && cell.flow === "clip") td.title = String(cell.text);
        if (cell && cell.css) td.style.cssText = cell.css;
        tr.appendChild(td);
      }
      (i < frozen ? thead : tbody).appendChild(tr);
    });
    table.appendChild(thead); table.appendChild(tbody);
    grid.appendChild(table);
    grid.scrollTop = top; grid.scrollLeft = left;
  }
  // The charts are drawn by the server for the tab the page opened on (a reload redraws them).
  function showCharts(i) { var ch = document.getElementById("charts"); if (ch) ch.hidden = !(i >= 0 && tabs[i].name === ch.getAttribute("data-tab")); }
  function render() { var i = index(); renderStrip(i); renderGrid(i >= 0 ? tabs[i] : undefined); showCharts(i); }
  var pending = null;
  function refresh() {
    if (pending) return pending;
    pending = fetch("/api/tabs", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (t) { tabs = t; render(); return refreshNotices(); })
      .then(function () { document.body.setAttribute("data-refreshed", String(Date.now())); })
      .catch(function () { /* keep what is shown */ })
      .then(function () { pending = null; });
    return pending;
  }
  strip.addEventListener("click", function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest("a[data-index]") : null;
    if (!a || !tabs) return;
    ev.preventDefault();
    current = tabs[Number(a.getAttribute("data-index"))].name;
    render();
    try { history.replaceState(null, "", "/?tab=" + encodeURIComponent(current)); } catch (e) {}
    var active = strip.querySelector("a.active"); if (active) active.focus();
  });
  window.addEventListener("message", function (ev) {
    if (ev.origin !== window.location.origin) return;
    if (ev.data && ev.data.type === ${JSON.stringify(RPC_DONE_MESSAGE)}) refresh();
  });
${MENU_JS}
  window.addEventListener("focus", refresh);
  window.okrPreviewRefresh = refresh;
  refresh();
})();`;
