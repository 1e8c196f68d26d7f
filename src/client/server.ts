// The sidebar's calls to the server, through google.script.run.
import type { CheckinRequest, CheckinResult, SidebarRequest, SidebarResult } from "../core/api";

interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

function scriptRun(): ScriptRunner | null {
  const g = (window as unknown as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g && g.script && g.script.run ? g.script.run : null;
}

export function callServer(fn: "getSidebarData", arg: SidebarRequest): Promise<SidebarResult>;
export function callServer(fn: "submitCheckin", arg: CheckinRequest): Promise<CheckinResult>;
export function callServer(fn: string, arg: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const run = scriptRun();
    if (!run) {
      reject(new Error("google.script.run is not available"));
      return;
    }
    const r = run.withSuccessHandler(resolve).withFailureHandler(reject);
    const f = r[fn];
    if (typeof f !== "function") {
      reject(new Error("Unknown server function"));
      return;
    }
    (f as (a: unknown) => void).call(r, arg);
  });
}
