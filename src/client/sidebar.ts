// The check-in sidebar. Runs in the browser (Apps Script HtmlService sandbox, or the local preview), talks
// to the server only through google.script.run. Every piece of text that comes from the sheet is put
// into the page with textContent / createElement, never as HTML.
import type {
  CheckinRequest,
  Failure,
  SidebarData,
  SidebarKr,
  SidebarRequest,
  SidebarResult,
} from "../core/api";
import {
  FORM_FIELDS,
  GENERIC_FAILURE,
  LOAD_FAILURE,
  MAX_TEXT,
  RequestIdKeeper,
  confidenceOption,
  formatValue,
  mapFailure,
  projectCheckin,
  replaceKr,
  successMessage,
  validateForm,
  valueHint,
  valuePlaceholder,
  mergeDetails,
  withBrief,
  type DecimalSeparator,
  type FormValues,
  correctingMessage,
  closedMessage,
  defaultKrId,
} from "./logic";
import { FIX_FIELDS_MESSAGE } from "../core/messages";

import { $, clear, clearFieldErrors, make, setFieldError, showFieldErrors } from "./dom";
import { krItem, renderRecent } from "./krView";
import { callServer } from "./server";
import { setIdentityError, setStatus, show, showIdentity, showLoadError, takeEmbedded } from "./panels";

// ---------------------------------------------------------------------------------------------------
// State

let as: string | undefined;
let data: SidebarData | null = null;
let selectedId = "";
let sending = false;
/** The form replaces the KR's last check-in of this week ("Correct last check-in"). */
let correcting = false;
let loadSeq = 0;
/** The KR whose check-in is shown ahead of the server's reply (see submit), or "". */
let savingId = "";
/** The check-in the add-on's question (Submit anyway?) is about, while it is shown. */
let asked: CheckinRequest | null = null;
/** Where the focus goes back after a save (see setSending). */
let refocus: HTMLElement = $.submit;
/** The full data a large tracker's page asks for in the background (see loadDetails). */
let details: "complete" | "loading" | "failed" = "complete";
/** KRs whose entry came from a check-in's reply since the page loaded: newer than any full data. */
const replied: Record<string, true> = {};
const requestIds = new RequestIdKeeper();

function sep(): DecimalSeparator {
  return data && data.decimalSeparator === "," ? "," : ".";
}

function selectedKr(): SidebarKr | undefined {
  if (!data) return undefined;
  for (const k of data.krs) if (k.id === selectedId) return k;
  return undefined;
}


// ---------------------------------------------------------------------------------------------------
// Loading and identity (the page states themselves: panels.ts)



function loaded(res: SidebarResult | undefined): void {
  if (!res || typeof res !== "object") return showLoadError(LOAD_FAILURE);
  if (!res.ok) return showLoadError((res as Failure).message || LOAD_FAILURE);
  data = res;
  data.krs = withBrief(res.krs, res.brief);
  if (res.brief && res.brief.length) loadDetails();
  if (res.user.needsIdentity) return showIdentity(res.owners, as !== undefined ? "Pick your name from the list." : "", as);
  setStatus("");
  renderMain();
}

function load(): void {
  const seq = ++loadSeq;
  const embedded = as === undefined ? takeEmbedded() : undefined;
  if (embedded) return loaded(embedded);
  show("loading");
  const req: SidebarRequest = as !== undefined ? { as } : {};
  callServer("getSidebarData", req).then(
    (res) => {
      if (seq !== loadSeq) return;
      loaded(res);
    },
    () => {
      if (seq !== loadSeq) return;
      showLoadError(LOAD_FAILURE);
    },
  );
}

/**
 * A large tracker's page names most KRs only (server/checkinSidebar.ts sidebarPageData): the form is
 * usable at once, and their details are asked for here without holding anything up. The KR being chosen,
 * typed into or saved keeps its state; it only gains its facts, hint and recent check-ins.
 */
