// Ui (alerts, prompts, menus, dialogs and sidebars, recorded for tests and the CLI) and HtmlService.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CountersImpl, unpub } from "./counters";
import { appsEnum, enumName, signatureError, type AppsEnumValue } from "./enums";

// ---------------- Ui ----------------

// Enum objects, as on Google (enums.ts): alert() answers Button.YES, never "YES", and alert(title, prompt)
// with a string where the ButtonSet goes fits no overload ("The parameters (String,String) don't match the
// method signature for Ui.alert.").
const BUTTON = "Ui.Button";
const BUTTON_SET = "Ui.ButtonSet";
const BUTTON_NAMES = ["CLOSE", "OK", "CANCEL", "YES", "NO"] as const;
export const Button = appsEnum(BUTTON, BUTTON_NAMES);
export const ButtonSet = appsEnum(BUTTON_SET, ["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"] as const);
type ButtonName = (typeof BUTTON_NAMES)[number];
/** A test's or the preview's answer names a button by its name or gives the enum value. */
type ButtonValue = ButtonName | AppsEnumValue;

export interface UiMenuRecord {
  name: string;
  items: { caption: string; fn: string }[];
}
export type UiResponse = ButtonValue | string | { button?: ButtonValue; text?: string };
const isAnswer = (x: unknown): x is { button?: ButtonValue; text?: string } => typeof x === "object" && x !== null && enumName(x, BUTTON) === null;
export interface UiRecorder {
  menus: UiMenuRecord[];
  sidebars: { title: string; html: string; width?: number }[];
  dialogs: { title: string; html: string; modal: boolean; width?: number }[];
  alerts: { kind: "alert" | "prompt"; title?: string; prompt: string; buttons?: string }[];
  toasts: string[];
  /** Queues answers for the next alert/prompt: a Button value, a text (prompt answered with OK), or both. */
  respond(...answers: UiResponse[]): void;
  /** Told of an alert or prompt that no queued answer meets (the preview asks the person; it may throw). */
  onUnanswered?: ((q: { kind: "alert" | "prompt"; title?: string; prompt: string; buttons?: string }) => void) | null;
}

export function createUiRecorder(): UiRecorder & { _queue: UiResponse[] } {
  const queue: UiResponse[] = [];
  return {
    menus: [],
    sidebars: [],
    dialogs: [],
    alerts: [],
    toasts: [],
    _queue: queue,
    respond(...answers: UiResponse[]) {
      queue.push(...answers);
    },
  };
}

/** The button an answer names, if it names one. */
function buttonOf(x: unknown): ButtonName | null {
  const name = enumName(x, BUTTON) ?? (typeof x === "string" ? x : null);
  return name !== null && (BUTTON_NAMES as readonly string[]).includes(name) ? (name as ButtonName) : null;
}

export class LocalMenu {
  readonly items: { caption: string; fn: string }[] = [];
  constructor(
    private readonly rec: UiRecorder,
    readonly name: string,
  ) {}
  addItem(caption: string, fn: string) {
    this.items.push({ caption: String(caption), fn: String(fn) });
    return this;
  }
  addSeparator() {
    return this;
  }
  addSubMenu(menu: LocalMenu) {
    const m = unpub(menu);
    for (const it of m.items) this.items.push({ caption: `${m.name} / ${it.caption}`, fn: it.fn });
    return this;
  }
  addToUi() {
    const rec = { name: this.name, items: this.items.map((i) => ({ ...i })) };
    const at = this.rec.menus.findIndex((m) => m.name === this.name);
    if (at >= 0) this.rec.menus[at] = rec;
    else this.rec.menus.push(rec);
  }
}

const SET_BUTTONS: Record<string, ButtonName[]> = { OK: ["OK"], OK_CANCEL: ["OK", "CANCEL"], YES_NO: ["YES", "NO"], YES_NO_CANCEL: ["YES", "NO", "CANCEL"] };

/**
 * The buttons a dialog shows, from its ButtonSet's name ("OK" alone without one); the title bar's close
 * (CLOSE) is always there. The preview's menu asks the person with them (previewMenu.ts).
 */
export function dialogButtons(buttons: string | undefined): ButtonName[] {
  return SET_BUTTONS[buttons || "OK"];
}

/** A dialog no answer was queued for: OK where it has one, else closed (a YES_NO dialog cannot give OK). */
function unanswered(buttons: string | undefined): ButtonName {
  return dialogButtons(buttons).includes("OK") ? "OK" : "CLOSE";
}

