// The okr-sheets command: thin commands over the built add-on running on the offline spreadsheet.
// Exit codes: 0 success, 1 rejected input (one line on stderr, file unchanged), 2 usage error.
import { okrRows, ofTotal, plural } from "../core/plural";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomUUID } from "node:crypto";
import { AsyncLocalStorage } from "node:async_hooks";
import { buildDemo } from "./demo";
import { callAddon, callAddonRaw, newWorkbook as newWb, openWorkbook as openWb, type OpenOptions, type Workbook } from "./runtime";
import { showTab } from "./showTab";
import { csvText, parseCsv, refusalText } from "./csv";
import { checkedInLines, checkinBatch, dayFrom, lastConfidence, ownerOf } from "./checkinBatch";
import { servePreview } from "./serve";
import { demoServe } from "./demoServe";
import { rollupWorkbook } from "./rollup";
import { buildPortfolioDemo } from "./demoPortfolio";
import { loadXlsx } from "./xlsx";
import { withFileLock } from "./fileLock";
import { commandHint } from "./hints";
import { openElsewhereMessage } from "./cliOpenElsewhere";
import { asksHelp, CHECKIN_FLAG_OF, commandUsage, dateFlag, FLAGS, intFlag, localeFlag, need, parse, timeZoneFlag, USAGE, UsageError, type Flags } from "./cliArgs";
import { MAX_TAB_COLUMNS, MAX_TAB_ROWS } from "./oversize";
import { changedLine, missingLine, noSuchKrMessage } from "../core/messages";
import { importHeaderAt } from "../core/importRows";
import { restoredSentences } from "../core/idSpaces";
import { numberStyleFor, fixedText, type NumberStyle } from "../core/numbers";
import { noneLine, portfolioDigestLines } from "../core/portfolioDigest";
import { rollupWhen } from "../core/portfolioLayout";

/**
 * Where a command runs: its folder, where its output goes and its default "today". The okr-sheets binary
 * uses the process's; tests run commands in-process with their own (no child process per case). Held in
 * AsyncLocalStorage so that commands running concurrently in one process do not share it.
 */
export interface CliIo {
  cwd?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** "Today" when --at is not given (default: the real clock). */
  now?: Date;
  /** How the person ran the command, for messages that suggest running it again ("npm start --"). */
  command?: string;
}

const ioStore = new AsyncLocalStorage<CliIo>();
const io = (): CliIo => ioStore.getStore() ?? {};
/** A path as the user typed it, resolved against the command's folder. */
const here = (p: string): string => resolve(io().cwd ?? process.cwd(), p);
/** The --at date, or the injected "today" as YYYY-MM-DD when there is no --at. */
function atOrNow(at: string | undefined): string | undefined {
  const now = io().now;
  return at ?? (now ? now.toISOString().slice(0, 10) : undefined);
}
const openWorkbook = (file: string, opts: OpenOptions) => openWb(file, { ...opts, at: atOrNow(opts.at) });
const newWorkbook = (file: string, name: string, opts: OpenOptions, place: { locale?: string; timeZone?: string }) => newWb(file, name, { ...opts, at: atOrNow(opts.at) }, place);

export { UsageError } from "./cliArgs";
export class Rejected extends Error {}

function fileArg(positionals: string[], mustExist = true): string {
  const f = positionals[0];
  if (!f) throw new UsageError("FILE.xlsx is required.");
  const path = here(f);
  if (mustExist && !existsSync(path)) throw new Rejected(`${f}: no such file.`);
  return path;
}

/** A refusal from the add-on becomes a one-line rejection. */
function expectOk<T extends { ok: boolean }>(r: T): T {
  if (!r || !r.ok) {
    const msg = (r as unknown as { message?: string; fieldErrors?: Record<string, string>; confirm?: boolean }) || {};
    if (msg.confirm) throw new Rejected(`${msg.message} Nothing was saved: run it again with --confirm to save it.`);
    throw new Rejected(refusalText(msg, CHECKIN_FLAG_OF));
  }
  return r;
}

function out(s: string): void {
  const text = s.endsWith("\n") ? s : s + "\n";
  const w = io().stdout;
  if (w) w(text);
  else process.stdout.write(text);
}

