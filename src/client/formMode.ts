// The check-in form's modes: sending (a save in flight), correcting ("Correct last check-in"), and the
// add-on's question about an implausible value (Submit anyway / Cancel); and the request the form holds.
import type { CheckinRequest } from "../core/api";
import { FIX_FIELDS_MESSAGE } from "../core/messages";
import { $, clearFieldErrors, showFieldErrors } from "./dom";
import { FORM_FIELDS, validateForm, type FormValues } from "./logic";
import { setStatus } from "./panels";
import { as, data, requestIds, selectedId, selectedKr } from "./state";

export let sending = false;
/** The form replaces the KR's last check-in of this week ("Correct last check-in"). */
export let correcting = false;
/** The check-in the add-on's question (Submit anyway?) is about, while it is shown. */
export let asked: CheckinRequest | null = null;
/** Where the focus goes back after a save (see setSending). */
let refocus: HTMLElement = $.submit;

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

export function setCorrecting(on: boolean): void {
  correcting = on;
  // A save in flight keeps its "Saving…"; setSending(false) relabels.
  if (!sending) $.submit.textContent = on ? "Save correction" : "Submit check-in";
  showCancel();
}

/** Cancel (and Escape) backs out of the add-on's question, else out of a correction; not during a save. */
function showCancel(): void {
  $.cancel.hidden = sending || ($.confirm.hidden && !correcting);
}

/**
 * The add-on's question about an implausible value (its text is in the status region): Submit anyway or
 * Cancel, about the request `about`. Closing it also clears the question's text, so no question is left on
 * screen without buttons.
 */
export function ask(on: boolean, about: CheckinRequest | null = null): void {
  if (!on && !$.confirm.hidden) setStatus("");
  asked = on ? about : null;
  $.confirm.hidden = !on;
  showCancel();
}

export function setSending(on: boolean): void {
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
export function formRequest(): CheckinRequest | null {
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
  if (data) req.cycle = data.cycle.start;
  // The row the KR was on when the data was read: the server reads that row alone if it still holds the KR.
  const shown = selectedKr();
  // The check-in shown as corrected, by request ID: refused if another has been made since (api.ts).
  if (correcting) req.correct = (shown && shown.correctable && shown.correctable.requestId) || true;
  if (shown && typeof shown.row === "number") req.row = shown.row;
  return req;
}
