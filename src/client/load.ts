// Loading the sidebar's data: from the page itself or the server, then, for a large tracker, the details
// in the background. (The page states themselves: panels.ts.)
import type { Failure, SidebarRequest, SidebarResult } from "../core/api";
import { $ } from "./dom";
import { sending, correcting } from "./formMode";
import { LOAD_FAILURE, mergeDetails, withBrief } from "./logic";
import { setStatus, show, showIdentity, showLoadError, takeEmbedded } from "./panels";
import { callServer } from "./server";
import { as, data, replied, savingId, selectedId, setData, setDetails } from "./state";
import { onKrSelected, renderKrList, renderKrOptions, renderMain } from "./view";

let loadSeq = 0;

function loaded(res: SidebarResult | undefined): void {
  if (!res || typeof res !== "object") return showLoadError(LOAD_FAILURE);
  if (!res.ok) return showLoadError((res as Failure).message || LOAD_FAILURE);
  setData(res);
  res.krs = withBrief(res.krs, res.brief);
  // A large tracker's page (it carries `brief`, empty or not) lists KRs without their check-ins, and not the
  // KRs of objectives the person owns as well as KRs: the full data brings both. Until session 19 it was asked
  // for only when some KR was named only, so an owner of one KR never saw its recent check-ins.
  if (res.brief && res.krs.length) loadDetails();
  if (res.user.needsIdentity) return showIdentity(res.owners, as !== undefined ? "Pick your name from the list." : "", as);
  setStatus("");
  renderMain();
}

export function load(): void {
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
  setDetails("loading");
  callServer("getSidebarData", as !== undefined ? { as } : {}).then(
    (res) => {
      if (seq !== loadSeq || !data) return;
      if (!res || !res.ok || res.user.needsIdentity) return detailsDone("failed");
      const before = data.krs.length;
      data.krs = mergeDetails(data.krs, res.krs, (id) => !!replied[id] || id === savingId);
      detailsDone("complete", data.krs.length > before);
    },
    () => {
      if (seq === loadSeq) detailsDone("failed");
    },
  );
}

function detailsDone(outcome: "complete" | "failed", grew = false): void {
  setDetails(outcome);
  renderKrList();
  if (grew) renderKrOptions();
  // The chosen KR gains its hint, recent check-ins and "Correct last check-in"; what the person typed or
  // chose stays, and a question, a correction or a save in progress is left alone.
  if (!sending && !correcting && $.confirm.hidden && !replied[selectedId]) onKrSelected($.confidence.value === "");
}
