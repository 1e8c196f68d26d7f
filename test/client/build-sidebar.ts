// Builds the sidebar the way scripts/build.mjs does (sidebar.ts bundled as an ES2019 IIFE, minified,
// inlined with sidebar.css into sidebar.html), without needing the server build to succeed.
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const HERE = dirname(fileURLToPath(import.meta.url));

const root = join(HERE, "..", "..");

export async function buildSidebarHtml(): Promise<string> {
  const js = await esbuild.build({
    entryPoints: [join(root, "src/client/sidebar.ts")],
    bundle: true,
    format: "iife",
    write: false,
    target: "es2019",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
  });
  const css = readFileSync(join(root, "src/client/sidebar.css"), "utf8");
  const script = js.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1");
  return readFileSync(join(root, "src/client/sidebar.html"), "utf8")
    .replace("/* INLINE:CSS */", () => css)
    .replace("/* INLINE:JS */", () => script);
}
