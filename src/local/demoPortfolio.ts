// `okr-sheets demo DIR --portfolio`: the demo tracker as one team of a company portfolio. DIR/portfolio/
// holds a company tracker (company objectives CO1–CO3) whose Portfolio tab lists three team trackers:
// the order-to-delivery demo (aligned to the company objectives), a customer-service team with a few
// check-ins, and a finance tracker that is listed but not there (the roll-up says it is missing).
// Everything is made through the add-on's entry points, then rolled up as of the demo's "today".
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DEMO_AS_OF, DEMO_START } from "./demo";
import { listTeams, rollupWorkbook } from "./rollup";
import { setUpNewTracker } from "./generate/tracker";
import { callAddon, clockFor, openWorkbook, type Workbook } from "./runtime";
import { saveXlsx } from "./xlsx";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sets `header` in the rows of `tab` whose `idHeader` cell is a key of `byId`. */
function setCells(wb: Workbook, tab: string, byId: Record<string, string>, header: string, idHeader = "ID"): void {
  const sheet = (wb.services.spreadsheet as unknown as Spreadsheet).getSheetByName(tab)!;
  const values = sheet.getDataRange().getValues();
  const c = values[0].indexOf(header);
  const id = values[0].indexOf(idHeader);
  values.forEach((r, i) => {
    if (i > 0 && String(r[id]) in byId) sheet.getRange(i + 1, c + 1).setValue(byId[String(r[id])]);
  });
}

function tracker(file: string, id: string, name: string): Workbook {
  return setUpNewTracker({ id, name, file, at: DEMO_START, user: "ops.lead@example.com", setup: { template: "operations", start: DEMO_START, weeks: 13, name } });
}

export async function buildPortfolioDemo(dir: string, demoFile: string): Promise<string[]> {
  const out = join(dir, "portfolio");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const company = tracker(join(out, "company.xlsx"), "okr-sheets-demo-company", "Company: autumn cycle");
  setCells(company, "Objectives", { O1: "CO1", O2: "CO2", O3: "CO3" }, "ID");
  setCells(company, "Key Results", { O1: "CO1", O2: "CO2", O3: "CO3" }, "Objective ID", "Objective ID");

  const ops = await openWorkbook(demoFile, { at: DEMO_AS_OF });
  setCells(ops, "Objectives", { O1: "CO1", O2: "CO2", O3: "CO3" }, "Parent ID");
  await saveXlsx(join(out, "order-to-delivery.xlsx"), ops.services.toSnapshot());

  const service = tracker(join(out, "customer-service.xlsx"), "okr-sheets-demo-service", "Customer service: autumn cycle");
  setCells(service, "Objectives", { O1: "CO1", O2: "CO2" }, "Parent ID");
  let n = 0;
  for (const [kr, value, day] of [["O1.KR1", "85", 10], ["O2.KR1", "5.1", 24], ["O1.KR1", "88", 38]] as [string, string, number][]) {
    const at = new Date(clockFor(DEMO_START).getTime() + day * 86400000);
    service.services.clock.set(at);
    const r = callAddon(service, "submitCheckin", { requestId: `demo-service-${++n}`, krId: kr, value, confidence: "6" });
    if (!r.ok) throw new Error(r.message);
  }
  await saveXlsx(join(out, "customer-service.xlsx"), service.services.toSnapshot());

  const companyFile = join(out, "company.xlsx");
  const files = ["order-to-delivery.xlsx", "customer-service.xlsx", "finance.xlsx"].map((f) => join(out, f));
  listTeams(company, companyFile, files.slice(0, 2));
  // The finance team's tracker is listed but not there (never shared): the roll-up says so.
  const sheet = (company.services.spreadsheet as unknown as Spreadsheet).getSheetByName("Portfolio")!;
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, 2).setValues([["'finance.xlsx", "'finance"]]);
  const { wb, result } = await rollupWorkbook(companyFile, company.services.toSnapshot(), [], { at: DEMO_AS_OF });
  if (!result.ok) throw new Error(result.message);
  await wb.save();
  return [companyFile, ...files];
}
