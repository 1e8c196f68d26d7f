// `okr-sheets serve`: the local preview, with the built sidebar calling the built add-on, each submit
// saved to the file at once.
import { statSync } from "node:fs";
import { basename } from "node:path";
import { withFileLock } from "./fileLock";
import { offlineHints } from "./hints";
import { embedSidebarData, SIDEBAR_DATA_SLOT } from "../core/sidebarPage";
import { isOwner } from "../core/owners";
import { startPreviewServer, type PreviewBackend, type PreviewMenuItem, type PreviewNotice, type PreviewTab } from "./preview";
import { previewMenuItems, runPreviewMenu } from "./previewMenu";
import { realToday, staleNotice, todayNotice } from "./previewNotices";
import { cellLooks } from "./sheets/look";
import { nextFreePort } from "./port";
import { callAddon, callAddonRaw, clockFor, openWorkbook, type AddonEntry, type Workbook } from "./runtime";

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
    const wraps = range.getWraps();
    const looks = cellLooks(sheet, 1, 1, lastRow, lastCol);
    const rows = text.map((r, i) =>
      r.map((t, j) => {
        const style: Record<string, unknown> = {};
        const { background, color, bold } = looks[i][j];
        if (background && background.toLowerCase() !== "#ffffff") style.background = background;
        if (color && color.toLowerCase() !== "#000000") style.color = color;
        if (bold) style.bold = true;
        if (wraps[i][j]) style.wrap = true;
        return { text: t, style };
      }),
    );
    const widths = Array.from({ length: lastCol }, (_, c) => sheet.getColumnWidth(c + 1));
    out.push({ name: sheet.getName(), rows, frozenRows: sheet.getFrozenRows(), widths });
  }
  return out;
}

/** What changes when the file is saved by anyone: a rename gives a new inode, an in-place write a new mtime. */
function stampOf(file: string): string {
  try {
    const st = statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
  } catch {
    return "missing";
  }
}

/** Entry points that change the workbook: saved after they succeed. */
const WRITING_RPCS = new Set(["submitCheckin"]);

/**
 * The preview's clock: the `at` day (noon in the tracker's zone, as every command takes it) moving on with the real time
 * since the preview started, capped below 12 hours so the day never changes. Each call that writes gets
 * a minute of its own, so check-ins and summaries made in the preview keep their order in timestamps
 * shown to the minute (a summary is stale when check-ins come after it). Without `at`, or when `at` is
 * the real date, the real time.
 */
export function previewClock(at: string | undefined, started = Date.now(), timeZone = "Etc/UTC"): (writes: boolean) => Date {
  if (!at || at === realToday()) return () => new Date();
  const base = clockFor(at, timeZone).getTime();
  const cap = base + 11 * 3600_000;
  // Noon itself is taken: the commands run at noon of their --at day (the demo's last summary among them).
  let last = base;
  return (writes) => {
    let t = Math.max(base + (Date.now() - started), last);
    if (writes) t = Math.max(t, last + 60_000);
    t = Math.min(t, cap);
    if (writes) last = t;
    return new Date(t);
  };
}

/**
 * The add-on behind the preview. It follows the file: before each call it reloads the workbook if the file
 * changed on disk (a CLI command, another preview), and every call runs under the file's lock, so a
 * check-in made elsewhere is neither overwritten nor hidden.
 */
