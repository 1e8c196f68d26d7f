// `npm start` (`okr-sheets demo-serve`): the demo tracker in the preview. The demo is built only when it is
// missing or --fresh asks for it, so check-ins a person made in an earlier session are never overwritten;
// the port is checked before anything is built.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildDemo, DEMO_AS_OF } from "./demo";
import { busyPortMessage } from "./port";
import { servePreview } from "./serve";

export const DEMO_FILE = "okr-demo.xlsx";

export interface DemoPrepared {
  file: string;
  /** True when an existing demo file was kept as it was. */
  reused: boolean;
  /** The line to print about it. */
  note: string;
}

/** The demo file in `dir`: kept when present (unless fresh), built otherwise. */
export async function prepareDemo(dir: string, opts: { fresh: boolean; freshCommand: string }): Promise<DemoPrepared> {
  const file = join(dir, DEMO_FILE);
  if (existsSync(file) && !opts.fresh) {
    return { file, reused: true, note: `Demo tracker: ${file} (kept as it was, with your changes; ${opts.freshCommand} --fresh builds a new one)` };
  }
  mkdirSync(dir, { recursive: true });
  const info = await buildDemo(file);
  return { file, reused: false, note: `Demo tracker: ${file}\n  ${info.summary}` };
}

export interface DemoServeOptions {
  dir: string;
  port: number;
  fresh: boolean;
  /** "Today" for the preview; default the demo's last day (2026-11-15). */
  at?: string;
  /** How the person started this ("npm start --" or "okr-sheets demo-serve"), for the messages. */
  command: string;
  out(text: string): void;
}

/** Refuses a busy port first, then prepares the demo and serves it until Ctrl+C. */
export async function demoServe(o: DemoServeOptions): Promise<void> {
  const busy = await busyPortMessage(o.port, o.command);
  if (busy) throw new Error(busy);
  const demo = await prepareDemo(o.dir, { fresh: o.fresh, freshCommand: o.command });
  o.out(demo.note);
  await servePreview(demo.file, { port: o.port, as: null, at: o.at ?? DEMO_AS_OF });
}
