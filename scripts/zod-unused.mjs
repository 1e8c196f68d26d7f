// zod's methods that dist/Code.js never calls, left out of its bundle (scripts/build.mjs): −1.6 KB. src/ checks
// its options and check-ins with `schema.safeParse` and builds schemas with `z.*` and `.check(…)`; nothing
// in src/ or in the zod code it runs calls a schema's parse, parseAsync, safeParseAsync, with, brand,
// register or apply, or reads its Standard Schema surface (`~standard`, for other libraries to validate
// with), and zod reaches its async parsing only through those. A method left out is then missing from the
// schemas as an Apps Script frame would see them, which no code path can notice. Each edit is matched to
// the letter (scripts/hyperformula-edits.mjs): a zod release that changes this text fails the build, and
// the edit is then brought up to date or dropped.
import { readFileSync } from "node:fs";
import { applyEdits } from "./hyperformula-edits.mjs";

const MINI = [
  [[
    `    // \`with\` is an alias for \`check\`: the same function object, not a wrapper.
    get with() {
        return this.check;
    },
    set with(value) {
        util.own(this, "with", value);
    },
    parse(data, params) {
        return parse.parse(this, data, params, { callee: this.parse });
    },
    parseAsync(data, params) {
        return parse.parseAsync(this, data, params, { callee: this.parseAsync });
    },
    safeParse(data, params) {`,
    "    safeParse(data, params) {",
  ]],
  [[
    `    safeParseAsync(data, params) {
        return parse.safeParseAsync(this, data, params);
    },
`,
    "",
  ]],
  [[
    `    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
});`,
    "});",
  ]],
];

const CORE = [
  [[
    `}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return util.hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        util.own(this, "~standard", value);
    },
});`,
    "});",
  ]],
];

/** The esbuild plugin; `patched` counts the files it edited, which the build checks are both there. */
export function zodUnused(patched) {
  return {
    name: "zod-unused",
    setup(b) {
      b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/](mini|core)[\\/]schemas\.js$/ }, (args) => {
        const edits = /[\\/]mini[\\/]/.test(args.path) ? MINI : CORE;
        const text = applyEdits(readFileSync(args.path, "utf8"), edits, `build: ${args.path} changed; update scripts/zod-unused.mjs`);
        patched.add(args.path);
        return { contents: text, loader: "js" };
      });
    },
  };
}
