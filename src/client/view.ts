// Drawing the main view from the state: the cycle and who is checking in, the KR list, the KR picker, and
// the chosen KR's hint and recent check-ins.
import { isOwner } from "../core/owners";
import { $, clear, make } from "./dom";
import { ask, setCorrecting } from "./formMode";
import { krItem, renderRecent } from "./krView";
import { closedMessage, confidenceOption, lateMessage, defaultKrId, valueHint, valuePlaceholder } from "./logic";
import { show } from "./panels";
import { data, details, replied, savingId, select, selectedId, selectedKr, sep } from "./state";

export function renderMain(): void {
  if (!data) return;
  const d = data;
  const closed = d.cycle && d.cycle.closed;
  $.cycle.textContent = d.cycle && d.cycle.name
    ? `${d.cycle.name} · ${closed ? `${closed.start} to ${closed.end}` : `week ${d.cycle.week} of ${d.cycle.weeks}`}` + (d.cycle.asOf ? ` · ${d.cycle.asOf}` : "")
    : "";
  const late = d.cycle && d.cycle.late;
  $.closed.textContent = closed ? closedMessage(closed, d.cycle.asOf) : late ? lateMessage(late) : "";
  $.closed.hidden = !closed && !late;
  const who = d.user.actingAs || d.user.email || "";
  clear($.whoText);
  if (who) {
    $.whoText.appendChild(document.createTextNode("Checking in as "));
    $.whoText.appendChild(make("strong", undefined, who));
    if (d.user.isAdmin) $.whoText.appendChild(document.createTextNode(" (admin)"));
  }
  $.who.hidden = !who;
  // Only someone who picked their name can change it; a signed-in email is what it is.
  $.whoChange.hidden = !(d.user.email === null && d.owners && d.owners.length > 0);

  $.krsHeading.textContent = d.user.isAdmin ? "All key results" : "Your key results";
  $.value.placeholder = valuePlaceholder(sep());
  renderKrList();
  renderKrSelect();
  show("main");
  // Where the person starts: the key result, or New value when there is only one; outside the cycle the
  // message saying so (the form is hidden).
  if (closed) $.closed.focus();
  else if (!$.form.hidden) ($.kr.hidden ? $.value : $.kr).focus();
}

/**
 * Who owns nothing, named: a Google Workspace user signed in as `anna.lee@…` whose KRs name the alias
 * `anna@…` is matched by neither, and only the address shown says why (docs/checkins.md).
 */
function nothingOwned(me: string): string {
  const who = me ? `You (${me}) don't` : "You don't";
  const what = me.indexOf("@") >= 0 ? "this address" : "your email";
  return `${who} own any key results in this tracker: ask an admin to type ${what} in the Owner column of the Key Results tab (another address of yours, such as an alias, does not match).`;
}

export function renderKrList(): void {
  if (!data) return;
  const d = data;
  clear($.krs);
  if (!d.krs.length) {
    $.krsEmpty.textContent = d.user.isAdmin
      ? "There are no key results in this tracker yet. Add them on the Key Results tab."
      : nothingOwned(d.user.email || d.user.actingAs || "");
    $.krsEmpty.hidden = false;
    $.krs.hidden = true;
    return;
  }
  $.krsEmpty.hidden = true;
  $.krs.hidden = false;
  const briefNote = details === "failed" ? "Details could not be loaded; you can still check in." : "Loading details…";
  // Whose it is, on a KR listed to someone who does not own it (an admin, or its objective's owner).
  for (const kr of d.krs) $.krs.appendChild(krItem(kr, { showOwner: d.user.isAdmin || !isOwner(kr.owner, d.user.actingAs), sep: sep(), saving: kr.id === savingId, briefNote, today: (d.cycle && d.cycle.asOf) || "" }));
}

function renderKrSelect(): void {
  if (renderKrOptions()) onKrSelected(true);
}

/**
 * The key result picker's options (and the form shown when there is a KR), keeping the person's choice;
 * false when there is none to choose. Also when KRs join the list (load.ts), leaving what was typed alone.
 */
export function renderKrOptions(): boolean {
  if (!data) return false;
  const krs = data.krs;
  $.form.hidden = krs.length === 0 || !!(data.cycle && data.cycle.closed);
  $.recentSection.hidden = krs.length === 0;
  if (!krs.length) {
    select("");
    return false;
  }
  if (!krs.some((k) => k.id === selectedId)) select(defaultKrId(krs, data.user));
  const nameCount: Record<string, number> = {};
  for (const k of krs) nameCount[k.name] = (nameCount[k.name] || 0) + 1;
  clear($.kr);
  if (!selectedId) {
    const none = make("option", undefined, "Choose a key result…");
    none.value = "";
    none.selected = true;
    $.kr.appendChild(none);
  }
  for (const k of krs) {
    const label = k.name || k.id;
    const opt = make("option", undefined, nameCount[k.name] > 1 || !k.name ? `${label} (${k.id})` : label);
    opt.value = k.id;
    if (k.id === selectedId) opt.selected = true;
    $.kr.appendChild(opt);
  }
  $.kr.value = selectedId;
  const single = krs.length === 1;
  $.kr.hidden = single;
  $.krSingle.hidden = !single;
  $.krSingle.textContent = single ? krs[0].name || krs[0].id : "";
  // With one KR the label names the text shown instead of a select.
  if (single) {
    $.krSingle.setAttribute("aria-labelledby", "kr-label");
    $.krSingle.setAttribute("role", "note");
  } else {
    $.krSingle.removeAttribute("aria-labelledby");
    $.krSingle.removeAttribute("role");
  }
  return true;
}

/** Updates the hint, the confidence default and the recent list for the chosen KR. */
export function onKrSelected(resetConfidence: boolean): void {
  const kr = selectedKr();
  setCorrecting(false);
  ask(false);
  $.correct.hidden = !(kr && kr.correctable);
  $.valueHint.textContent = !kr ? "" : !kr.brief ? valueHint(kr, sep()) : details === "failed" ? "Its current value could not be loaded." : "Loading its current value…";
  if (kr && resetConfidence) $.confidence.value = confidenceOption(kr.confidence);
  // A large tracker's page carries no check-ins: they come with the full data (loadDetails).
  const known = details === "complete" || !kr || replied[kr.id];
  renderRecent(kr, sep(), known ? "No check-ins yet for this key result." : details === "loading" ? "Loading recent check-ins…" : "Recent check-ins could not be loaded.");
}
