// The CLI bundle's HyperFormula skips tokenizing a formula whose relative key (src/local/formulaKey.ts) it
// has seen: that is only right if equal keys always mean equal HyperFormula parse-cache hashes. Checked
// here against HyperFormula's own tokenizer and hash, on the tracker's formula shapes and on texts built
// to collide if the key read anything differently from HyperFormula.
import { describe, it } from "@jest/globals";
import type { HyperFormula } from "hyperformula";
import { expect } from "../support/expect";
import { createEngine } from "../../src/local/engine";
import { relativeFormulaKey } from "../../src/local/formulaKey";

interface Parser {
  tokenizeFormula(text: string): { tokens: unknown[]; errors: unknown[] };
  computeHashFromTokens(tokens: unknown[], at: Address): string;
  resolveSheetReference(name: string): number | undefined;
}
interface Address {
  sheet: number;
  row: number;
  col: number;
}

function engine(): { hf: HyperFormula; parser: Parser } {
  const hf = createEngine({ Sheet1: [[1]], "Key Results": [[1]], "Check-ins": [[1]], S2: [[1]] });
  return { hf, parser: (hf as unknown as { _parser: Parser })._parser };
}

/** Template -> the formula text in the cell at (row, col), 0-based. */
type Template = (row: number, col: number) => string;
const a1 = (row: number, col: number) => `${String.fromCharCode(65 + (col % 26))}${row + 1}`;

/** Shapes that must share one key wherever they are (so the cache pays). */
const SHARED: Template[] = [
  (r) => `=B${r + 1}*2`,
  (r) => `=IF(LEN($A${r + 1})=0,"",SUMIF('Key Results'!$B:$B,$A${r + 1},'Key Results'!$Q:$Q))`,
  (r) => `='Check-ins'!A${r + 1}&"|"&'Check-ins'!B${r + 1}`,
  (r) => `=ROW('Check-ins'!A${r + 1})`,
  (r, c) => `=SUM(${a1(r, c + 1)}:${a1(r + 3, c + 2)})+$C$3+C$4+$D${r + 1}`,
  (r) => `=Sheet1!B${r + 1}+S2!$A$1`,
  (r) => `=IF(A${r + 1}="A1","x",TODAY()-B${r + 1})`,
];

/** Texts HyperFormula reads with the cell's address in them (or that the key must not share). */
const TRICKY: Template[] = [
  () => "=SUM(A:A)",
  () => "=COUNTA('Check-ins'!A:A)",
  () => "=SUM(1:1)",
  () => "=SUM($B:$B)+SUM($2:$3)",
  () => "=SUM($B:B)",
  () => "=LOG10(A1)",
  () => "=A1.5",
  () => "=ABCD5",
  () => "='Nope'!A1",
  () => "=Nope!A1",
  () => "=A1 +1",
  () => "=A1 (B1)",
  () => "=TRUE",
  () => '="A1"&A1',
  () => "=#REF!+A1",
  () => "=a1+b$2",
  () => "=1E5+A1",
  () => "=Sheet1!A1:B2",
  () => "='unclosed!A1",
  (r) => `=B${r + 1}+1E${r + 1}`,
  (r) => `=LOG${r + 1}(2)`,
  (r) => `=A${r + 1}:B`,
  (r) => `=XFD${r + 1}+ZZZZ${r + 1}`,
];

const PLACES: Address[] = [
  { sheet: 0, row: 1, col: 3 },
  { sheet: 0, row: 2, col: 3 },
  { sheet: 0, row: 7, col: 4 },
  { sheet: 1, row: 2, col: 3 },
  { sheet: 2, row: 40, col: 0 },
];

describe("relativeFormulaKey", () => {
  it("gives equal keys only to formulas HyperFormula hashes alike", () => {
    const { hf, parser } = engine();
    const hashOf = new Map<string, { hash: string; text: string; at: Address }>();
    let count = 0;
    for (const t of [...SHARED, ...TRICKY]) {
      for (const at of PLACES) {
        const text = t(at.row, at.col);
        const keyed = relativeFormulaKey(text, at);
        if (keyed === null) continue;
        const lexed = parser.tokenizeFormula(text);
        if (lexed.errors.length) continue; // never cached
        const hash = parser.computeHashFromTokens(lexed.tokens, at);
        count++;
        // The patch's key: the text's key and the IDs its sheet names resolve to.
        const key = `${keyed.key} ${keyed.sheets.map((n) => parser.resolveSheetReference(n)).join(",")}`;
        const seen = hashOf.get(key);
        if (seen) expect(hash, `${text} at ${JSON.stringify(at)} vs ${seen.text} at ${JSON.stringify(seen.at)}`).toBe(seen.hash);
        else hashOf.set(key, { hash, text, at });
      }
    }
    expect(count).toBeGreaterThan(SHARED.length * PLACES.length - 1);
    hf.destroy();
  });

  it("shares one key for a shape copied down a column and none for ranges that move with the cell", () => {
    const { hf } = engine();
    for (const t of SHARED) {
      const keys = new Set([1, 2, 9].map((row) => relativeFormulaKey(t(row, 3), { sheet: 0, row, col: 3 })?.key ?? null));
      expect([...keys].length, t(1, 3)).toBe(1);
      expect([...keys][0], t(1, 3)).not.toBeNull();
    }
    for (const text of ["=SUM(A:A)", "=SUM(1:1)", "=SUM($B:B)", "=LOG10(A1)", "=A1.5", "=A1 (B1)", "='unclosed!A1", "=#REF!+A1"]) {
      expect(relativeFormulaKey(text, { sheet: 0, row: 1, col: 1 }), text).toBeNull();
    }
    hf.destroy();
  });
});
