// The words of a package.json script, for scripts/test.mjs, which runs the build, the typecheck and Jest without
// npm or a shell (each `npm run` cost ~0.4 s of CPU). Split as sh splits a plain command: on blanks, quotes
// grouping ('a b', "a b"; a backslash keeps the next character outside single quotes, and " \ $ ` inside double
// ones). What a shell would act on instead (&& || ; | & < > ( ) $ ` a glob, a leading # or ~, a leading
// VAR=value) is refused with one line naming it: until session 22 the script was split on blanks, so `a && b`
// ran `a` with the arguments "&&" and "b", and a quoted argument reached the command with its quotes, in pieces.

const SHELL = "&|;<>()$`*?[";

/** The command and its arguments of package.json's script `name` (its text `script`); throws one line when it cannot. */
export function scriptWords(name, script) {
  const refuse = (what) =>
    new Error(`npm test: package.json's "${name}" script (${script}) holds ${what}, which scripts/test.mjs does not run (it runs a script as one plain command, without a shell): keep it one command, or move the rest to a script file.`);
  if (typeof script !== "string") throw new Error(`npm test: package.json has no "${name}" script, which scripts/test.mjs runs.`);
  const words = [];
  let word = null; // null between words; "" a word begun (by quotes, maybe empty)
  let quote = "";
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote === "'") {
      if (ch === "'") quote = "";
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = "";
      else if (ch === "\\" && '"\\$`'.includes(script[i + 1] ?? "")) word += script[++i];
      else if (ch === "$" || ch === "`") throw refuse(`"${ch}" inside double quotes`);
      else word += ch;
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= "";
    } else if (ch === "\\" && i + 1 < script.length) {
      word = (word ?? "") + script[++i];
    } else if (SHELL.includes(ch) || ch === "\\" || (word === null && (ch === "#" || ch === "~"))) {
      throw refuse(`"${/[&|]/.test(ch) && script[i + 1] === ch ? ch + ch : ch}"`);
    } else word = (word ?? "") + ch;
  }
  if (quote) throw refuse(`a ${quote} quote it does not close`);
  if (word !== null) words.push(word);
  if (!words.length) throw new Error(`npm test: package.json's "${name}" script is empty.`);
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) throw refuse(`the variable ${words[0]} set before its command`);
  return words;
}
