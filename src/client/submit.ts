// Submitting a check-in (shown ahead of the server's reply), "Correct last check-in", and Cancel.
import { $, clearFieldErrors, showFieldErrors } from "./dom";
import { ask, asked, formRequest, sending, setCorrecting, setSending } from "./formMode";
import { GENERIC_FAILURE, confidenceOption, correctingMessage, formatValue, mapFailure, projectCheckin, replaceKr, successMessage } from "./logic";
import type { Failure } from "../core/api";
import { setStatus } from "./panels";
import { callServer } from "./server";
import { data, replied, requestIds, selectedId, selectedKr, sep, setSavingId } from "./state";
import { onKrSelected, renderKrList } from "./view";

/** "Correct last check-in": the form holds the KR's last check-in of this week, to be replaced. */
export function startCorrection(): void {
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
}

export function cancel(): void {
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

export function submit(confirmed = false): void {
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
    setSavingId("");
    renderKrList();
  };
  if (projected) {
    data.krs = replaceKr(data.krs, projected);
    setSavingId(projected.id);
    renderKrList();
    setStatus("Saving… " + successMessage(projected, false, sep()).replace(/^Saved/, "New"));
  } else setStatus("Saving…");
  callServer("submitCheckin", req).then(
    (res) => {
      if (res && typeof res === "object" && res.ok === true && res.kr) {
        requestIds.succeeded();
        setCorrecting(false); // while sending: the button keeps "Saving…" until setSending(false)
        setSavingId("");
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
        setStatus(successMessage(res.kr, !!res.duplicate, sep()) + (res.notice ? `. ${res.notice}` : ""), "success");
        return;
      }
      rollBack();
      setSending(false);
      // No result at all: google.script.run hands the page null for a return it cannot carry (a Date in it),
      // after the server may have saved the check-in. Said as an exception is, never "not saved".
      if (!res || typeof res !== "object") return setStatus(GENERIC_FAILURE, "error");
      const failure = res as Failure;
      const mapped = mapFailure(failure);
      setStatus(mapped.message, failure.busy ? "busy" : "error");
      if (failure.confirm) {
        // The value looks like a mistake: ask, with the same request ID, rather than save it.
        ask(true, req);
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
