// Counts and lists in messages and reports: "1 objective", "2 objectives", "1 of 1 team tracker", "A, B and C".

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Rows of a report that lists objectives and key results together: "1 objective or key result", "10 objectives and key results". */
export function okrRows(n: number): string {
  return n === 1 ? "1 objective or key result" : `${n} objectives and key results`;
}

/** "2 of 5 team trackers", "1 of 1 team tracker": the noun agrees with the total. */
export function ofTotal(part: number, total: number, one: string, many = `${one}s`): string {
  return `${part} of ${plural(total, one, many)}`;
}

/** "A", "A and B", "A, B and C". */
export function andList(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** andList of the items in double quotes: "\"A\", \"B\" and \"C\"". */
export function quotedList(items: readonly string[]): string {
  return andList(items.map((i) => `"${i}"`));
}