async function cmdNew(positionals: string[], flags: Flags): Promise<void> {
  const file = fileArg(positionals, false);
  if (existsSync(file)) throw new Rejected(`${positionals[0]} already exists; choose another name (nothing was changed).`);
  if (!existsSync(dirname(file))) throw new Rejected(`${positionals[0]}: the folder ${dirname(file)} does not exist.`);
  const template = flags.template === undefined ? "blank" : String(flags.template);
  if (template !== "operations" && template !== "blank") throw new UsageError("--template must be operations or blank.");
  const opts: Record<string, unknown> = { template };
  const start = dateFlag(flags, "start");
  if (start) opts.start = start;
  const weeks = intFlag(flags, "weeks");
  if (weeks !== undefined) opts.weeks = weeks;
  if (flags.name !== undefined) opts.name = String(flags.name);
  const place = { timeZone: timeZoneFlag(flags), locale: localeFlag(flags) };
  const wb = newWorkbook(file, basename(file).replace(/\.xlsx$/i, ""), { at: dateFlag(flags, "at") }, place);
  const r = expectOk(callAddon(wb, "setupTracker", opts));
  await wb.save();
  out(`Created ${positionals[0]} (${template} template).`);
  for (const w of r.warnings || []) out(`Focus check: ${w}`);
}

async function cmdImport(positionals: string[], flags: Flags): Promise<void> {
  const file = fileArg(positionals);
  const csvPath = positionals[1];
  if (!csvPath) throw new UsageError("OKRS.csv is required.");
  if (!existsSync(here(csvPath))) throw new Rejected(`${csvPath}: no such file.`);
  if (statSync(here(csvPath)).isDirectory()) throw new Rejected(`${csvPath}: is a directory, not a CSV file.`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(here(csvPath));
  } catch (e) {
    throw new Rejected(`${csvPath}: cannot be read (${(e as NodeJS.ErrnoException).code || (e as Error).message}).`);
  }
  const csv = csvText(csvPath, bytes);
  // Blank lines are kept (the import skips them) and each row goes on the tab row of its file line (a
  // cell with line breaks leaves blank rows after its own), so that row numbers in messages are the
  // file's lines.
  const parsed = parseCsv(csv);
  if (parsed.error) throw new Rejected(`${csvPath}: row ${parsed.lines[parsed.error.row - 1] ?? parsed.error.row}: ${parsed.error.message}.`);
  const rows: string[][] = [];
  parsed.rows.forEach((r, i) => {
    while (rows.length < parsed.lines[i] - 1) rows.push([""]);
    rows.push(r);
  });
  const filled = (r: string[]) => r.some((c) => c.trim() !== "");
  // The header as the import takes it (a title line above it is skipped), so the width check measures it.
  const headerAt = importHeaderAt(rows);
  if (headerAt < 0) throw new Rejected(`${csvPath}: the file is empty (it needs a header row and OKR rows).`);
  if (!rows.slice(headerAt + 1).some(filled)) throw new Rejected(`${csvPath}: no OKR rows under the header.`);
  // A row longer than the header usually has an unquoted comma inside a cell: refuse rather than drop cells.
  const headerWidth = rows[headerAt].length;
  const long = rows.findIndex((r, i) => i > headerAt && r.slice(headerWidth).some((c) => c.trim() !== ""));
  if (long >= 0) {
    throw new Rejected(`${csvPath}: row ${long + 1} has ${rows[long].length} cells but the header has ${headerWidth} (put cells containing commas in double quotes).`);
  }
  const wb = await openWorkbook(file, { at: dateFlag(flags, "at") });
  const tab = "_okr_import";
  const ss = wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheet = ss.insertSheet(tab);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  // A new tab is 1000 × 26, as in Sheets: grow it to the CSV's size.
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  // Every CSV cell goes in as literal text; the import decides what is a number.
  const grid = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined || r[i] === "" ? "" : "'" + r[i])));
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
  const r = expectOk(callAddon(wb, "importOkrsFromTab", { tab }));
  ss.deleteSheet(ss.getSheetByName(tab)!);
  await wb.save();
  out(`Imported ${plural(r.objectives, "objective")} and ${plural(r.keyResults, "key result")}.`);
  // The import's notes about the file as they are ("Objective O2 already exists: …"), setup's focus checks labelled.
  for (const n of r.notes || []) out(n);
  for (const w of r.warnings || []) out(`Focus check: ${w}`);
}

