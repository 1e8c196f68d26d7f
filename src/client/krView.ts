// How one KR is drawn in the sidebar: its entry in the list, and its recent check-ins under the form.
import type { SidebarKr } from "../core/api";
import { $, clear, fact, make } from "./dom";
import { formatScore, formatValue, krForecastLine, krValue, recentForDisplay, statusClass, withUnit, type NumberStyle } from "./logic";

export interface KrItemOptions {
  showOwner: boolean;
  sep: NumberStyle;
  /** Its check-in is shown ahead of the server's reply. */
  saving: boolean;
  /** For a KR known by name only (SidebarKr.brief): why its facts are not shown. */
  briefNote: string;
  /** The server's today (SidebarData.cycle.asOf): after the cycle's last day the forecast line says how it ended. */
  today: string;
}

export function krItem(kr: SidebarKr, o: KrItemOptions): HTMLLIElement {
  const s = o.sep;
  const li = make("li", "kr");
  li.setAttribute("data-kr-id", kr.id);
  li.appendChild(make("div", "kr-name", kr.name || kr.id));
  const objective = [kr.id, kr.objective || (kr.brief ? kr.objectiveId : "")].filter((x) => !!x).join(" · ");
  if (objective) li.appendChild(make("div", "kr-objective", objective));
  if (o.showOwner && kr.owner) li.appendChild(make("div", "kr-objective", "Owner: " + kr.owner));
  if (kr.brief) {
    li.classList.add("is-brief");
    li.appendChild(make("div", "kr-facts kr-brief", o.briefNote));
    return li;
  }

  const facts = make("div", "kr-facts");
  const status = kr.status || "—";
  const badge = make("span", "badge " + statusClass(kr.status), status);
  facts.appendChild(badge);
  facts.appendChild(fact("Score", formatScore(kr.score, s)));
  const current = krValue(kr, kr.current, s);
  const target = krValue(kr, kr.target, s);
  facts.appendChild(fact("Now", current ? withUnit(current, kr.unit, s) : "—"));
  facts.appendChild(fact("Target", target ? withUnit(target, kr.unit, s) : "—"));
  li.appendChild(facts);
  li.appendChild(make("div", "kr-facts", kr.lastCheckin ? "Last check-in " + kr.lastCheckin : "No check-in yet"));
  // Worded here, in the locale's separator as the facts above; absent on a tracker without the forecast columns.
  // Its numbers come as the cells show them (a fraction-% KR's × 100 already: server/forecastCells.ts).
  if (kr.forecast) li.appendChild(make("div", "kr-facts kr-forecast", krForecastLine(kr.forecast, kr.unit, s, o.today)));
  if (o.saving) {
    li.classList.add("is-saving");
    li.setAttribute("aria-busy", "true");
    li.appendChild(make("div", "kr-saving", "Saving…"));
  }
  return li;
}

/** `empty` is what an empty list says: none yet, or not loaded yet (a large tracker's page). */
export function renderRecent(kr: SidebarKr | undefined, s: NumberStyle, empty: string): void {
  clear($.recent);
  const list = kr ? recentForDisplay(kr.recent, 5) : [];
  $.recentEmpty.textContent = empty;
  $.recentEmpty.hidden = list.length > 0;
  $.recent.hidden = list.length === 0;
  for (const r of list) {
    const li = make("li");
    const meta = make("div", "meta");
    meta.appendChild(make("span", "date", r.date || "—"));
    const v = kr ? krValue(kr, r.value, s) : formatValue(r.value, s);
    meta.appendChild(document.createTextNode(` · ${kr ? withUnit(v, kr.unit, s) : v}`));
    const c = formatValue(r.confidence, s);
    if (c) meta.appendChild(document.createTextNode(` · confidence ${c}`));
    li.appendChild(meta);
    if (r.whatChanged) li.appendChild(make("div", "text", r.whatChanged));
    $.recent.appendChild(li);
  }
}
