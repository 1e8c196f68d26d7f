// The check-in sidebar. Runs in the browser (Apps Script HtmlService sandbox, or the local preview), talks
// to the server only through google.script.run. Every piece of text that comes from the sheet is put
// into the page with textContent / createElement, never as HTML.
//
// This file wires the page's events; what they do: load.ts (the data), view.ts (drawing it), formMode.ts
// and submit.ts (the check-in form), state.ts (what is known between events).
import { $, setFieldError } from "./dom";
import { ask } from "./formMode";
import { load } from "./load";
import { MAX_TEXT } from "./logic";
import { setIdentityError, showIdentity } from "./panels";
import { cancel, startCorrection, submit } from "./submit";
import { data, as, requestIds, select, selectedId, setAs } from "./state";
import { onKrSelected } from "./view";

$.identity.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const v = $.identitySelect.value;
  if (!v) {
    setIdentityError("Choose your name.");
    $.identitySelect.focus();
    return;
  }
  setIdentityError("");
  setAs(v);
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

$.kr.addEventListener("change", () => {
  if ($.kr.value === selectedId) return;
  select($.kr.value);
  // A check-in for another key result is a different check-in.
  requestIds.succeeded();
  setFieldError("krId", "");
  onKrSelected(true);
});

$.correct.addEventListener("click", startCorrection);
$.confirm.addEventListener("click", () => submit(true));
$.cancel.addEventListener("click", cancel);
$.value.addEventListener("input", () => ask(false)); // a new value: the old question goes

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
