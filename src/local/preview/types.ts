// The contract between the local preview server and whatever runs the add-on (the CLI's `serve`).

export interface PreviewCellStyle {
  background?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  align?: string;
  /** The cell wraps its text (Sheets' wrap strategy WRAP); else it stays on one line. */
  wrap?: boolean;
}

export interface PreviewCell {
  /** The display value, as the spreadsheet shows it. */
  text: string;
  style?: PreviewCellStyle;
}

export interface PreviewTab {
  name: string;
  rows: PreviewCell[][];
  /** Rows at the top that stay visible while scrolling. */
  frozenRows?: number;
  /** Column widths in pixels, as the sheet sets them (Apps Script's getColumnWidth). */
  widths?: number[];
}

export interface PreviewBackend {
  /** The workbook's visible tabs, display values and conditional colours already resolved. */
  tabs(): PreviewTab[] | Promise<PreviewTab[]>;
  /** Runs a server entry point of the built add-on (getSidebarData, submitCheckin) and saves the file. */
  rpc(fn: string, args: unknown[]): Promise<unknown>;
  /** dist/Sidebar.html content, with the sidebar's data embedded as the menu item does (core/sidebarPage). */
  sidebarHtml(): string | Promise<string>;
  title(): string | Promise<string>;
  /** The add-on menu's items that work offline (the preview shows them above the grid). */
  menu?(): PreviewMenuItem[] | Promise<PreviewMenuItem[]>;
  /**
   * Runs a menu item of the built add-on. Its alerts and prompts are answered from `answers` in order;
   * the first one left unanswered stops the run with nothing saved, and comes back as the question.
   */
  runMenu?(fn: string, answers: PreviewAnswer[]): Promise<PreviewMenuOutcome>;
  /** Lines shown above the grid: which day is "today", whether the Weekly Summary is stale. */
  notices?(): PreviewNotice[] | Promise<PreviewNotice[]>;
}

export interface PreviewMenuItem {
  caption: string;
  fn: string;
}

/** Button values as Apps Script's Ui names them. */
export const PREVIEW_BUTTONS = ["OK", "CANCEL", "YES", "NO", "CLOSE"] as const;
export type PreviewButton = (typeof PREVIEW_BUTTONS)[number];

export interface PreviewAnswer {
  button: PreviewButton;
  text?: string;
}

export interface PreviewQuestion {
  kind: "alert" | "prompt";
  title: string;
  prompt: string;
  buttons: PreviewButton[];
}

export type PreviewMenuOutcome =
  | { done: false; ask: PreviewQuestion }
  | { done: true; messages: { title: string; text: string }[]; tab?: string };

export interface PreviewNotice {
  kind: "today" | "stale";
  text: string;
}

export interface PreviewServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** The server entry points the sidebar may call. */
export const RPC_ALLOWED: readonly string[] = ["getSidebarData", "submitCheckin"];
