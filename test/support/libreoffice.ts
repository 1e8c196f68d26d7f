// Recalculate an .xlsx in headless LibreOffice and read back what it computed.
//
// LibreOffice normally trusts the cached values stored in an xlsx ("never recalculate" is its default
// for files not saved by itself), so simply opening a file proves nothing about its formulas. Each call
// here uses a fresh LibreOffice user profile whose settings say "always recalculate on load" (Calc >
// Formula > Recalculation on file load: Excel 2007 and newer = Always), converts the file to a new xlsx
// with `--convert-to`, and reads the freshly cached results of that copy with exceljs.
import { spawn } from "node:child_process";
import { accessSync, constants, promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { types } from "node:util";
import ExcelJS from "exceljs";
import { patchExcelDates, serialOfDate } from "../../src/local/xlsx/dates";
import { allowHistorySheetName } from "../../src/local/xlsx/historyName";

export type RecalcValue = string | number | boolean | null;

export interface RecalcOptions {
  /** Default true. False keeps LibreOffice's default (trust cached values); only useful to prove the point. */
  forceRecalc?: boolean;
  /** Milliseconds before LibreOffice is killed. Default 170 s: under the suite's 180 s test timeout, so a slow conversion fails with its own message, not a timeout. */
  timeoutMs?: number;
}

/** The soffice binary: $SOFFICE if set, else `soffice` or `libreoffice` on the PATH. */
export function sofficePath(): string | null {
  const candidates: string[] = [];
  if (process.env.SOFFICE) candidates.push(process.env.SOFFICE);
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    candidates.push(path.join(dir, "soffice"), path.join(dir, "libreoffice"));
  }
  candidates.push("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice");
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // next
    }
  }
  return null;
}

export function libreOfficeAvailable(): boolean {
  return sofficePath() !== null;
}

function profileSettings(forceRecalc: boolean): string {
  // 0 = always recalculate, 1 = never, 2 = ask (headless: treated as never).
  const mode = forceRecalc ? 0 : 1;
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>${mode}</value></prop></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${item("OOXMLRecalcMode")}
${item("ODFRecalcMode")}
</oor:items>
`;
}

function run(cmd: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`LibreOffice did not finish within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/**
 * Opens `xlsxPath` in headless LibreOffice with a forced full recalculation and returns every sheet's
 * computed values, row-major (rows[r][c] is row r+1, column c+1), keyed by sheet name. Dates come back
 * as serial numbers, errors as their text ("#DIV/0!"), empty cells as null.
 */
export async function recalcWithLibreOffice(
  xlsxPath: string,
  options: RecalcOptions = {},
): Promise<Record<string, RecalcValue[][]>> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui");
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), "okr-lo-"));
  try {
    const profile = path.join(work, "profile");
    await fsp.mkdir(path.join(profile, "user"), { recursive: true });
    await fsp.writeFile(path.join(profile, "user", "registrymodifications.xcu"), profileSettings(options.forceRecalc !== false));
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    await fsp.mkdir(inDir);
    await fsp.mkdir(outDir);
    const input = path.join(inDir, "book.xlsx");
    await fsp.copyFile(xlsxPath, input);

    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      input,
    ];
    const env = { ...process.env, HOME: work, SAL_USE_VCLPLUGIN: "svp" };
    const { code, out } = await run(soffice, args, options.timeoutMs ?? 170_000, env);
    const output = path.join(outDir, "book.xlsx");
    const exists = await fsp.stat(output).then(
      () => true,
      () => false,
    );
    if (code !== 0 || !exists) throw new Error(`LibreOffice failed to convert ${xlsxPath} (exit ${code}):\n${out}`);

    patchExcelDates();
    allowHistorySheetName();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const result: Record<string, RecalcValue[][]> = {};
    for (const ws of wb.worksheets) {
      const rows: RecalcValue[][] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        const values: RecalcValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          values[c - 1] = plain(cell.value, (cell as unknown as { result?: unknown }).result);
        });
        for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
        while (values.length && values[values.length - 1] === null) values.pop();
        rows[r - 1] = values;
      });
      for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
      result[ws.name] = rows;
    }
    return result;
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}

function plain(v: ExcelJS.CellValue, result: unknown): RecalcValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (types.isDate(v)) return serialOfDate(v);
  const o = v as unknown as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) {
    // cell.value leaves out falsy results (0, false, ""); cell.result has them.
    const r = result;
    if (r === undefined || r === null) return null;
    if (types.isDate(r)) return serialOfDate(r);
    if (typeof r === "object" && "error" in (r as object)) return String((r as { error: unknown }).error);
    return r as string | number | boolean;
  }
  if ("richText" in o) return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if ("error" in o) return String(o.error);
  if ("text" in o) return String(o.text);
  return null;
}
