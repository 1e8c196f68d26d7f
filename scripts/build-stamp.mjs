// Whether dist/ and build/ are what scripts/build.mjs would make now, so that `npm start` (scripts/start.mjs
// runs build.mjs --if-changed) builds only after a change: a build is ~3 s of esbuild and terser (~8 s of
// CPU since session 17, terser compressing dist/Code.js), and `npm start` was building on every start. After each build, build/.stamp.json records a hash of everything
// the build reads and one of each file it wrote; --if-changed skips only when both still match. What the
// build reads: every file under src/ and scripts/, the manifests, package.json, tsconfig.json (esbuild reads
// it), the installed dependencies' versions (node_modules/.package-lock.json, which npm rewrites on every
// install; without it there is no skipping) and OKR_RHYTHM. A dependency edited in place inside
// node_modules is not seen: `npm run build` always builds.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const FILES = ["package.json", "tsconfig.json", "appsscript.json", "appsscript.rhythm.json", "node_modules/.package-lock.json"];
const FOLDERS = ["src", "scripts"];
/** What build.mjs writes (Sidebar.html only when src/client/sidebar.html exists). */
export const OUTPUTS = ["dist/Code.js", "dist/Sidebar.html", "dist/appsscript.json", "build/cli.mjs", "build/cli.cjs"];
const STAMP = "build/.stamp.json";

function filesUnder(root, dir) {
  const out = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...filesUnder(root, rel));
    else out.push(rel);
  }
  return out;
}

const hashOf = (data) => createHash("sha256").update(data).digest("hex");

/** A hash of what the build reads in `root` (null when the installed dependencies cannot be told). */
export function inputsHash(root, env = process.env) {
  if (!existsSync(join(root, "node_modules", ".package-lock.json"))) return null;
  const files = [...FILES.filter((f) => existsSync(join(root, f))), ...FOLDERS.flatMap((d) => (existsSync(join(root, d)) ? filesUnder(root, d) : []))].sort();
  const h = createHash("sha256").update(`OKR_RHYTHM=${env.OKR_RHYTHM === "1" ? "1" : ""}\0`);
  for (const f of files) h.update(relative(root, join(root, f))).update("\0").update(hashOf(readFileSync(join(root, f)))).update("\0");
  return h.digest("hex");
}

function outputsOf(root) {
  return Object.fromEntries(OUTPUTS.filter((f) => existsSync(join(root, f))).map((f) => [f, hashOf(readFileSync(join(root, f)))]));
}

/**
 * Records, after a build, what it was made from and what it wrote. `inputs` is the hash taken before the
 * build read anything: a file edited while it ran then differs from the stamp, and the next start builds.
 */
export function writeStamp(root, env = process.env, inputs = inputsHash(root, env)) {
  if (inputs === null) return;
  writeFileSync(join(root, STAMP), JSON.stringify({ inputs, outputs: outputsOf(root) }, null, 1) + "\n");
}

/** Whether the last build's stamp matches the inputs and the outputs as they are now. */
export function upToDate(root, env = process.env, inputs = inputsHash(root, env)) {
  if (!existsSync(join(root, STAMP))) return false;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, STAMP), "utf8"));
  } catch {
    return false;
  }
  if (inputs === null || stamp.inputs !== inputs) return false;
  const now = outputsOf(root);
  const want = stamp.outputs ?? {};
  if (!now["dist/Code.js"] || !now["build/cli.cjs"]) return false;
  return Object.keys(want).length === Object.keys(now).length && Object.entries(want).every(([f, h]) => now[f] === h);
}

/** Before a build: a build that fails half-way leaves no stamp claiming its outputs. */
export function clearStamp(root) {
  rmSync(join(root, STAMP), { force: true });
}
