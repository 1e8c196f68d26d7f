// One way to edit a HyperFormula source file for the CLI bundle (scripts/build.mjs) and Jest's bundle
// (scripts/jest-hyperformula-bundle.mjs, scripts/jest-hyperformula.mjs): each edit is a list of variants
// [from, to]; the first whose `from` the text holds is applied, and an edit none of whose variants is there
// fails the build, so a HyperFormula release that changes the text cannot ship an unedited engine.
export function applyEdits(text, edits, failure) {
  for (const variants of edits) {
    const v = variants.find(([from]) => text.includes(from));
    if (!v) throw new Error(failure);
    text = text.replace(v[0], v[1]);
  }
  return text;
}
