// The sidebar's page states (loading, load error, "Who are you?", the main view) and its status line.
import type { SidebarResult } from "../core/api";
import { $, clear, make } from "./dom";

export type StatusKind = "info" | "success" | "error" | "busy";

/** The status line (a polite live region: screen readers read each change). */
export function setStatus(text: string, kind: StatusKind = "info"): void {
  $.status.className = "status" + (kind === "info" ? "" : " is-" + kind);
  $.status.textContent = text;
}

/** Which of the page's four states shows. */
export function show(section: "loading" | "error" | "identity" | "main"): void {
  $.loading.hidden = section !== "loading";
  $.loadError.hidden = section !== "error";
  $.identity.hidden = section !== "identity";
  $.main.hidden = section !== "main";
  $.app.setAttribute("aria-busy", section === "loading" ? "true" : "false");
}

/**
 * The data the menu item put in the page (see core/sidebarPage), taken once: the form is usable without a
 * second server execution. A retry or a newly picked identity asks the server.
 */
export function takeEmbedded(): SidebarResult | undefined {
  const e = document.getElementById("sidebar-data");
  const text = e ? (e.textContent || "").trim() : "";
  if (!e || !text) return undefined;
  e.textContent = "";
  try {
    return JSON.parse(text) as SidebarResult;
  } catch {
    return undefined;
  }
}

export function showLoadError(message: string): void {
  $.loadErrorText.textContent = message;
  show("error");
  $.loadRetry.focus();
}

/** The "Who are you?" picker, with `current` (the name picked before) chosen. */
export function showIdentity(owners: string[], error: string, current: string | undefined): void {
  clear($.identitySelect);
  const placeholder = make("option", undefined, owners.length ? "Choose your name…" : "No owners found");
  placeholder.value = "";
  $.identitySelect.appendChild(placeholder);
  for (const o of owners) {
    const opt = make("option", undefined, o);
    opt.value = o;
    if (o === current) opt.selected = true;
    $.identitySelect.appendChild(opt);
  }
  setIdentityError(error);
  $.who.hidden = true;
  show("identity");
  $.identitySelect.focus();
}

export function setIdentityError(message: string): void {
  $.identityError.textContent = message;
  $.identityError.hidden = !message;
  if (message) {
    $.identitySelect.setAttribute("aria-invalid", "true");
    $.identitySelect.setAttribute("aria-describedby", "identity-error");
  } else {
    $.identitySelect.removeAttribute("aria-invalid");
    $.identitySelect.removeAttribute("aria-describedby");
  }
}