async function cmdCheckin(positionals: string[], flags: Flags): Promise<void> {
  const file = fileArg(positionals);
  if (flags.from !== undefined) return cmdCheckinFrom(file, flags, positionals[0]);
  const kr = need(flags, "kr");
  const value = need(flags, "value");
  const at = dateFlag(flags, "at");
  const as = flags.as === undefined ? null : String(flags.as);
  // Offline nobody is signed in: --as is a choice, and the log's Author says so ("… (chosen; …)").
  const wb = await openWorkbook(file, { at, user: null });
  let asChoice: string | undefined = as ?? undefined;
  let confidence = flags.confidence === undefined ? undefined : String(flags.confidence);
  // Without --as, act as the KR's owner, and the log says so.
  if (!as) {
    const owner = ownerOf(wb, kr);
    if (owner === null) throw new Rejected(noSuchKrMessage(kr));
    if (owner === "") throw new Rejected(`${kr} has no owner yet: fill in its Owner, or check in as an admin with --as EMAIL.`);
    asChoice = owner;
  }
  if (confidence === undefined) confidence = lastConfidence(wb, kr, asChoice);
  const req: Record<string, unknown> = {
    requestId: randomUUID(),
    krId: kr,
    value,
    confidence,
    whatChanged: flags.comment === undefined ? "" : String(flags.comment),
    blockers: flags.blockers === undefined ? "" : String(flags.blockers),
    nextStep: flags.next === undefined ? "" : String(flags.next),
  };
  if (asChoice) req.as = asChoice;
  if (flags.correct) req.correct = true;
  if (flags.confirm) req.confirmed = true;
  const sent = callAddon(wb, "submitCheckin", req);
  if (sent && !sent.ok && typeof sent.message === "string") sent.message = dayFrom(sent.message, at ? "--at" : null);
  const r = expectOk(sent);
  await wb.save();
  out(checkedInLines(wb, [{ kr: r.kr, day: at, requestId: req.requestId as string }])[0]);
  // The closed cycle's notice names the command that closes it again, not the menu item (as a refusal does).
  if (typeof r.notice === "string") out(commandHint(r.notice, positionals[0]));
}

async function cmdCheckinFrom(file: string, flags: Flags, typed: string): Promise<void> {
  const csvName = need(flags, "from");
  const csvPath = here(csvName);
  const single = ["kr", "value", "confidence", "comment", "blockers", "next", "as", "correct"].filter((f) => flags[f] !== undefined);
  if (single.length) throw new UsageError(`--from takes its check-ins from the file: leave out --${single[0]}.`);
  if (!existsSync(csvPath)) throw new Rejected(`${csvName}: no such file.`);
  if (statSync(csvPath).isDirectory()) throw new Rejected(`${csvName}: is a directory, not a CSV file.`);
  const csv = csvText(csvName, readFileSync(csvPath), "run the check-in again");
  // checkinBatch opens the workbook itself: hand it the command's "today" (rows without `at` take it).
  const at = dateFlag(flags, "at");
  const { lines, notice } = await checkinBatch(file, csvName, csv, { at: atOrNow(at), atGiven: at !== undefined, confirm: !!flags.confirm });
  for (const l of lines) out(l);
  out(`${lines.length} check-in${lines.length === 1 ? "" : "s"} saved.`);
  if (notice) out(commandHint(notice, typed));
}

async function cmdSimple(fn: "generateWeeklySummary" | "createMidCycleReview" | "endCycle", positionals: string[], flags: Flags, describe: (r: any, sep: NumberStyle) => string): Promise<void> {
  const file = fileArg(positionals);
  const at = dateFlag(flags, "at");
  const wb = await openWorkbook(file, { at });
  const r = expectOk(callAddonRaw(wb, fn, at ? { at } : {}));
  await wb.save();
  out(describe(r, numberStyleFor(wb.services.spreadsheet.getSpreadsheetLocale())));
}

