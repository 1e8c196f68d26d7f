// What a cell holding nothing looks like in the values the add-on reads and writes.

/** A value Sheets shows as an empty cell: "" (getValues' empty cell), null or undefined (nothing written). */
export function isBlankValue(v: unknown): v is "" | null | undefined {
  return v === "" || v === null || v === undefined;
}

/** A row Sheets shows as empty: every value blank. */
export function isBlankRow(r: readonly unknown[]): boolean {
  return r.every(isBlankValue);
}