export function previewBackend(first: Workbook): PreviewBackend {
  let wb = first;
  let stamp: string | null = stampOf(wb.file);
  const shown = basename(wb.file);
  const now = previewClock(first.options.at, Date.now(), first.services.spreadsheet.getSpreadsheetTimeZone());
  async function current(writes = false): Promise<Workbook> {
    const changed = stampOf(wb.file);
    if (changed !== stamp) {
      wb = await openWorkbook(wb.file, wb.options);
      stamp = changed;
    }
    wb.services.clock.set(now(writes));
    return wb;
  }
  let queue: Promise<unknown> = Promise.resolve();
  /** One call at a time, each saved before the next, as the document lock would order them. */
  function locked<T>(f: (w: Workbook) => T | Promise<T>, writes = false): Promise<T> {
    const run = queue.then(() =>
      withFileLock(wb.file, shown, async () => {
        const w = await current(writes);
        try {
          return await f(w);
        } catch (e) {
          // Whatever the failed call left in memory is dropped: the next call reads the file again.
          stamp = null;
          throw e;
        }
      }),
    );
    queue = run.catch(() => undefined);
    return run;
  }
  async function save(w: Workbook): Promise<void> {
    await w.save();
    stamp = stampOf(w.file);
  }
  let menuItems: PreviewMenuItem[] | null = null;
  return {
    tabs: async () => previewTabs(await current()),
    rpc: (fn, args) =>
      locked(async (w) => {
        const refused = refuseUnknownIdentity(w, fn, args);
        if (refused) return refused;
        // A name from the browser, as google.script.run sends it: the add-on refuses names it does not export.
        const result = callAddonRaw(w, fn as AddonEntry, ...chosenOnly(w, fn, args));
        if (WRITING_RPCS.has(fn) && result && result.ok && !result.duplicate) await save(w);
        return offlineHints(result, w.file);
      }, WRITING_RPCS.has(fn)),
    // The page the Check in menu item shows on Google (menuCheckIn: sidebarPageData embedded, which on a
    // large tracker lists most KRs by name), not getSidebarData's: the preview serves what ships. Here
    // under the file's lock, with the offline hints on a refusal.
    sidebarHtml: () => locked((w) => menuSidebarPage(w)),
    title: async () => (((await current()).services.spreadsheet as unknown) as GoogleAppsScript.Spreadsheet.Spreadsheet).getName(),
    menu: async () => (menuItems ??= await locked((w) => previewMenuItems(w))),
    runMenu: (fn, answers) =>
      locked(async (w) => {
        const run = runPreviewMenu(w, fn, answers);
        if (run.stopped) stamp = null; // the item stopped at a question: nothing of it is kept
        else if (run.changed) await save(w);
        return run.outcome;
      }, true),
    notices: async () => {
      const out: PreviewNotice[] = [];
      const today = todayNotice(first.options.at);
      if (today) out.push(today);
      const stale = staleNotice(await current());
      if (stale) out.push(stale);
      return out;
    },
  };
}

/** The sidebar page menuCheckIn shows, its data given the offline hints when it is a refusal. */
function menuSidebarPage(w: Workbook): string {
  const shown = w.services.ui.sidebars;
  callAddon(w, "menuCheckIn");
  const html = shown.pop()?.html ?? "";
  const open = SIDEBAR_DATA_SLOT.replace("></script>", ">");
  const at = html.indexOf(open);
  const end = html.indexOf("</script>", at);
  if (at < 0 || end < 0) return html;
  const data: unknown = JSON.parse(html.slice(at + open.length, end));
  const hinted = offlineHints(data, w.file);
  return hinted === data ? html : embedSidebarData(html.slice(0, at) + SIDEBAR_DATA_SLOT + html.slice(end + "</script>".length), hinted);
}

/** The identities "pick who you are" offers: key result owners, and the tracker's admins. */
function offered(w: Workbook, as: string): boolean {
  const r = callAddon(w, "getSidebarData", { as });
  if (!r || !r.ok) return false;
  return r.user.isAdmin || (r.owners as string[]).some((o) => isOwner(o, as));
}

function chosenAs(fn: string, args: unknown[]): string | null {
  const req = args[0];
  if ((fn !== "submitCheckin" && fn !== "getSidebarData") || !req || typeof req !== "object") return null;
  const as = (req as { as?: unknown }).as;
  return typeof as === "string" && as.trim() !== "" ? as : null;
}

/** A check-in as someone the page never offered (a hand-made request) is refused. */
function refuseUnknownIdentity(w: Workbook, fn: string, args: unknown[]): unknown {
  const as = chosenAs(fn, args);
  if (fn !== "submitCheckin" || as === null || w.options.user || offered(w, as)) return null;
  return { ok: false, message: "Choose who you are from the list: only key result owners and admins can check in.", fieldErrors: { as: "Choose who you are." } };
}

/** The sidebar asked for data as someone not on the list: it gets the list again, not that person's view. */
function chosenOnly(w: Workbook, fn: string, args: unknown[]): unknown[] {
  const as = chosenAs(fn, args);
  if (fn !== "getSidebarData" || as === null || w.options.user || offered(w, as)) return args;
  const { as: _dropped, ...rest } = args[0] as Record<string, unknown>;
  return [rest, ...args.slice(1)];
}

export async function servePreview(file: string, opts: { port: number; as: string | null; at?: string }): Promise<void> {
  const wb = await openWorkbook(file, { at: opts.at, user: opts.as });
  const server = await startPreviewServer(previewBackend(wb), { port: opts.port }).catch(async (e: NodeJS.ErrnoException) => {
    if (e && e.code === "EADDRINUSE") throw new Error(`port ${opts.port} is busy — try --port ${await nextFreePort(opts.port)}`);
    throw e;
  });
  process.stdout.write(`Preview: ${server.url}\nFile:    ${file}\nSigned in as: ${opts.as ?? "(no email: the sidebar asks who you are)"}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolveStop) => {
    const stop = () => server.close().then(() => resolveStop());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