async function cmdShow(positionals: string[], flags: Flags): Promise<void> {
  const file = fileArg(positionals);
  const name = need(flags, "sheet");
  const wb = await openWorkbook(file, { at: dateFlag(flags, "at"), readOnly: true, onlyTab: name });
  const ss = wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const aside = wb.setAside.find((n) => n.toLowerCase() === name.toLowerCase());
  if (aside) throw new Rejected(`${positionals[0]}: the tab "${aside}" is larger than the offline engine takes (${MAX_TAB_ROWS.toLocaleString("en-US")} rows, ${MAX_TAB_COLUMNS} columns).`);
  if (!ss.getSheetByName(name)) {
    throw new Rejected(`No tab named "${name}". Tabs: ${ss.getSheets().map((s) => s.getName()).join(", ")}.`);
  }
  // Under its own name (the JSON's "tab"), whatever the case typed.
  out(showTab(wb, ss.getSheetByName(name)!.getName(), !!flags.json));
}

async function cmdRollover(positionals: string[], flags: Flags): Promise<void> {
  const file = fileArg(positionals);
  const start = dateFlag(flags, "start");
  if (!start) throw new UsageError("--start is required.");
  const opts: Record<string, unknown> = { start };
  const weeks = intFlag(flags, "weeks");
  if (weeks !== undefined) opts.weeks = weeks;
  if (flags.name !== undefined) opts.name = String(flags.name);
  const wb = await openWorkbook(file, { at: dateFlag(flags, "at") ?? start });
  const r = expectOk(callAddon(wb, "rollOverCycle", opts));
  await wb.save();
  out(`Started "${r.cycle}" with ${plural(r.carried.objectives, "objective")} and ${plural(r.carried.keyResults, "key result")}; archived ${r.archived.join(", ")}.`);
  if (r.changed && r.changed.length) out(changedLine(r.changed));
  for (const w of r.warnings || []) out(`Focus check: ${w}`);
}

async function cmdEdit(positionals: string[], flags: Flags): Promise<void> {
  const file = fileArg(positionals);
  const name = need(flags, "sheet");
  const a1 = need(flags, "range");
  if (flags.value === undefined) throw new UsageError("--value is required.");
  const wb = await openWorkbook(file, { at: dateFlag(flags, "at") });
  const ss = wb.services.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Rejected(`No tab named "${name}".`);
  // The tab's own name: getSheetByName ignores case, and "check-ins" must be kept as "Check-ins" is.
  const tab = sheet.getName();
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = sheet.getRange(a1);
  } catch {
    throw new Rejected(`"${a1}" is not a cell reference like B3.`);
  }
  if (range.getNumRows() !== 1 || range.getNumColumns() !== 1) throw new Rejected(`--range must be a single cell, not ${a1}.`);
  const owner = addonOwned(tab, range);
  if (owner && !flags.force) throw new Rejected(`${tab}!${range.getA1Notation()} is ${owner}, kept by the add-on; edit it anyway with --force.`);
  range.setValue(String(flags.value));
  await wb.save();
  out(`${tab}!${range.getA1Notation()} = ${range.getDisplayValue()}`);
}

/** Why the add-on owns a cell (a formula, a header, a tab it writes), or null for a cell people fill. */
function addonOwned(tab: string, range: GoogleAppsScript.Spreadsheet.Range): string | null {
  if (range.getFormula()) return "a formula";
  if (tab === "Weekly Summary" || tab === "Weekly Trend") return `part of the ${tab} (regenerate the Weekly Summary instead)`;
  if (tab === "Check-ins" || tab === "History") return `in the ${tab} log (check in, or correct a check-in, instead)`;
  if (range.getRow() === 1 && ["Objectives", "Key Results", "Settings"].indexOf(tab) >= 0) return "a header";
  return null;
}

/** `close` before the cycle's last week ends it early: asked for explicitly with --early. */
async function cmdClose(positionals: string[], flags: Flags): Promise<void> {
  if (!flags.early) {
    const file = fileArg(positionals);
    const wb = await openWorkbook(file, { at: dateFlag(flags, "at") });
    const view = callAddon(wb, "getSidebarData", {});
    if (view && view.ok && view.cycle.week < view.cycle.weeks) {
      throw new Rejected(`The cycle is in week ${view.cycle.week} of ${view.cycle.weeks}: closing it now ends it early. Run it again with --early to close it anyway.`);
    }
  }
  return cmdSimple("endCycle", positionals, flags, (r) => `"${r.tab}" written: ${okrRows(r.rows)} with final scores and grades.${r.notice ? `\n${r.notice}` : ""}`);
}

