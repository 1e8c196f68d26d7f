import { createServices, type LocalOptions, type LocalServices } from "../../../src/local/sheets";
import { emptySnapshot, type WorkbookSnapshot } from "../../../src/local/snapshot";

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Any = any;

export function setup(opts: LocalOptions = {}, snap: WorkbookSnapshot = emptySnapshot("Test")) {
  const services = createServices(snap, { now: new Date("2026-01-05T12:00:00Z"), ...opts });
  const g = services.globals as Record<string, Any>;
  const SpreadsheetApp = g.SpreadsheetApp;
  const ss = SpreadsheetApp.getActive();
  const sheet = ss.getSheets()[0];
  services.counters.reset();
  return { services, g, SpreadsheetApp, ss, sheet } as { services: LocalServices; g: Record<string, Any>; SpreadsheetApp: Any; ss: Any; sheet: Any };
}
