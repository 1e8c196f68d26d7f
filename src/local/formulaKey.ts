// A formula's text with its cell references written relative to the cell holding it: "=B5*2" in C5 and
// "=B6*2" in C6 get the same key. HyperFormula tokenizes every formula to find the relative form it has
// parsed before (its parse cache is keyed by a hash of the tokens); tokenizing was ~15% of a small
// check-in's CPU, for ~450 formulas of 15 shapes. The CLI bundle's HyperFormula (scripts/build.mjs,
// "formula-keys") remembers the hash of each key it tokenized, so a formula of a known shape skips the lexer.
//
// Equal keys must mean equal HyperFormula hashes, so anything this does not read exactly as HyperFormula
// does gets no key (null) and is tokenized as before: relative column and row ranges (A:A, 1:1),
// references followed by "(" or whitespace, words mixing letters and digits that are not plain references
// or sheet names, non-ASCII text or unusual characters outside quotes, unclosed quotes. The sheet names the
// formula uses come back beside the key: the patch compares the IDs they resolve to with those they had
// when the key was stored (a sheet added, removed or renamed since changes HyperFormula's hash), and
// resolves them only where HyperFormula would too (resolving registers a name with HyperFormula).

import { columnNumber } from "../core/a1";

/** Characters of a word (names, numbers, references) outside quotes. */
const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 46 /* . */ || c === 36; /* $ */

/** Other characters allowed outside quotes: operators, separators, whitespace. */
const PUNCTUATION = new Set(" \t\r\n+-*/^&=<>,;():!%{}");

const REFERENCE = /^(\$?)([A-Za-z]+)(\$?)([0-9]+)$/;
const LETTERS_ONLY = /^\$?[A-Za-z]+$/;
const DIGITS_ONLY = /^\$?[0-9]+$/;
const LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;

/** A reference of a shape: its column and row, each absolute ($) or relative to the cell (0-based). */
type Ref = { colAbs: boolean; col: number; rowAbs: boolean; row: number };

/** A text's key with the cell's address left out: literal runs and references, and its sheet names. */
interface Shape {
  parts: (string | Ref)[];
  sheets: readonly string[];
}

/**
 * Shapes by formula text. Whether a text gets a key, its sheet names and where its references are depend on
 * the text alone; only the prefix and the references' offsets depend on the cell. A tracker writes the same
 * texts again and again (each check-in, each summary, each engine built from a saved file), and reading a
 * text afresh was ~2% of a server test's CPU (regular expressions on every word). Bounded: cleared when full.
 */
const shapes = new Map<string, Shape | null>();
const MAX_SHAPES = 50_000;

/** The key of `text` in the cell at `at` (0-based, HyperFormula's address) and its sheet names, or null when unsure. */
export function relativeFormulaKey(text: string, at: { sheet: number; row: number; col: number }): { key: string; sheets: readonly string[] } | null {
  let shape = shapes.get(text);
  if (shape === undefined) {
    shape = shapeOf(text);
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shapes.set(text, shape);
  }
  if (shape === null) return null;
  let key = `${at.sheet}|`;
  for (const p of shape.parts) {
    key += typeof p === "string" ? p : `\u0001${p.colAbs ? `$${p.col}` : p.col - at.col},${p.rowAbs ? `$${p.row}` : p.row - at.row}\u0001`;
  }
  return { key, sheets: shape.sheets };
}

/** Reads `text` once: its shape, or null when it gets no key. */
function shapeOf(text: string): Shape | null {
  const parts: (string | Ref)[] = [];
  let key = "";
  const sheets: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= n) return null;
        if (text[j] === ch) {
          if (text[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      if (ch === "'") {
        // Only sheet names are in single quotes.
        if (text[j + 1] !== "!") return null;
        sheets.push(text.slice(i + 1, j).replace(/''/g, "'"));
        key += text.slice(i, j + 1);
      } else key += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      if (!PUNCTUATION.has(ch)) return null;
      key += ch;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordChar(text.charCodeAt(j))) j++;
    const word = text.slice(i, j);
    const next = text[j];
    const prev = text[i - 1];
    const ref = REFERENCE.exec(word);
    if (next === "!") {
      // An unquoted sheet name.
      if (!/^[A-Za-z0-9_]+$/.test(word)) return null;
      sheets.push(word);
      key += word;
    } else if (ref) {
      if (next === "(" || (next !== undefined && /\s/.test(next))) return null;
      if (key) parts.push(key);
      key = "";
      parts.push({ colAbs: Boolean(ref[1]), col: columnNumber(ref[2]) - 1, rowAbs: Boolean(ref[3]), row: Number(ref[4]) - 1 });
    } else {
      // A column or row range's end: relative ones move with the cell; absolute ones ($B:$B) do not.
      if ((next === ":" || prev === ":") && (LETTERS_ONLY.test(word) || DIGITS_ONLY.test(word)) && word[0] !== "$") return null;
      if (LETTER.test(word) && DIGIT.test(word) && next !== "(") return null;
      key += word;
    }
    i = j;
  }
  if (key) parts.push(key);
  return { parts, sheets: Object.freeze(sheets) };
}
