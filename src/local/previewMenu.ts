// The add-on menu in the preview: the built add-on's own menu items (as onOpen lists them), run through its
// real entry points with the Ui's alerts and prompts answered by the person in the page. A question that
// has no answer yet stops the run before it changes anything (each item asks before it writes); the page
// asks the person and runs the item again with the answers so far, so no execution is left half done.
import { TAB } from "../core/tabs";
import type { PreviewAnswer, PreviewButton, PreviewMenuItem, PreviewMenuOutcome, PreviewQuestion } from "./preview";
import { callAddon, callAddonRaw, type AddonEntry, type Workbook } from "./runtime";
import { dialogButtons, type UiRecorder, type UiResponse } from "./sheets/ui";

/**
 * The items that make sense offline. Left out: "Check in" (the sidebar is already open beside the grid),
 * "Weekly refresh on / off" and "Run weekly refresh now" (time-driven triggers never run offline; the run sends email) and "Refresh portfolio" (it opens
 * Google spreadsheets by URL; offline, `okr-sheets rollup` reads .xlsx files).
 */
export const PREVIEW_MENU_FNS: readonly string[] = [
  "menuSetUp",
  "menuSummary",
  "menuReview",
  "menuClose",
  "menuRollOver",
  "menuImport",
  "menuRepair",
  "menuHelp",
];

/** The tab to show after an item that writes one. */
const TAB_AFTER: Record<string, string> = { menuSummary: TAB.summary, menuReview: TAB.review, menuClose: TAB.retrospective };

type Recorder = UiRecorder & { _queue: UiResponse[] };
type Asked = UiRecorder["alerts"][number];

const buttonsOf = (a: Asked): PreviewButton[] => dialogButtons(a.buttons);
/** A plain message (OK only) needs no answer: it is shown when the run ends. */
const isQuestion = (a: Asked): boolean => a.kind === "prompt" || buttonsOf(a).length > 1;

/** The add-on menu's offline items, captions as the add-on's onOpen writes them. */
export function previewMenuItems(w: Workbook): PreviewMenuItem[] {
  const rec = w.services.ui;
  callAddon(w, "onOpen", {});
  const menu = rec.menus.find((m) => m.name === "Add-on");
  return (menu ? menu.items : []).filter((i) => PREVIEW_MENU_FNS.includes(i.fn)).map((i) => ({ caption: i.caption, fn: i.fn }));
}

class Unanswered extends Error {}

/** Whether the run wrote anything: a counted call other than a read, a lock or the Ui. */
function wrote(w: Workbook): boolean {
  return Object.keys(w.services.counters.byMethod).some((k) => {
    const [kind, method] = k.split(".");
    if (kind === "Ui" || kind === "Lock" || kind === "LockService" || kind === "Session") return false;
    return !/^(get|is|has|can|flush|toast|wait|try|release|open|new|create|build|require|with|set(Help|Allow)|copy$)/.test(method || "");
  });
}

export interface MenuRun {
  outcome: PreviewMenuOutcome;
  /** True when the workbook was changed and must be saved. */
  changed: boolean;
  /** True when the run stopped at a question: the workbook in memory is to be dropped. */
  stopped: boolean;
}

export function runPreviewMenu(w: Workbook, fn: string, answers: PreviewAnswer[]): MenuRun {
  if (!PREVIEW_MENU_FNS.includes(fn)) throw new Error(`"${fn}" is not an item of the preview's add-on menu.`);
  const rec = w.services.ui as Recorder;
  rec.alerts.length = 0;
  rec.toasts.length = 0;
  rec._queue.length = 0;
  rec.respond(...answers.map((a) => ({ button: a.button, text: a.text ?? "" })));
  let asked: PreviewQuestion | null = null;
  rec.onUnanswered = (q) => {
    if (!isQuestion(q)) return;
    asked = { kind: q.kind, title: q.title ?? "", prompt: q.prompt, buttons: buttonsOf(q) };
    throw new Unanswered(q.prompt);
  };
  w.services.counters.reset();
  try {
    callAddonRaw(w, fn as AddonEntry);
  } catch (e) {
    if (asked) return { outcome: { done: false, ask: asked }, changed: false, stopped: true };
    throw e;
  } finally {
    rec.onUnanswered = null;
  }
  const messages = rec.alerts.filter((a) => !isQuestion(a)).map((a) => ({ title: a.title ?? "", text: a.prompt }));
  for (const t of rec.toasts) messages.push({ title: "", text: t });
  const target = TAB_AFTER[fn];
  const tab = target && names(w).includes(target) ? target : undefined;
  return { outcome: { done: true, messages, ...(tab ? { tab } : {}) }, changed: wrote(w), stopped: false };
}

function names(w: Workbook): string[] {
  const ss = w.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  return ss.getSheets().map((s) => s.getName());
}
