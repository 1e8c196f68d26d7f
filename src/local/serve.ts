// `okr-sheets serve`: the local preview, with the built sidebar calling the built add-on, each submit
// saved to the file at once.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startPreviewServer, type PreviewBackend, type PreviewTab } from "./preview";
import { evaluateConditionalFormat } from "./sheets";
import { callAddon, distDir, openWorkbook, type Workbook } from "./runtime";

/** Tabs bigger than this show their first rows only (the file keeps everything). */
const MAX_PREVIEW_ROWS = 400;

export function previewTabs(wb: Workbook): PreviewTab[] {
  const ss = wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const out: PreviewTab[] = [];
  for (const sheet of ss.getSheets()) {
    if (sheet.isSheetHidden()) continue;
    const lastRow = Math.min(sheet.getLastRow(), MAX_PREVIEW_ROWS);
    const lastCol = sheet.getLastColumn();
    if (lastRow === 0 || lastCol === 0) {
      out.push({ name: sheet.getName(), rows: [] });
      continue;
    }
    const range = sheet.getRange(1, 1, lastRow, lastCol);
    const text = range.getDisplayValues();
    const bgs = range.getBackgrounds();
    const weights = range.getFontWeights();
    const colors = (range as unknown as { getFontColors(): string[][] }).getFontColors();
    const rows = text.map((r, i) =>
      r.map((t, j) => {
        const style: Record<string, unknown> = {};
        const bg = bgs[i][j];
        if (bg && bg.toLowerCase() !== "#ffffff") style.background = bg;
        if (colors && colors[i][j] && colors[i][j].toLowerCase() !== "#000000") style.color = colors[i][j];
        if (weights[i][j] === "bold") style.bold = true;
        const cf = evaluateConditionalFormat(sheet as never, i + 1, j + 1);
        if (cf) {
          if (cf.background) style.background = cf.background;
          if (cf.fontColor) style.color = cf.fontColor;
          if (cf.bold) style.bold = true;
        }
        return { text: t, style };
      }),
    );
    out.push({ name: sheet.getName(), rows, frozenRows: sheet.getFrozenRows() });
  }
  return out;
}

export function previewBackend(wb: Workbook): PreviewBackend {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    tabs: () => previewTabs(wb),
    rpc(fn, args) {
      // One call at a time, each saved before the next, as the document lock would order them.
      const run = queue.then(async () => {
        const result = callAddon(wb, fn, ...args);
        if (fn === "submitCheckin") await wb.save();
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    // As on Google: the menu item builds the page with the sidebar's data inside (one execution).
    sidebarHtml: () => {
      const ui = wb.services.ui;
      const before = ui.sidebars.length;
      callAddon(wb, "menuCheckIn");
      return ui.sidebars.length > before ? ui.sidebars[ui.sidebars.length - 1].html : readFileSync(join(distDir(), "Sidebar.html"), "utf8");
    },
    title: () => (wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet).getName(),
  };
}

export async function servePreview(file: string, opts: { port: number; as: string | null; at?: string }): Promise<void> {
  const wb = await openWorkbook(file, { at: opts.at, user: opts.as });
  const server = await startPreviewServer(previewBackend(wb), { port: opts.port });
  process.stdout.write(`Preview: ${server.url}\nFile:    ${file}\nSigned in as: ${opts.as ?? "(no email: the sidebar asks who you are)"}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolveStop) => {
    const stop = () => server.close().then(() => resolveStop());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