/**
 * The answer, if the dialog shows that button: a test (or the preview) answering YES to an OK alert, or
 * OK to a YES_NO question, answers what no user can, and the add-on's branch for it was tested on nothing.
 */
function offered(button: ButtonName, q: { prompt: string; buttons?: string }): ButtonName {
  const shown = dialogButtons(q.buttons);
  if (button !== "CLOSE" && !shown.includes(button)) {
    throw new Error(`Offline Ui: answered ${button} to a dialog whose buttons are ${shown.join(", ")} (or its close box): "${q.prompt.slice(0, 80)}"`);
  }
  return button;
}

export class HtmlOutput {
  private title = "";
  private width?: number;
  constructor(private content: string) {}
  setTitle(t: string) {
    this.title = String(t);
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(w: number) {
    this.width = w;
    return this;
  }
  getWidth() {
    return this.width;
  }
  getContent() {
    return this.content;
  }
  append(c: string) {
    this.content += String(c);
    return this;
  }
}

export class LocalUi {
  readonly _kind = "Ui";
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    readonly _counters: CountersImpl,
    private readonly rec: UiRecorder & { _queue: UiResponse[] },
  ) {}
  createAddonMenu() {
    return new LocalMenu(this.rec, "Add-on");
  }
  createMenu(name: string) {
    return new LocalMenu(this.rec, String(name));
  }
  showSidebar(out: HtmlOutput) {
    const o = unpub(out);
    this.rec.sidebars.push({ title: o.getTitle(), html: o.getContent(), width: o.getWidth() });
  }
  showModalDialog(out: HtmlOutput, title: string) {
    const o = unpub(out);
    this.rec.dialogs.push({ title: String(title), html: o.getContent(), modal: true, width: o.getWidth() });
  }
  /** (prompt), (prompt, buttons) or (title, prompt, buttons): the buttons a ButtonSet, or no overload fits. */
  private parseArgs(method: string, args: unknown[]): { title?: string; prompt: string; buttons?: string } {
    if (args.length <= 1) return { prompt: String(args[0] ?? "") };
    const buttons = enumName(args[args.length - 1], BUTTON_SET);
    if (!buttons || args.length > 3) throw signatureError(`Ui.${method}`, args);
    if (args.length === 3) return { title: String(args[0]), prompt: String(args[1]), buttons };
    return { prompt: String(args[0]), buttons };
  }
  alert(...args: unknown[]) {
    const a = this.parseArgs("alert", args);
    this.rec.alerts.push({ kind: "alert", ...a });
    const next = this.rec._queue.shift();
    if (next === undefined) {
      this.rec.onUnanswered?.({ kind: "alert", ...a });
      return Button[unanswered(a.buttons)];
    }
    const named = buttonOf(next) ?? (isAnswer(next) ? buttonOf(next.button) : null);
    return Button[offered(named ?? "OK", a)];
  }
  prompt(...args: unknown[]) {
    const a = this.parseArgs("prompt", args);
    this.rec.alerts.push({ kind: "prompt", ...a });
    const next = this.rec._queue.shift();
    if (next === undefined) this.rec.onUnanswered?.({ kind: "prompt", ...a });
    let button: ButtonName = "OK";
    let text = "";
    const named = buttonOf(next);
    if (next === undefined) button = unanswered(a.buttons);
    else if (named) button = named;
    else if (typeof next === "string") text = next;
    else if (isAnswer(next)) {
      button = buttonOf(next.button) ?? "OK";
      text = next.text ?? "";
    }
    button = offered(button, a);
    return { getResponseText: () => text, getSelectedButton: () => Button[button] };
  }
}

// ---------------- LockService ----------------

// ---------------- HtmlService (not counted) ----------------

export function createHtmlService(htmlDir: () => string) {
  return {
    createHtmlOutput(html?: string) {
      return new HtmlOutput(html === undefined ? "" : String(html));
    },
    createHtmlOutputFromFile(name: string) {
      const file = /\.html?$/i.test(name) ? name : `${name}.html`;
      let content: string;
      try {
        content = readFileSync(join(htmlDir(), file), "utf8");
      } catch {
        throw new Error(`No HTML file named ${name} was found.`);
      }
      return new HtmlOutput(content);
    },
  };
}

// ---------------- MailApp ----------------