async function cmdRepair(positionals: string[], flags: Flags): Promise<void> {
  const file = fileArg(positionals);
  const wb = await openWorkbook(file, { at: dateFlag(flags, "at") });
  const r = expectOk(callAddon(wb, "repairTracker"));
  await wb.save();
  // The rows are kept but for the spaces Repair removed around IDs, which its ID lines name (as the menu says it).
  const trimmed = r.ids.length ? ", but for the spaces removed around IDs" : "";
  const parts = [`Repaired ${positionals[0]}: formulas, formatting, dropdowns and protection restored; rows kept${trimmed}.`];
  if (r.created?.length) parts.push(`Re-created: ${r.created.join(", ")}.`);
  parts.push(...restoredSentences(r).filter(Boolean));
  out(parts.join(" "));
  // What Repair could not do, and Settings typed wrong, as the menu's dialog says them.
  for (const w of r.warnings || []) if (w.startsWith("Settings")) out(w.replace("run Repair tracker", () => `run "okr-sheets repair ${positionals[0]}"`));
}

async function cmdServe(positionals: string[], flags: Flags): Promise<void> {
  const file = fileArg(positionals);
  const port = intFlag(flags, "port") ?? 8080;
  if (port < 1 || port > 65535) throw new UsageError("--port must be a whole number from 1 to 65535.");
  await servePreview(file, { port, as: flags.as === undefined ? null : String(flags.as), at: dateFlag(flags, "at") });
}

async function cmdRollup(positionals: string[], flags: Flags): Promise<void> {
  const file = fileArg(positionals);
  const teams = positionals.slice(1);
  for (const t of teams) if (!existsSync(here(t))) throw new Rejected(`${t}: no such file (nothing was changed).`);
  const limit = intFlag(flags, "limit");
  if (limit !== undefined && limit < 1) throw new UsageError("--limit must be a whole number of 1 or more.");
  const { wb, result } = await rollupWorkbook(file, await loadXlsx(file), teams.map(here), { at: atOrNow(dateFlag(flags, "at")), limit });
  const r = expectOk(result);
  await wb.save();
  if (r.created) {
    out(`Created the Portfolio tab in ${positionals[0]}: list the team trackers (file paths) there, or name them after the company file.`);
    return;
  }
  const when = rollupWhen(r, `week ${r.week} of ${r.weeks}`);
  out(`Portfolio refreshed: ${when}; ${ofTotal(r.read, r.listed, "team tracker")} read.`);
  const none = noneLine(r.digest, "  ");
  if (r.forecastToMiss) out(`  ${missingLine(r.forecastToMiss)} (the roll-up's "At this pace" section).`);
  else if (none) out(none);
  // The teams behind or silent, as the company's weekly digest says them (core/portfolioDigest.ts).
  if (r.digest) for (const l of portfolioDigestLines(r.digest, numberStyleFor(wb.services.spreadsheet.getSpreadsheetLocale())).teams) out(`  ${l}`);
  for (const u of r.unreadable) out(`  ${u.team}: ${u.problem}`);
  if (r.pending) out(`  ${plural(r.pending, "team tracker was", "team trackers were")} left for the next run: run rollup without --limit to read them all (offline, a run does not continue the last one).`);
}

async function cmdDemo(positionals: string[], flags: Flags, serve: boolean): Promise<void> {
  const dir = here(positionals[0] || "demo");
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new Rejected(`${positionals[0]} exists and is not a folder.`);
  if (serve) {
    const port = intFlag(flags, "port") ?? 8080;
    if (port < 1 || port > 65535) throw new UsageError("--port must be a whole number from 1 to 65535.");
    const command = io().command ?? "okr-sheets demo-serve";
    return demoServe({ dir, port, fresh: !!flags.fresh, at: dateFlag(flags, "at"), command, out });
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "okr-demo.xlsx");
  const info = await buildDemo(file);
  out(`Demo tracker: ${file}`);
  out(`  ${info.summary}`);
  if (flags.portfolio) {
    const [company, ...teams] = await buildPortfolioDemo(dir, file);
    out(`Portfolio demo: ${company} rolls up ${teams.map((t) => basename(t)).join(", ")} (the last is listed but missing).`);
  }
}

