// What the sidebar knows between events: the server's data, who is checking in, the chosen KR, and which
// KR's check-in is shown ahead of the server's reply. The other modules read these live bindings; they
// change only through the setters below (an ES module's `let` can be assigned only where it is declared).
import type { SidebarData, SidebarKr } from "../core/api";
import { RequestIdKeeper, type NumberStyle } from "./logic";

/** The name picked in "Who are you?", when the server cannot tell who the person is. */
export let as: string | undefined;
export let data: SidebarData | null = null;
export let selectedId = "";
/** The KR whose check-in is shown ahead of the server's reply (see submit.ts), or "". */
export let savingId = "";
/** The full data a large tracker's page asks for in the background (see load.ts loadDetails). */
export let details: "complete" | "loading" | "failed" = "complete";
/** KRs whose entry came from a check-in's reply since the page loaded: newer than any full data. */
export const replied: Record<string, true> = {};
export const requestIds = new RequestIdKeeper();

export function setAs(v: string): void {
  as = v;
}
export function setData(d: SidebarData): void {
  data = d;
}
export function select(id: string): void {
  selectedId = id;
}
export function setSavingId(id: string): void {
  savingId = id;
}
export function setDetails(d: typeof details): void {
  details = d;
}

export function sep(): NumberStyle {
  const s = data && data.numberStyle;
  return typeof s === "string" && /^[.,]/.test(s) ? s : ".";
}

export function selectedKr(): SidebarKr | undefined {
  if (!data) return undefined;
  for (const k of data.krs) if (k.id === selectedId) return k;
  return undefined;
}
