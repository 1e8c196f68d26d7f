// The add-on menu, its questions and its messages in the preview page, and the notices above the grid.
// Server-side HTML escapes every piece of text; the script renders with textContent only.
import { escapeHtml } from "./escape";
import type { PreviewMenuItem, PreviewNotice } from "./types";

/** Where the page keeps a menu item's messages across the reload that follows it. */
const RESULT_KEY = "okr-sheets-preview:menu-result";

export function renderMenu(items: PreviewMenuItem[]): string {
  if (!items.length) return "";
  const buttons = items
    .map((i) => `<button type="button" role="menuitem" data-fn="${escapeHtml(i.fn)}">${escapeHtml(i.caption)}</button>`)
    .join("");
  return `<details class="menu" id="menu"><summary>Add-on menu</summary><div class="menu-items" role="menu" aria-label="Add-on menu">${buttons}</div></details>`;
}

export function renderNotices(notices: PreviewNotice[]): string {
  const lines = notices.map((n) => `<p class="notice" data-kind="${escapeHtml(n.kind)}">${escapeHtml(n.text)}</p>`).join("");
  return `<div id="notices" class="notices" role="status">${lines}</div>`;
}

export const MENU_HTML = `<div id="menu-result" class="menu-result" role="alert" hidden><div id="menu-result-body"></div><button type="button" id="menu-result-close">Close</button></div>
<dialog id="ask" aria-labelledby="ask-title"><form method="dialog"><h2 id="ask-title"></h2><p id="ask-prompt"></p><input id="ask-text" type="text" aria-labelledby="ask-prompt" autocomplete="off"><div id="ask-buttons" class="ask-buttons"></div></form></dialog>`;

export const MENU_CSS = `
.menu{position:relative}
.menu summary{cursor:pointer;padding:2px 8px;border:1px solid #dadce0;border-radius:4px;list-style:none;user-select:none}
.menu summary::-webkit-details-marker{display:none}
.menu summary::after{content:" ▾"}
.menu-items{position:absolute;z-index:10;top:100%;left:0;margin-top:2px;background:#fff;border:1px solid #dadce0;box-shadow:0 2px 6px rgba(0,0,0,.15);display:flex;flex-direction:column;min-width:240px}
.menu-items button{all:unset;padding:6px 14px;cursor:pointer;white-space:nowrap}
.menu-items button:hover,.menu-items button:focus-visible{background:#e8eaed}
.notices:empty{display:none}
.notice{margin:0;padding:4px 12px;font-size:12px;border-bottom:1px solid #dadce0}
.notice[data-kind="today"]{background:#e8f0fe;color:#174ea6}
.notice[data-kind="stale"]{background:#fef7e0;color:#7a4f01}
.menu-result{padding:8px 12px;border-bottom:1px solid #dadce0;background:#e6f4ea;display:flex;gap:12px;align-items:flex-start}
.menu-result[hidden]{display:none}
.menu-result>div{flex:1;white-space:pre-wrap}
.menu-result b{display:block}
dialog#ask{border:1px solid #dadce0;border-radius:8px;max-width:480px}
dialog#ask h2{font-size:15px;margin:0 0 8px}
dialog#ask p{white-space:pre-wrap;margin:0 0 8px}
dialog#ask input{width:100%;margin-bottom:8px}
.ask-buttons{display:flex;gap:8px;justify-content:flex-end}
`;

const LABELS = `{ OK: "OK", CANCEL: "Cancel", YES: "Yes", NO: "No", CLOSE: "Close" }`;

/**
 * Runs in the page (inside the main script's function, which defines el, refresh and current): a menu
 * item is POSTed to /menu; a question comes back as a dialog and the item runs again with the answers so
 * far; when it is done its messages are kept in sessionStorage and the page reloads on the tab it wrote,
 * so the grid, the charts, the notices and the sidebar all show the new state.
 */
export const MENU_JS = `
  var LABELS = ${LABELS};
  var menu = document.getElementById("menu");
  var dlg = document.getElementById("ask");
  var result = document.getElementById("menu-result");
  function showResult(messages) {
    var body = document.getElementById("menu-result-body");
    while (body.firstChild) body.removeChild(body.firstChild);
    messages.forEach(function (m) {
      var p = el("p");
      if (m.title) p.appendChild(el("b", "", m.title));
      p.appendChild(document.createTextNode(m.text));
      body.appendChild(p);
    });
    result.hidden = messages.length === 0;
  }
  document.getElementById("menu-result-close").addEventListener("click", function () { result.hidden = true; });
  try {
    var kept = sessionStorage.getItem(${JSON.stringify(RESULT_KEY)});
    if (kept) { sessionStorage.removeItem(${JSON.stringify(RESULT_KEY)}); showResult(JSON.parse(kept)); }
  } catch (e) { /* storage unavailable: the message is lost, the change is not */ }
  function ask(q, answer) {
    document.getElementById("ask-title").textContent = q.title || "OKR tracker";
    document.getElementById("ask-prompt").textContent = q.prompt;
    var input = document.getElementById("ask-text");
    input.hidden = q.kind !== "prompt";
    input.value = "";
    var box = document.getElementById("ask-buttons");
    while (box.firstChild) box.removeChild(box.firstChild);
    var answered = false;
    function reply(button) {
      if (answered) return;
      answered = true;
      if (dlg.open) dlg.close();
      answer(q.kind === "prompt" ? { button: button, text: input.value } : { button: button });
    }
    q.buttons.forEach(function (b, i) {
      var btn = el("button", "", LABELS[b] || b);
      btn.type = "button";
      btn.addEventListener("click", function () { reply(b); });
      box.appendChild(btn);
    });
    input.onkeydown = function (ev) { if (ev.key === "Enter") { ev.preventDefault(); reply("OK"); } };
    dlg.oncancel = function () { reply("CLOSE"); };
    dlg.showModal();
    if (q.kind === "prompt") input.focus();
  }
  function runMenu(fn, answers) {
    fetch("/menu", { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ fn: fn, answers: answers }) })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) throw new Error(b && b.error ? b.error : "The preview server answered " + r.status + "."); return b; }); })
      .then(function (o) {
        if (!o.done) { ask(o.ask, function (a) { runMenu(fn, answers.concat([a])); }); return; }
        try { sessionStorage.setItem(${JSON.stringify(RESULT_KEY)}, JSON.stringify(o.messages)); } catch (e) {}
        window.location.href = "/?tab=" + encodeURIComponent(o.tab || current || "");
      })
      .catch(function (e) { showResult([{ title: "The menu item failed", text: e.message }]); });
  }
  if (menu) menu.addEventListener("click", function (ev) {
    var b = ev.target && ev.target.closest ? ev.target.closest("button[data-fn]") : null;
    if (!b) return;
    menu.open = false;
    showResult([]);
    runMenu(b.getAttribute("data-fn"), []);
  });
  var notices = document.getElementById("notices");
  function refreshNotices() {
    return fetch("/api/notices", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (list) {
        while (notices.firstChild) notices.removeChild(notices.firstChild);
        list.forEach(function (n) { var p = el("p", "notice", n.text); p.setAttribute("data-kind", n.kind); notices.appendChild(p); });
      })
      .catch(function () { /* keep what is shown */ });
  }
`;