export async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    if (!command) throw new UsageError("A command is required.");
    // `help checkin`: that command's usage (an unknown one is a usage error, as `okr-sheets nope` is).
    if (command === "help" && rest.length) {
      if (!FLAGS[rest[0]] || rest[0] === "demo-serve" || rest.length > 1) throw new UsageError(`Unknown command "${rest.join(" ")}".`);
      out(commandUsage(rest[0]));
      return;
    }
    out(USAGE);
    return;
  }
  if (!FLAGS[command]) throw new UsageError(`Unknown command "${command}".`);
  // `checkin --help` is help, not an unknown option: a person asks it before knowing the flags.
  if (asksHelp(command, rest)) {
    out(commandUsage(command));
    return;
  }
  const { positionals, flags } = parse(command, rest);
  const file = positionals[0];
  const go = () => {
    // Checked before anything is read: the program's save would undo what the command writes.
    const open = WRITES.has(command) && file && existsSync(here(file)) ? openElsewhereMessage(here(file), file) : null;
    if (open) throw new Rejected(open);
    return dispatch(command, positionals, flags);
  };
  try {
    // Commands that save hold the tracker's lock from reading it to saving it (fileLock.ts).
    return await (WRITES.has(command) && file ? withFileLock(here(file), file, go) : go());
  } catch (e) {
    if (e instanceof Error && file && !(e instanceof UsageError)) {
      // The file as the person typed it, as the command's own messages name it ("t.xlsx: no such file."),
      // not the absolute path the reader was given.
      const typed = e.message.startsWith(`${here(file)}: `) ? file + e.message.slice(here(file).length) : e.message;
      e.message = commandHint(typed, file);
    }
    throw e;
  }
}

const WRITES = new Set(["new", "import", "checkin", "summary", "review", "close", "rollover", "edit", "repair", "rollup"]);

function dispatch(command: string, positionals: string[], flags: Flags): Promise<void> {
  switch (command) {
    case "new": return cmdNew(positionals, flags);
    case "import": return cmdImport(positionals, flags);
    case "checkin": return cmdCheckin(positionals, flags);
    case "summary":
      // The overall score in the tracker's decimal separator, as the summary's own cells show it.
      return cmdSimple("generateWeeklySummary", positionals, flags, (r, sep) =>
        `Weekly Summary regenerated: week ${r.week} of ${r.weeks}; overall ${r.data.overall.score === null ? "—" : fixedText(r.data.overall.score, 2, sep)} (${r.data.overall.status}).`);
    case "review":
      return cmdSimple("createMidCycleReview", positionals, flags, (r) => `"${r.tab}" written: ${okrRows(r.rows)}.`);
    case "close":
      return cmdClose(positionals, flags);
    case "show": return cmdShow(positionals, flags);
    case "serve": return cmdServe(positionals, flags);
    case "rollover": return cmdRollover(positionals, flags);
    case "edit": return cmdEdit(positionals, flags);
    case "repair": return cmdRepair(positionals, flags);
    case "rollup": return cmdRollup(positionals, flags);
    case "demo": return cmdDemo(positionals, flags, false);
    case "demo-serve": return cmdDemo(positionals, flags, true);
  }
  throw new UsageError(`Unknown command "${command}".`);
}

/** Runs a command; returns the exit code. Never prints a stack trace. */
export async function main(argv: string[], cliIo: CliIo = {}): Promise<number> {
  const err = (text: string) => (cliIo.stderr ? cliIo.stderr(text) : process.stderr.write(text));
  return ioStore.run(cliIo, async () => {
    try {
      await run(argv);
      return 0;
    } catch (e) {
      if (e instanceof UsageError) {
        err(`okr-sheets: ${e.message}\n${USAGE}\n`);
        return 2;
      }
      const msg = e instanceof Error ? e.message : String(e);
      err(`okr-sheets: ${msg.split("\n")[0]}\n`);
      return 1;
    }
  });
}