function loadDetails(): void {
  const seq = loadSeq;
  details = "loading";
  callServer("getSidebarData", as !== undefined ? { as } : {}).then(
    (res) => {
      if (seq !== loadSeq || !data) return;
      if (!res || !res.ok || res.user.needsIdentity) return detailsDone("failed");
      data.krs = mergeDetails(data.krs, res.krs, (id) => !!replied[id] || id === savingId);
      detailsDone("complete");
    },
    () => {
      if (seq === loadSeq) detailsDone("failed");
    },
  );
}

function detailsDone(outcome: "complete" | "failed"): void {
  details = outcome;
  renderKrList();
  // The chosen KR gains its hint, recent check-ins and "Correct last check-in"; what the person typed or
  // chose stays, and a question, a correction or a save in progress is left alone.
  if (!sending && !correcting && $.confirm.hidden && !replied[selectedId]) onKrSelected($.confidence.value === "");
}



$.identity.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const v = $.identitySelect.value;
  if (!v) {
    setIdentityError("Choose your name.");
    $.identitySelect.focus();
    return;
  }
  setIdentityError("");
  as = v;
  requestIds.succeeded(); // a new person: a new check-in
  load();
});

// Enter on the picker continues (a select does not submit its form on its own).
$.identitySelect.addEventListener("keydown", (ev) => {
  if (ev.key !== "Enter" || ev.isComposing) return;
  ev.preventDefault();
  if (typeof $.identity.requestSubmit === "function") $.identity.requestSubmit();
  else $.identity.dispatchEvent(new Event("submit", { cancelable: true }));
});

$.whoChange.addEventListener("click", () => {
  showIdentity(data ? data.owners : [], "", as);
});

$.loadRetry.addEventListener("click", () => load());

// ---------------------------------------------------------------------------------------------------
// Rendering

