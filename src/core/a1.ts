// A1-notation helpers shared by the server and the local tools.

/** 1 → "A", 27 → "AA". */
export function columnLetter(n: number): string {
  let s = "";
  let x = n;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** "A" → 1, "aa" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Whether a tab name, unquoted before "!", would read as a reference itself: a cell ("A1", "Q1", "ZZ9") or R1C1 ("R1C1", "RC"). */
export function readsAsReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
}

/**
 * A sheet name as it must appear in a formula or an A1 reference: quoted unless a plain word that is not
 * itself a reference (a tab named "A1", "Q1" or "R1C1" unquoted would read as a cell: `Q1!A1`).
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !readsAsReference(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}
