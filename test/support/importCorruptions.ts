// Corruptions of a random OKR import table (test/support/importModel.ts): each breaks a rule that must
// refuse the whole import, and names the rows of which at least one must be reported.
import { REQUIRED, rowNoIn, type Existing, type ModelKr, type ModelObjective } from "./importCells";

export interface Corrupted {
  table: unknown[][];
  corruptRows: number[];
  corruptions: string[];
}

/** Applies the drawn corruptions to `table` (rows changed in place; `columns` loses a column it drops). */
export function corrupt(
  table: unknown[][],
  columns: string[],
  order: ModelKr[],
  objectives: ModelObjective[],
  existing: Existing,
  drawn: [number, number, number][],
): Corrupted {
  const rowNoOf = (r: number) => rowNoIn(table, r);
  const has = (c: string) => columns.includes(c);
  const corruptRows = new Set<number>();
  const corruptions: string[] = [];
  const colOf = (c: string) => columns.indexOf(c);
  const dataRowIdx = (r: number) => rowNoOf(r) - 1;
  const setCell = (r: number, c: string, v: unknown) => {
    const i = colOf(c);
    if (i < 0) return false;
    const row = table[dataRowIdx(r)];
    while (row.length < columns.length) row.push("");
    row[i] = v;
    return true;
  };
  const rowsOfObjective = (obj: number) => order.map((x, i) => (x.obj === obj ? rowNoOf(i) : -1)).filter((i) => i > 0);
  for (const [kind, a, b] of drawn) {
    const r = a % order.length;
    const rowNo = rowNoOf(r);
    const k = order[r];
    const o = objectives[k.obj];
    const note = (what: string, rowsHit: number[]) => {
      corruptions.push(`${what} (row${rowsHit.length > 1 ? "s" : ""} ${rowsHit.join(", ")})`);
      rowsHit.forEach((x) => corruptRows.add(x));
    };
    /** A bad row; when it is a row of a new objective with a given ID, the objective may be left without
     * its text (reported on another of its rows), so any of its rows may be named. */
    const badRow = (what: string) => note(what, o.id !== "" && !o.existing ? rowsOfObjective(k.obj) : [rowNo]);
    const pick = <T,>(xs: T[]) => xs[b % xs.length];
    let stop = false;
    switch (kind % 16) {
      case 0: if (setCell(r, "metric", pick(["sideways", "", "increase decrease", "stay__above", "=increase"]))) badRow("bad metric"); break;
      case 1: if (setCell(r, "start", pick<unknown>(["abc", "1,500", "1e3", "NaN", "Infinity", "-Infinity", "1 000", "0x1F", "١٢", "--1", "1.2.3", "9999999999999999", NaN, Infinity, 1e16, -1e300]))) badRow("bad start"); break;
      case 2: if (setCell(r, "target", pick<unknown>(["ten", "5,000", "2E2", "∞", "1/2", "$5", k.metric === "milestone" ? "%5" : "5%", NaN, -Infinity, 1e308]))) badRow("bad target"); break;
      case 3: if (setCell(r, "weight", pick<unknown>(["-1", -0.5, "heavy", "1e1", NaN]))) badRow("bad weight"); break;
      case 4: if (setCell(r, "key_result", pick(["", "   ", "\t"]))) badRow("blank key_result"); break;
      case 5: if (setCell(r, "owner", pick(["", "  "]))) badRow("blank owner"); break;
      case 6: if (setCell(r, "kr_id", pick(["9lives", "a*b", "=A1", "x".repeat(65), "K?1", "<b>", "K~1", "Ω1"]))) badRow("bad kr_id"); break;
      case 7: if (setCell(r, "type", pick(["stretch", "commited", "both"]))) badRow("bad type"); break;
      case 8: if (setCell(r, "pnl_link", pick(["profit", "yes", "n/a"]))) badRow("bad pnl_link"); break;
      case 9: {
        const c = pick(["key_result", "owner", "unit", "team", "objective_owner"]);
        if (setCell(r, c, " " + "w".repeat(2001))) badRow(`over-long ${c}`);
        break;
      }
      case 10: {
        // start = target on an increase/decrease row, a missing start or target where one is needed.
        if (k.metric === "increase" || k.metric === "decrease") {
          const how = b % 3;
          if (how === 0 && setCell(r, "start", k.target.cell)) badRow("start = target");
          if (how === 1 && setCell(r, "start", "")) badRow("blank start");
          if (how === 2 && setCell(r, "target", " ")) badRow("blank target");
        } else if (k.metric === "stay_above" || k.metric === "stay_below") {
          if (setCell(r, "target", "")) badRow("stay without target");
        }
        break;
      }
      case 11: {
        // A kr_id already in the tracker, or the same kr_id (in another case) on two rows.
        if (!has("kr_id")) break;
        const other = (r + 1 + (b % Math.max(1, order.length - 1))) % order.length;
        if (existing.krIds.length && b % 2) {
          setCell(r, "kr_id", existing.krIds[b % existing.krIds.length].toLowerCase());
          badRow("existing kr_id");
        } else if (other !== r) {
          setCell(r, "kr_id", `Dup ${a}`);
          setCell(other, "kr_id", `DUP ${a}`);
          const later = rowNo > rowNoOf(other) ? r : other;
          const lo = objectives[order[later].obj];
          note("duplicate kr_id", lo.id !== "" && !lo.existing ? rowsOfObjective(order[later].obj) : [rowNoOf(later)]);
        }
        break;
      }
      case 12: {
        // Conflicting objective-level values on two rows of one objective.
        const same = order.map((x, i) => (x.obj === k.obj ? i : -1)).filter((i) => i >= 0);
        if (same.length < 2 || !has("type")) break;
        setCell(same[0], "type", "committed");
        setCell(same[same.length - 1], "type", "Aspirational");
        note("conflicting type", same.slice(1).map(rowNoOf));
        break;
      }
      case 13: {
        // Header problems: a required column missing, or a column twice. (`objective` is not required
        // beside an `objective_id` column: a file adding KRs to the tracker's objectives names them by ID.)
        const c = pick([...REQUIRED].filter((k) => !(a % 2 && k === "objective" && has("objective_id"))));
        const i = colOf(c);
        if (a % 2) {
          table = table.map((row) => row.filter((_, j) => j !== i));
          columns.splice(i, 1);
          note(`missing column ${c}`, [1]);
        } else {
          table[0] = [...table[0], c.toUpperCase().replace("_", " ")];
          note(`column ${c} twice`, [1]);
        }
        stop = true;
        break;
      }
      case 14: {
        // No data rows at all, or no header.
        // (With a blank first row the header is the first non-blank row: here a data row, so the
        // required columns are reported missing on that row.)
        if (b % 2) table = [table[0], [], columns.map(() => " ")];
        else table = [columns.map(() => ""), ...table.slice(1)];
        const headerRow = 1 + table.findIndex((row) => row.some((c) => String(c ?? "").trim() !== ""));
        note(b % 2 ? "header only" : "blank header", [headerRow]);
        stop = true;
        break;
      }
      case 15: {
        if (o.id === "" && !o.existing) {
          if (setCell(r, "objective", pick(["", "   "]))) badRow("blank objective");
        } else if (!o.existing && setCell(r, "objective_id", pick(["1st", "O*", "=O1", "O1?", "a".repeat(65)]))) {
          badRow("bad objective_id");
        }
        break;
      }
    }
    if (stop) break;
  }
  return { table, corruptRows: [...corruptRows].sort((x, y) => x - y), corruptions };
}