function renderMain(): void {
  if (!data) return;
  const d = data;
  const closed = d.cycle && d.cycle.closed;
  $.cycle.textContent = d.cycle && d.cycle.name
    ? `${d.cycle.name} · ${closed ? `${closed.start} to ${closed.end}` : `week ${d.cycle.week} of ${d.cycle.weeks}`}` + (d.cycle.asOf ? ` · ${d.cycle.asOf}` : "")
    : "";
  $.closed.textContent = closed ? closedMessage(closed, d.cycle.asOf) : "";
  $.closed.hidden = !closed;
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

function renderKrList(): void {
  if (!data) return;
  const d = data;
  clear($.krs);
  if (!d.krs.length) {
    $.krsEmpty.textContent = d.user.isAdmin
      ? "There are no key results in this tracker yet. Add them on the Key Results tab."
      : "You don't own any key results in this tracker. Ask an admin to put your email in the Owner column of the Key Results tab.";
    $.krsEmpty.hidden = false;
    $.krs.hidden = true;
    return;
  }
  $.krsEmpty.hidden = true;
  $.krs.hidden = false;
  const briefNote = details === "failed" ? "Details could not be loaded; you can still check in." : "Loading details…";
  for (const kr of d.krs) $.krs.appendChild(krItem(kr, { showOwner: d.user.isAdmin, sep: sep(), saving: kr.id === savingId, briefNote }));
}

function renderKrSelect(): void {
  if (!data) return;
  const krs = data.krs;
  $.form.hidden = krs.length === 0 || !!(data.cycle && data.cycle.closed);
  $.recentSection.hidden = krs.length === 0;
  if (!krs.length) {
    selectedId = "";
    return;
  }
  if (!krs.some((k) => k.id === selectedId)) selectedId = defaultKrId(krs, data.user);
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
  onKrSelected(true);
}

/** Updates the hint, the confidence default and the recent list for the chosen KR. */
function onKrSelected(resetConfidence: boolean): void {
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

$.kr.addEventListener("change", () => {
  if ($.kr.value === selectedId) return;
  selectedId = $.kr.value;
  // A check-in for another key result is a different check-in.
  requestIds.succeeded();
  setFieldError("krId", "");
  onKrSelected(true);
});

// ---------------------------------------------------------------------------------------------------
// Submitting

function formValues(): FormValues {
  return {
    krId: selectedId,
    value: $.value.value,
    confidence: $.confidence.value,
    whatChanged: $.whatChanged.value,
    blockers: $.blockers.value,
    nextStep: $.nextStep.value,
  };
}

function setCorrecting(on: boolean): void {
  correcting = on;
  // A save in flight keeps its "Saving…"; setSending(false) relabels.
  if (!sending) $.submit.textContent = on ? "Save correction" : "Submit check-in";
  showCancel();
}

/** Cancel (and Escape) backs out of the add-on's question, else out of a correction; not during a save. */
function showCancel(): void {
  $.cancel.hidden = sending || ($.confirm.hidden && !correcting);
}

$.correct.addEventListener("click", () => {
  const kr = selectedKr();
  if (!kr || !kr.correctable || sending) return;
  const c = kr.correctable;
  ask(false); // a question about the check-in on screen no longer applies
  requestIds.succeeded(); // a correction is a check-in of its own
  clearFieldErrors();
  $.value.value = formatValue(c.value, sep());
  $.confidence.value = confidenceOption(c.confidence);
  [$.whatChanged.value, $.blockers.value, $.nextStep.value] = [c.whatChanged, c.blockers, c.nextStep];
  $.correct.hidden = true;
  setCorrecting(true);
  setStatus(correctingMessage(c, kr, sep()));
  $.value.focus();
});

/**
 * The add-on's question about an implausible value (its text is in the status region): Submit anyway or
 * Cancel. Closing it also clears the question's text, so no question is left on screen without buttons.
 */
function ask(on: boolean): void {
  if (!on && !$.confirm.hidden) setStatus("");
  if (!on) asked = null;
  $.confirm.hidden = !on;
  showCancel();
}

function cancel(): void {
  if (!$.confirm.hidden) {
    ask(false);
    $.value.focus();
    $.value.select();
    return;
  }
  // Out of a correction: the form as it was before "Correct last check-in" filled it.
  for (const f of [$.value, $.whatChanged, $.blockers, $.nextStep]) f.value = "";
  clearFieldErrors();
  setStatus("");
  onKrSelected(true);
  $.correct.focus();
}

$.confirm.addEventListener("click", () => submit(true));
$.cancel.addEventListener("click", cancel);
$.value.addEventListener("input", () => ask(false)); // a new value: the old question goes

function setSending(on: boolean): void {
  sending = on;
  // Disabling the focused button or KR dropdown drops focus to <body>; it goes back there after the reply,
  // so keyboard users stay in place (Enter on the dropdown submits too).
  if (on) refocus = document.activeElement === $.kr ? $.kr : $.submit;
  $.submit.disabled = on;
  // The reply (a refusal naming fields, a question) is about this KR: it stays chosen until then.
  $.kr.disabled = on;
  $.submit.textContent = on ? "Saving…" : correcting ? "Save correction" : "Submit check-in";
  if (on) $.confirm.hidden = true;
  showCancel();
  // Not aria-busy on the form: it holds the status region, whose "Saving… New: score …" screen readers would
  // then hold back. The disabled button and the KR's list entry (aria-busy) say a save is in flight.
  if (!on && (document.activeElement === document.body || document.activeElement === null)) refocus.focus();
}

/** The check-in the form holds, or null after showing what to fix. */
function formRequest(): CheckinRequest | null {
  const v = formValues();
  clearFieldErrors();
  const local = validateForm(v);
  const localErrors = FORM_FIELDS.filter((f) => !!local[f]).map((f) => ({ field: f, message: local[f] as string }));
  if (localErrors.length) {
    ask(false);
    setStatus(FIX_FIELDS_MESSAGE, "error");
    showFieldErrors(localErrors);
    return null;
  }
  const req: CheckinRequest = {
    requestId: requestIds.current(),
    krId: v.krId,
    value: v.value.trim(),
    confidence: Number(v.confidence),
    whatChanged: v.whatChanged,
    blockers: v.blockers,
    nextStep: v.nextStep,
  };
  if (as !== undefined) req.as = as;
  if (correcting) req.correct = true;
  // The row the KR was on when the data was read: the server reads that row alone if it still holds the KR.
  const shown = selectedKr();
  if (shown && typeof shown.row === "number") req.row = shown.row;
  return req;
}

function submit(confirmed = false): void {
  if (sending || !data) return;
  // "Submit anyway" answers the question about one request: it is sent again as it was asked about, not
  // rebuilt from fields that may have been retyped while the question was on its way.
  const req = confirmed && asked ? { ...asked, confirmed: true } : formRequest();
  if (!req) return;
  setSending(true);
  // The result shows now, computed by the server's own rules, marked as saving; the reply confirms it or
  // puts the KR back as it was.
  const before = selectedKr();
  const projected = before && !before.brief ? projectCheckin(before, req.value as string, req.confidence as number, data.locale, data.cycle.asOf, data.rules) : null;
  const rollBack = () => {
    if (!projected || !before || !data) return;
    data.krs = replaceKr(data.krs, before);
    savingId = "";
    renderKrList();
  };
  if (projected) {
    data.krs = replaceKr(data.krs, projected);
    savingId = projected.id;
    renderKrList();
    setStatus("Saving… " + successMessage(projected, false, sep()).replace(/^Saved/, "New"));
  } else setStatus("Saving…");
  callServer("submitCheckin", req).then(
    (res) => {
      if (res && typeof res === "object" && res.ok === true && res.kr) {
        requestIds.succeeded();
        correcting = false;
        savingId = "";
        replied[res.kr.id] = true;
        if (data) data.krs = replaceKr(data.krs, res.kr);
        renderKrList();
        if (res.kr.id === selectedId) {
          $.value.value = "";
          $.whatChanged.value = "";
          $.blockers.value = "";
          $.nextStep.value = "";
          onKrSelected(true);
        }
        setSending(false);
        setStatus(successMessage(res.kr, !!res.duplicate, sep()), "success");
        return;
      }
      rollBack();
      setSending(false);
      const failure = (res && typeof res === "object" ? res : { ok: false, message: "" }) as Failure;
      const mapped = mapFailure(failure);
      setStatus(mapped.message, failure.busy ? "busy" : "error");
      if (failure.confirm) {
        // The value looks like a mistake: ask, with the same request ID, rather than save it.
        ask(true);
        asked = req;
        $.confirm.focus();
        return;
      }
      showFieldErrors(mapped.fields);
    },
    () => {
      // Never show the exception itself (it may be a stack trace); the request ID is kept, so a resend
      // of a check-in that did get through is recognised and not written twice.
      rollBack();
      setSending(false);
      setStatus(GENERIC_FAILURE, "error");
    },
  );
}

$.form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  submit();
});

// Enter in a one-line field submits (selects do not do that on their own); Ctrl/Cmd+Enter in a textarea.
// Escape is Cancel (the add-on's question, or a correction).
$.form.addEventListener("keydown", (ev) => {
  if (ev.isComposing) return; // Enter or Escape ends an IME composition, nothing more
  if (ev.key === "Escape" && !$.cancel.hidden) {
    ev.preventDefault();
    cancel();
    return;
  }
  if (ev.key !== "Enter") return;
  const t = ev.target as HTMLElement;
  if (t.tagName === "SELECT" || (t.tagName === "TEXTAREA" && (ev.ctrlKey || ev.metaKey))) {
    ev.preventDefault();
    submit();
  }
});

for (const t of [$.whatChanged, $.blockers, $.nextStep]) t.maxLength = MAX_TEXT;

load();
