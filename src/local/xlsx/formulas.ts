// Formula text between the snapshot (Google Sheets style: leading "=", English names, commas) and the
// xlsx file (no "=", functions newer than Excel 2007 stored with the `_xlfn.` prefix, a few dynamic-array
// ones with `_xlfn._xlws.`). Without the prefix Excel shows #NAME? for e.g. IFS until the cell is re-entered.
import { readsAsReference } from "../../core/a1";

/** Functions Excel stores as `_xlfn.NAME` (added in Excel 2010 or later). */
const XLFN = new Set(
  `ACOT ACOTH AGGREGATE ARABIC ARRAYTOTEXT BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV
  BITAND BITLSHIFT BITOR BITRSHIFT BITXOR BYCOL BYROW CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT
  CHISQ.INV CHISQ.INV.RT CHISQ.TEST CHOOSECOLS CHOOSEROWS COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT
  COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL DROP ENCODEURL ERF.PRECISE ERFC.PRECISE EXPAND
  EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS
  FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA
  GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HSTACK HYPGEOM.DIST IFNA IFS IMAGE IMCOSH IMCOT IMCSC IMCSCH
  IMSEC IMSECH IMSINH IMTAN ISFORMULA ISOMITTED ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV MAKEARRAY MAP
  MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV NORM.S.DIST
  NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC
  PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY RANK.AVG RANK.EQ REDUCE RRI SCAN SEC
  SECH SEQUENCE SHEET SHEETS SKEW.P SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T
  T.TEST TAKE TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW UNICHAR UNICODE UNIQUE VALUETOTEXT VAR.P
  VAR.S VSTACK WEBSERVICE WEIBULL.DIST WORKDAY.INTL WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR Z.TEST`.split(/\s+/),
);
/** Dynamic-array functions Excel stores as `_xlfn._xlws.NAME`. */
const XLWS = new Set(["FILTER", "SORT"]);

/** Applies `fn` to the parts of a formula outside "string" literals and 'quoted sheet' names. */
function mapOutsideQuotes(formula: string, fn: (code: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else {
      let j = i;
      while (j < formula.length && formula[j] !== '"' && formula[j] !== "'") j++;
      out += fn(formula.slice(i, j));
      i = j;
    }
  }
  return out;
}

const FUNCTION_CALL = /([A-Za-z_][A-Za-z0-9_.]*)(\s*\()/g;

/** "=IFS(A1>1,"x")" -> "_xlfn.IFS(A1>1,"x")" (no leading "="), as stored in an xlsx <f> element. */
export function toXlsxFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return mapOutsideQuotes(body, (code) =>
    code.replace(FUNCTION_CALL, (whole, name: string, paren: string, offset: number) => {
      const before = offset > 0 ? code[offset - 1] : "";
      if (before && /[A-Za-z0-9_.!$]/.test(before)) return whole;
      const upper = name.toUpperCase();
      if (XLWS.has(upper)) return `_xlfn._xlws.${name}${paren}`;
      if (XLFN.has(upper)) return `_xlfn.${name}${paren}`;
      return whole;
    }),
  );
}

/** The reverse of toXlsxFormula: "_xlfn.IFS(...)" -> "=IFS(...)". */
export function fromXlsxFormula(formula: string): string {
  const body = mapOutsideQuotes(formula, (code) => code.replace(/_xlfn\.(_xlws\.)?/gi, ""));
  return `=${body}`;
}

/** Quotes a sheet name for use in a reference when needed: Key Results -> 'Key Results'. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !readsAsReference(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'Key Results'!$B$3" into its sheet name and its A1 part. */
export function splitSheetRef(ref: string): { sheet: string; a1: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim());
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], a1: m[3] };
}

/** "B3" -> "$B$3", "B3:C9" -> "$B$3:$C$9", "A:A" -> "$A:$A". */
export function absoluteA1(a1: string): string {
  return a1
    .split(":")
    .map((part) => part.replace(/\$/g, "").replace(/^([A-Za-z]*)([0-9]*)$/, (_w, c: string, r: string) => (c ? `$${c.toUpperCase()}` : "") + (r ? `$${r}` : "")))
    .join(":");
}
