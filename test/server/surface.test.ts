// The shipped bundle's public surface: dist/Code.js as Apps Script sees it (run `npm run build` first).
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import ts from "typescript";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { createServices, loadAddon } from "../../src/local/sheets";
import { emptySnapshot } from "../../src/local/snapshot";
import { distDir } from "../../src/local/runtime";

const CODE_PATH = join(distDir(), "Code.js");
const code = readFileSync(CODE_PATH, "utf8");

// Every export of src/server/index.ts, listed by hand: a new or lost entry point must be a decision.
const EXPECTED = [
  "onOpen", "onInstall",
  "menuSetUp", "menuCheckIn", "menuSummary", "menuReview", "menuClose", "menuRollOver", "menuImport",
  "menuRepair", "menuWeekly", "menuWeeklyNow", "menuPortfolio", "menuHelp",
  "getSidebarData", "submitCheckin",
  "setupTracker", "repairTracker", "generateWeeklySummary", "createMidCycleReview", "endCycle",
  "rollOverCycle", "importOkrsFromTab", "setWeeklyRefresh", "weeklyRefresh", "sendWeeklyEmailsNow",
  "refreshPortfolio",
].sort();

function bareLoad(): { context: vm.Context; names: string[] } {
  const context = vm.createContext({});
  const before = new Set(Object.getOwnPropertyNames(vm.runInContext("globalThis", context)));
  vm.runInContext(code, context, { filename: "Code.js" });
  const g = vm.runInContext("globalThis", context) as Record<string, unknown>;
  const names = Object.getOwnPropertyNames(g).filter((n) => !before.has(n));
  return { context, names };
}

