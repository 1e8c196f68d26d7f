// The sidebar's elements, and the errors shown beside form fields.
import { FORM_FIELDS, type FormField } from "./logic";

export function el<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error("Missing element #" + id);
  return e as T;
}

export function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function clear(e: HTMLElement): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}

export const $ = {
  app: el("app"),
  cycle: el("cycle"),
  who: el("who"),
  whoText: el("who-text"),
  whoChange: el<HTMLButtonElement>("who-change"),
  status: el("status"),
  loading: el("loading"),
  loadError: el("load-error"),
  loadErrorText: el("load-error-text"),
  loadRetry: el<HTMLButtonElement>("load-retry"),
  identity: el<HTMLFormElement>("identity"),
  identitySelect: el<HTMLSelectElement>("identity-select"),
  identityError: el("identity-error"),
  main: el("main"),
  krs: el("krs"),
  krsEmpty: el("krs-empty"),
  krsHeading: el("krs-heading"),
  closed: el("closed"),
  form: el<HTMLFormElement>("checkin"),
  kr: el<HTMLSelectElement>("kr"),
  krSingle: el("kr-single"),
  value: el<HTMLInputElement>("value"),
  valueHint: el("value-hint"),
  confidence: el<HTMLSelectElement>("confidence"),
  whatChanged: el<HTMLTextAreaElement>("whatChanged"),
  blockers: el<HTMLTextAreaElement>("blockers"),
  nextStep: el<HTMLTextAreaElement>("nextStep"),
  submit: el<HTMLButtonElement>("submit"),
  confirm: el<HTMLButtonElement>("confirm"),
  cancel: el<HTMLButtonElement>("cancel"),
  correct: el<HTMLButtonElement>("correct"),
  recentSection: el("recent-section"),
  recent: el("recent"),
  recentEmpty: el("recent-empty"),
};

export const fieldInput: Record<FormField, HTMLElement> = {
  krId: $.kr,
  value: $.value,
  confidence: $.confidence,
  whatChanged: $.whatChanged,
  blockers: $.blockers,
  nextStep: $.nextStep,
};
/** aria-describedby without errors. */
const fieldHints: Record<FormField, string> = {
  krId: "",
  value: "value-hint",
  confidence: "confidence-hint",
  whatChanged: "",
  blockers: "",
  nextStep: "",
};
const fieldErrorId: Record<FormField, string> = {
  krId: "kr-error",
  value: "value-error",
  confidence: "confidence-error",
  whatChanged: "whatChanged-error",
  blockers: "blockers-error",
  nextStep: "nextStep-error",
};

export function setFieldError(field: FormField, message: string): void {
  const input = fieldInput[field];
  const err = el(fieldErrorId[field]);
  err.textContent = message;
  err.hidden = !message;
  const ids = [fieldHints[field], message ? fieldErrorId[field] : ""].filter((x) => !!x).join(" ");
  // With a single KR the error belongs to the text shown instead of the (hidden) select.
  const target = field === "krId" && $.kr.hidden ? $.krSingle : input;
  if (ids) target.setAttribute("aria-describedby", ids);
  else target.removeAttribute("aria-describedby");
  if (message) target.setAttribute("aria-invalid", "true");
  else target.removeAttribute("aria-invalid");
}

export function clearFieldErrors(): void {
  for (const f of FORM_FIELDS) setFieldError(f, "");
}

export function showFieldErrors(errors: { field: FormField; message: string }[]): void {
  for (const e of errors) setFieldError(e.field, e.message);
  for (const e of errors) {
    const input = fieldInput[e.field];
    if (e.field === "krId" && $.kr.hidden) continue; // nothing to focus with a single KR
    input.focus();
    break;
  }
}

/** A "Label value" pair in a KR's facts line. */
export function fact(label: string, value: string): HTMLSpanElement {
  const span = make("span");
  span.appendChild(make("span", "label", label + " "));
  span.appendChild(document.createTextNode(value));
  return span;
}