describe("dist/Code.js surface", () => {
  it("loads in a bare context (no Apps Script globals) without throwing", () => {
    expect(() => bareLoad()).not.toThrow();
  });

  it("defines exactly the index.ts exports as top-level functions, plus the one global OkrSheets", () => {
    const { context, names } = bareLoad();
    const g = vm.runInContext("globalThis", context) as Record<string, unknown>;
    const fns = names.filter((n) => typeof g[n] === "function").sort();
    expect(fns).toEqual(EXPECTED);
    const others = names.filter((n) => typeof g[n] !== "function");
    // zod (bundled) records its config on globalThis when loaded; it is an object, not an entry point.
    expect(others.sort()).toEqual(["OkrSheets", "__zod_globalConfig"]);
    expect(typeof g.__zod_globalConfig).toBe("object");
    const bundle = g.OkrSheets as Record<string, unknown>;
    expect(Object.keys(bundle).sort()).toEqual(EXPECTED);
    for (const n of EXPECTED) expect(typeof bundle[n]).toBe("function");
  });

  it("each wrapper forwards its arguments (and this) to the bundle and returns its result", () => {
    const { context } = bareLoad();
    const calls: { name: string; args: unknown[] }[] = [];
    const stub: Record<string, (...a: unknown[]) => unknown> = {};
    for (const n of EXPECTED) {
      stub[n] = (...args: unknown[]) => {
        calls.push({ name: n, args });
        return `result-of-${n}`;
      };
    }
    (vm.runInContext("globalThis", context) as Record<string, unknown>).OkrSheets = stub;
    for (const n of EXPECTED) {
      const fn = vm.runInContext(n, context) as (...a: unknown[]) => unknown;
      const arg = { marker: n };
      expect(fn(arg, 2, "three")).toBe(`result-of-${n}`);
      expect(calls.at(-1)).toEqual({ name: n, args: [arg, 2, "three"] });
      expect(calls.at(-1)!.args[0]).toBe(arg);
    }
    expect(calls).toHaveLength(EXPECTED.length);
  });

  it("is parseable as a classic script and small enough (< 300,000 bytes, the target README \"How it is built\" gives)", () => {
    expect(() => new vm.Script(code, { filename: "Code.js" })).not.toThrow();
    expect(statSync(CODE_PATH).size).toBeLessThan(300_000);
  });

  it("has no syntax newer than ES2019 left in the bundle (optional chaining, ??, logical assignment, class fields)", () => {
    // Parsed, not pattern-matched: a regex or string holding a quote (isValidEmail's) threw a stripping
    // heuristic out of step and made it report '#eeeeee' in an e-mail's CSS as a private field.
    expect(newerThanEs2019(code)).toEqual([]);
    // The check itself finds each construct, and is not fooled by quotes in a regex or a string.
    const sample = 'var a=b?.c;var d=e??f;g||=h;class K{x=1;#p=2;static{}}var r=/"#e=/,s="\\"#x=";';
    expect(newerThanEs2019(sample).map((f) => f.replace(/ at \d+$/, ""))).toEqual(["?.", "??", "||=", "class field", "class field", "#private", "static block"]);
  });

  it("ships appsscript.json with V8 and exactly the minimal scopes, each justified in the README", () => {
    const manifest = JSON.parse(readFileSync(join(distDir(), "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    const root = join(distDir(), "..");
    const scopes = (f: string) => (JSON.parse(readFileSync(join(root, f), "utf8")).oauthScopes as string[]).slice().sort();
    const g = (s: string) => `https://www.googleapis.com/auth/${s}`;
    expect(manifest.oauthScopes.slice().sort()).toEqual(scopes("appsscript.json"));
    expect(scopes("appsscript.json")).toEqual([g("script.container.ui"), g("spreadsheets.currentonly"), g("userinfo.email")]);
    // The opt-in weekly refresh and portfolio roll-up: a trigger, opening spreadsheets by ID or URL (the
    // tracker from its trigger, the team trackers from the company's), and mail.
    expect(scopes("appsscript.rhythm.json")).toEqual(
      [g("script.container.ui"), g("script.scriptapp"), g("script.send_mail"), g("spreadsheets"), g("userinfo.email")].sort(),
    );
    const readme = readFileSync(join(root, "README.md"), "utf8");
    for (const s of [...scopes("appsscript.json"), ...scopes("appsscript.rhythm.json")]) {
      expect(readme, s).toContain("| `" + s.replace("https://www.googleapis.com/auth/", "") + "` |");
    }
  });

  it("pins every dependency in the lock file", () => {
    const root = join(distDir(), "..");
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, name).toBeDefined();
      expect(entry.version, name).toMatch(/^\d+\.\d+\.\d+/);
      expect(entry.integrity, name).toMatch(/^sha512-/);
    }
    expect(lock.packages[""].dependencies).toEqual(pkg.dependencies);
  });

  it("deploys with a pinned clasp and no global install", () => {
    const pkg = JSON.parse(readFileSync(join(distDir(), "..", "package.json"), "utf8"));
    for (const script of ["clasp", "deploy", "deploy:rhythm"]) {
      expect(pkg.scripts[script], script).toMatch(/(^|&& )npx --yes @google\/clasp@\d+\.\d+\.\d+( |$)/);
    }
  });

  it("locks every platform's optional packages, so `npm ci` installs on any machine", () => {
    const lock = JSON.parse(readFileSync(join(distDir(), "..", "package-lock.json"), "utf8"));
    const packages: Record<string, { version?: string; integrity?: string; optionalDependencies?: Record<string, string> }> = lock.packages;
    /** Node's lookup: the nearest node_modules/NAME from the package's folder up to the root. */
    const resolve = (from: string, name: string): string | undefined => {
      for (let base = from; ; ) {
        const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
        if (packages[candidate]) return candidate;
        if (!base) return undefined;
        const cut = base.lastIndexOf("/node_modules/");
        base = cut < 0 ? "" : base.slice(0, cut);
      }
    };
    let optional = 0;
    for (const [path, entry] of Object.entries(packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        const found = resolve(path, name);
        expect(found, `${path || "the project"} → optional ${name}`).toBeDefined();
        expect(packages[found!].integrity, found).toMatch(/^sha512-/);
        optional++;
      }
    }
    // esbuild alone names a package per platform; none at all would mean the check read nothing.
    expect(optional).toBeGreaterThan(20);
  });
});

describe("onOpen / onInstall", () => {
  const REQUIRED = ["Set up tracker", "Check in", "Generate weekly summary", "Mid-cycle review", "End cycle & retrospective", "Settings / help"];

  function fresh() {
    const services = createServices(emptySnapshot("t"), { now: new Date("2026-01-05T12:00:00Z"), user: null });
    const addon = loadAddon(code, services);
    return { services, addon };
  }

  it("loading the add-on touches no service", () => {
    const { services } = fresh();
    expect(services.counters.serviceCalls).toBe(0);
  });

  it("onOpen in AuthMode.NONE builds the add-on menu and touches no properties or data", () => {
    const { services, addon } = fresh();
    services.counters.reset();
    addon.call("onOpen", { authMode: "NONE" });
    const menus = services.ui.menus;
    expect(menus).toHaveLength(1);
    expect(menus[0].name).toBe("Add-on");
    const captions = menus[0].items.map((i) => i.caption);
    for (const c of REQUIRED) expect(captions).toContain(c);
    // Each item names a top-level function of the bundle.
    for (const item of menus[0].items) expect(EXPECTED).toContain(item.fn);
    const methods = Object.keys(services.counters.byMethod);
    expect(methods.filter((m) => /^(Properties|PropertiesService|Spreadsheet|Sheet|Range|Session|CacheService|Cache)\./.test(m))).toEqual([]);
    expect(methods.every((m) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(m))).toBe(true);
  });

  it("onInstall builds the same menu", () => {
    const a = fresh();
    a.addon.call("onOpen", { authMode: "NONE" });
    const b = fresh();
    b.addon.call("onInstall", { authMode: "NONE" });
    expect(b.services.ui.menus).toEqual(a.services.ui.menus);
    expect(b.services.ui.menus[0].items.length).toBeGreaterThanOrEqual(REQUIRED.length);
  });
});

/** Each construct ES2019 lacks that the bundle holds, as "kind at offset" (Apps Script's V8 runs ES2019 as the guide targets). */
function newerThanEs2019(source: string): string[] {
  const file = ts.createSourceFile("Code.js", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: string[] = [];
  const newer = new Set([
    ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.QuestionQuestionEqualsToken,
    ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ]);
  const visit = (node: ts.Node): void => {
    const at = (what: string) => found.push(`${what} at ${node.getStart(file)}`);
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && node.questionDotToken) at("?.");
    if (ts.isBinaryExpression(node) && newer.has(node.operatorToken.kind)) at(ts.tokenToString(node.operatorToken.kind) || "operator");
    if (ts.isPrivateIdentifier(node)) at("#private");
    if (ts.isClassStaticBlockDeclaration(node)) at("static block");
    if (ts.isPropertyDeclaration(node)) at("class field");
    if (ts.isBigIntLiteral(node)) at("BigInt literal");
    if (ts.isNumericLiteral(node) && node.getText(file).includes("_")) at("numeric separator");
    ts.forEachChild(node, visit);
  };
  visit(file);
  if ((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length) found.push("does not parse");
  return found;
}
